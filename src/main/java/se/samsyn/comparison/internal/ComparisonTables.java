package se.samsyn.comparison.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.cache.Cache;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.cache.transaction.TransactionAwareCacheDecorator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import se.samsyn.cluster.ChangeSignals;
import org.springframework.transaction.annotation.Transactional;
import se.samsyn.organisation.County;
import se.samsyn.organisation.Municipality;
import se.samsyn.organisation.MunicipalityGroup;
import se.samsyn.organisation.Organisation;
import se.samsyn.comparison.Comparisons;
import se.samsyn.comparison.Direction;
import se.samsyn.comparison.Indicator;
import se.samsyn.comparison.IndicatorNotFound;
import se.samsyn.comparison.Indicators;
import se.samsyn.comparison.PeerGroups;
import se.samsyn.comparison.ResultRow;
import se.samsyn.shared.Actor;
import se.samsyn.shared.SwedishTime;

/**
 * {@link Comparisons} on the stored results ({@code cmp_result}): reads stored results for pages, exports and the API. Suppressed cells are always returned
 * without their value and base. Nothing here computes results; see {@link ComparisonEngine}.
 *
 * <p>Indicator tables (every municipality, the regions, the groups and the nation, behind the
 * public indicator page and its map) and trends are built once and kept in a Caffeine cache of at
 * most {@link #CACHE_ENTRIES} entries, keyed by the indicator as read (so a changed name, direction
 * or publication is a new key) and the request. The access check runs before the cache on every
 * read. The cache is emptied when this instance refreshes results ({@link ResultsRefreshed}, after
 * commit), when any instance does (change signal {@link Comparisons#RESULTS_CHANGED}, within
 * {@code samsyn.cluster.signal-interval}) and when reference data changes
 * ({@link Organisation#REFERENCE_DATA_CHANGED}).
 */
@Service
@Transactional(readOnly = true)
class ComparisonTables implements Comparisons {

    private final ComparisonRepository repository;
    private final ComparisonEngine engine;
    private final Indicators indicators;
    private final Organisation organisation;
    private final PeerGroups peerGroups;
    private final Clock clock;
    private final Cache computed;

    /** The most tables and trends kept (an indicator table is about 290 rows). */
    static final int CACHE_ENTRIES = 2_000;

    private record TableKey(Indicator indicator, Integer year, String gender, String county, String group) {
    }

    private record TrendKey(Indicator indicator, String municipality, String gender) {
    }

    ComparisonTables(ComparisonRepository repository, ComparisonEngine engine, Indicators indicators, Organisation organisation,
                     PeerGroups peerGroups, Clock clock, ChangeSignals signals) {
        this.computed = new TransactionAwareCacheDecorator(new CaffeineCache("comparison-tables",
                Caffeine.newBuilder().maximumSize(CACHE_ENTRIES).build(), false));
        signals.onChange(RESULTS_CHANGED, this::forget);
        signals.onChange(Organisation.REFERENCE_DATA_CHANGED, this::forget);
        this.engine = engine;
        this.clock = clock;
        this.repository = repository;
        this.indicators = indicators;
        this.organisation = organisation;
        this.peerGroups = peerGroups;
    }

    @Override
    public Indicator indicator(Actor actor, String id) {
        return indicators.find(actor, id).orElseThrow(() -> new IndicatorNotFound(id));
    }

    @Override
    public Optional<String> guideEntry(Actor actor, String id) {
        indicator(actor, id);
        return repository.guideEntry(id);
    }

    @Override
    public List<Integer> years(Actor actor, String id) {
        indicator(actor, id);
        return repository.years(id);
    }

    /** Empties the cache of tables and trends after this instance's refresh has committed. */
    @EventListener
    void on(ResultsRefreshed event) {
        forget();
    }

    private void forget() {
        computed.clear();
    }

    @Override
    public IndicatorTable table(Actor actor, String id, Integer requestedYear, String requestedGender,
                                String countyCode, String groupCode) {
        Indicator indicator = indicator(actor, id);
        String gender = "K".equals(requestedGender) || "M".equals(requestedGender) ? requestedGender : "T";
        String county = countyCode == null || countyCode.isBlank() ? null : countyCode;
        String group = groupCode == null || groupCode.isBlank() ? null : groupCode;
        return computed.get(new TableKey(indicator, requestedYear, gender, county, group),
                () -> table(indicator, requestedYear, gender, county, group));
    }

    private IndicatorTable table(Indicator indicator, Integer requestedYear, String gender, String countyCode,
                                 String groupCode) {
        String id = indicator.id();
        List<Integer> years = repository.years(id);
        int year = requestedYear != null && years.contains(requestedYear) ? requestedYear
                : years.isEmpty() ? SwedishTime.today(clock).getYear() : years.get(years.size() - 1);
        List<ResultRow> rows = repository.results(id, year).stream().filter(r -> r.gender().equals(gender))
                .map(ResultRow::published).toList();
        Map<String, ResultRow> municipal = rows.stream().filter(r -> "municipality".equals(r.areaKind()))
                .collect(Collectors.toMap(ResultRow::areaCode, Function.identity()));
        Map<String, Integer> ranks = ranks(municipal.values(), indicator.direction());
        List<MunicipalityResult> table = new ArrayList<>();
        for (Municipality m : organisation.municipalities()) {
            if ((countyCode == null || countyCode.isBlank() || countyCode.equals(m.countyCode()))
                    && (groupCode == null || groupCode.isBlank() || groupCode.equals(m.groupCode()))) {
                ResultRow r = municipal.getOrDefault(m.code(), missing(id, m.code(), year, gender));
                table.add(new MunicipalityResult(m, r, ranks.get(m.code())));
            }
        }
        Map<String, ResultRow> byArea = rows.stream().collect(Collectors.toMap(ResultRow::areaCode, Function.identity(), (a, b) -> a));
        List<GroupValue> groups = new ArrayList<>();
        for (MunicipalityGroup g : organisation.groups()) {
            String area = g.koladaGroupId() == null ? g.code() : g.koladaGroupId();
            groups.add(groupValue(area, g.name() + " (" + g.code() + ")", byArea.get(area), municipal,
                    organisation.municipalities().stream().filter(m -> g.code().equals(m.groupCode())).map(Municipality::code).toList()));
        }
        List<GroupValue> regions = new ArrayList<>();
        for (County c : organisation.counties()) {
            String area = "00" + c.code();
            regions.add(groupValue(area, c.name(), byArea.get(area), municipal,
                    organisation.municipalities().stream().filter(m -> c.code().equals(m.countyCode())).map(Municipality::code).toList()));
        }
        return new IndicatorTable(indicator, year, gender, List.copyOf(years), List.copyOf(table), byArea.get(NATION),
                List.copyOf(groups), List.copyOf(regions));
    }

    @Override
    public List<TrendPoint> trend(Actor actor, String id, String municipalityCode, String gender) {
        Indicator indicator = indicator(actor, id);
        String g = gender == null ? "T" : gender;
        return computed.get(new TrendKey(indicator, municipalityCode, g), () -> trend(id, municipalityCode, g));
    }

    private List<TrendPoint> trend(String id, String municipalityCode, String g) {
        Optional<Municipality> municipality = municipalityCode == null ? Optional.empty()
                : organisation.municipality(municipalityCode);
        List<String> groupMembers = municipality.map(m -> organisation.municipalities().stream()
                .filter(o -> m.groupCode() != null && m.groupCode().equals(o.groupCode())).map(Municipality::code).toList())
                .orElse(List.of());
        Map<Integer, List<ResultRow>> byYear = new java.util.TreeMap<>();
        for (ResultRow r : repository.results(id)) {
            if (r.gender().equals(g)) {
                byYear.computeIfAbsent(r.year(), y -> new ArrayList<>()).add(r.published());
            }
        }
        List<TrendPoint> points = new ArrayList<>();
        byYear.forEach((year, rows) -> {
            Map<String, ResultRow> byArea = rows.stream().collect(Collectors.toMap(ResultRow::areaCode, Function.identity(), (a, b) -> a));
            Double nation = value(byArea.get(NATION));
            Double own = municipality.map(m -> value(byArea.get(m.code()))).orElse(null);
            OptionalDouble mean = groupMembers.stream().map(byArea::get).filter(r -> r != null && r.shown())
                    .mapToDouble(ResultRow::value).average();
            points.add(new TrendPoint(year, nation, own, mean.isPresent() ? mean.getAsDouble() : null));
        });
        return List.copyOf(points);
    }

    @Override
    public List<ProfileLine> profile(Actor actor, String municipalityCode, List<String> similar) {
        Municipality municipality = organisation.requireMunicipality(municipalityCode);
        List<String> groupMembers = organisation.municipalities().stream()
                .filter(o -> municipality.groupCode() != null && municipality.groupCode().equals(o.groupCode()))
                .map(Municipality::code).toList();
        List<PeerGroups.PeerGroup> peers = peerGroups.containing(municipalityCode);
        List<ProfileLine> lines = new ArrayList<>();
        for (Indicator indicator : indicators.visible(actor)) {
            List<Integer> years = repository.years(indicator.id());
            if (years.isEmpty()) {
                lines.add(new ProfileLine(indicator, null, null, null, null, null, null, List.of()));
                continue;
            }
            int year = years.get(years.size() - 1);
            Map<String, ResultRow> byArea = new HashMap<>();
            for (ResultRow r : repository.results(indicator.id(), year)) {
                if ("T".equals(r.gender())) {
                    byArea.put(r.areaCode(), r.published());
                }
            }
            List<String> peerMembers = peers.stream()
                    .filter(p -> indicator.focusArea() == null || p.focusArea().equals(indicator.focusArea()))
                    .flatMap(p -> p.members().stream()).distinct().toList();
            List<Double> trend = new ArrayList<>();
            Map<Integer, ResultRow> own = new HashMap<>();
            for (ResultRow r : repository.results(indicator.id())) {
                if (r.areaCode().equals(municipalityCode) && "T".equals(r.gender())) {
                    own.put(r.year(), r.published());
                }
            }
            for (int y : years) {
                trend.add(value(own.get(y)));
            }
            lines.add(new ProfileLine(indicator, year,
                    byArea.getOrDefault(municipalityCode, missing(indicator.id(), municipalityCode, year, "T")),
                    mean(groupMembers, byArea), peerMembers.isEmpty() ? null : mean(peerMembers, byArea),
                    similar.isEmpty() ? null : mean(similar, byArea), byArea.get(NATION), trend));
        }
        return lines;
    }

    @Override
    public Map<String, Double> municipalityValues(String indicatorId, Integer year) {
        List<Integer> years = repository.years(indicatorId);
        if (years.isEmpty()) {
            return Map.of();
        }
        int y = year != null && years.contains(year) ? year : years.get(years.size() - 1);
        Map<String, Double> values = new LinkedHashMap<>();
        for (ResultRow r : repository.results(indicatorId, y, "municipality")) {
            if ("T".equals(r.gender()) && r.shown()) {
                values.put(r.areaCode(), r.value());
            }
        }
        return values;
    }

    @Override
    public double greenPercent() {
        return engine.greenPercent();
    }

    @Override
    public double redPercent() {
        return engine.redPercent();
    }

    private GroupValue groupValue(String area, String name, ResultRow aggregate, Map<String, ResultRow> municipal,
                                  List<String> members) {
        List<Double> values = members.stream().map(municipal::get).filter(r -> r != null && r.shown())
                .map(ResultRow::value).toList();
        Double mean = values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return new GroupValue(area, name, aggregate, mean, values.size());
    }

    private static Double mean(List<String> members, Map<String, ResultRow> byArea) {
        OptionalDouble mean = members.stream().map(byArea::get).filter(r -> r != null && r.shown())
                .mapToDouble(ResultRow::value).average();
        return mean.isPresent() ? mean.getAsDouble() : null;
    }

    private static Double value(ResultRow row) {
        return row != null && row.shown() ? row.value() : null;
    }

    private static ResultRow missing(String id, String area, int year, String gender) {
        return new ResultRow(id, area, "municipality", year, gender, null, null, null, null, ResultRow.MISSING, Colouring.GREY);
    }

    /** Rank 1 is the best published value; equal values share a rank. Neutral indicators rank high to low. */
    static Map<String, Integer> ranks(java.util.Collection<ResultRow> rows, Direction direction) {
        List<ResultRow> shown = rows.stream().filter(ResultRow::shown).sorted(Comparator.comparingDouble(ResultRow::value))
                .toList();
        if (direction != Direction.LOWER_BETTER) {
            shown = new ArrayList<>(shown);
            java.util.Collections.reverse(shown);
        }
        Map<String, Integer> ranks = new HashMap<>();
        for (int i = 0; i < shown.size(); i++) {
            ResultRow r = shown.get(i);
            int rank = i > 0 && shown.get(i - 1).value().equals(r.value()) ? ranks.get(shown.get(i - 1).areaCode()) : i + 1;
            ranks.put(r.areaCode(), rank);
        }
        return ranks;
    }
}
