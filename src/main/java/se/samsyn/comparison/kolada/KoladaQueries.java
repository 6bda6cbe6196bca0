package se.samsyn.comparison.kolada;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cache.Cache;
import org.springframework.context.MessageSource;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.cache.transaction.TransactionAwareCacheDecorator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import se.samsyn.cluster.ChangeSignals;
import se.samsyn.comparison.Comparisons;
import se.samsyn.comparison.IndicatorValuesChanged;
import se.samsyn.comparison.kolada.KoladaRecords.Area;
import se.samsyn.comparison.kolada.KoladaRecords.DataItem;
import se.samsyn.comparison.kolada.KoladaRecords.GenderValue;
import se.samsyn.comparison.kolada.KoladaRecords.Group;
import se.samsyn.comparison.kolada.KoladaRecords.Kpi;
import se.samsyn.comparison.kolada.KoladaRecords.Member;
import se.samsyn.comparison.kolada.KoladaRecords.Ou;
import se.samsyn.comparison.kolada.KoladaRecords.OuDataItem;
import se.samsyn.organisation.County;
import se.samsyn.organisation.FocusArea;
import se.samsyn.organisation.Municipality;
import se.samsyn.organisation.MunicipalityGroup;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Scope;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kolada-compatible read model: published indicators (imported and computed) as KPIs, the
 * municipalities, regions and the nation, the SKR kommungrupper as municipality groups, and the
 * stored results as data items. A group's value is the unweighted mean of its members' values,
 * per gender, and its {@code count} the number of members that contributed. Suppressed cells have
 * no value; missing and not-applicable cells are left out, as Kolada leaves out what it lacks.
 *
 * <p>Answers to data queries are cached (Caffeine, through Spring's cache abstraction), because
 * clients page through the same query: an entry lives for {@code samsyn.kolada.cache-ttl} (default
 * 15 s). The caches are emptied after an import commits ({@link IndicatorValuesChanged}) and, on
 * every instance, when stored results change anywhere (change signal
 * {@link Comparisons#RESULTS_CHANGED}). The item cache holds at most {@link #CACHE_WEIGHT}
 * items and the page cache {@link #PAGE_CACHE_BYTES} bytes, least recently used first out.
 */
@Service
class KoladaQueries {

    static final String STATUS_OK = "";
    static final String STATUS_SUPPRESSED = "suppressed";

    static final int CACHE_WEIGHT = 400_000;
    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    private final KoladaRepository repository;
    private final Organisation organisation;
    private final Clock clock;
    private final Duration ttl;
    private final Cache cache;
    private final MessageSource messages;

    /** A data query: null KPIs or areas mean all. */
    private record DataKey(Set<String> kpis, Set<String> areas, Set<Integer> years) {
    }

    /** One page of a data query, already serialised, with the number of items over all pages. */
    public record SerializedPage(byte[] values, int count) {
    }

    private record PageKey(DataKey query, int page, int perPage) {
    }

    static final long PAGE_CACHE_BYTES = 64L << 20;
    private final Cache pages;
    private final JsonMapper json = JsonMapper.builder().build();

    KoladaQueries(KoladaRepository repository, Organisation organisation, Clock clock, ChangeSignals signals,
                  MessageSource messages, @Value("${samsyn.kolada.cache-ttl:15s}") Duration ttl) {
        this.repository = repository;
        this.messages = messages;
        this.organisation = organisation;
        this.clock = clock;
        this.ttl = ttl;
        Ticker ticker = () -> clock.millis() * 1_000_000L;
        this.cache = cache("kolada-data", Caffeine.newBuilder().ticker(ticker).expireAfterWrite(positive(ttl))
                .maximumWeight(CACHE_WEIGHT).weigher((Object k, Object v) -> ((List<?>) v).size()));
        this.pages = cache("kolada-pages", Caffeine.newBuilder().ticker(ticker).expireAfterWrite(positive(ttl))
                .maximumWeight(PAGE_CACHE_BYTES).weigher((Object k, Object v) -> ((SerializedPage) v).values().length));
        signals.onChange(Comparisons.RESULTS_CHANGED, this::invalidate);
    }

    private static Cache cache(String name, Caffeine<Object, Object> builder) {
        return new TransactionAwareCacheDecorator(new CaffeineCache(name, builder.build(), false));
    }

    private static Duration positive(Duration ttl) {
        return ttl.isNegative() ? Duration.ZERO : ttl;
    }

    /** Empties the data cache; called after imports and when indicator values change. */
    public void invalidate() {
        cache.clear();
        pages.clear();
    }

    /**
     * One page (from 1) of a data query as serialised JSON, cached like the query itself, since
     * writing the JSON is most of the work for large pages.
     */
    public SerializedPage dataPage(Collection<String> kpis, Collection<String> areas, Collection<Integer> years,
                                   int page, int perPage) {
        PageKey key = new PageKey(key(kpis, areas, years), page, perPage);
        SerializedPage hit = pages.get(key, SerializedPage.class);
        if (hit != null) {
            return hit;
        }
        List<DataItem> all = data(kpis, areas, years);
        long from = (long) (page - 1) * perPage;
        List<DataItem> slice = from >= all.size() ? List.of()
                : all.subList((int) from, (int) Math.min(all.size(), from + perPage));
        SerializedPage result = new SerializedPage(json.writeValueAsBytes(slice), all.size());
        if (result.values().length <= PAGE_CACHE_BYTES / 4) {
            pages.put(key, result);
        }
        return result;
    }

    private static DataKey key(Collection<String> kpis, Collection<String> areas, Collection<Integer> years) {
        return new DataKey(kpis == null ? null : Set.copyOf(kpis), areas == null ? null : Set.copyOf(areas),
                years == null ? null : Set.copyOf(years));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(IndicatorValuesChanged event) {
        invalidate();
    }

    /**
     * Published KPIs, optionally only those with the given ids or whose title contains {@code title};
     * a KPI's group is its operating area, or its focus area's Swedish name.
     */
    public List<Kpi> kpis(Collection<String> ids, String title) {
        return repository.publishedKpis().stream()
                .filter(k -> ids == null || ids.contains(k.id()))
                .filter(k -> matches(k.title(), title))
                .map(k -> k.operatingArea() != null || k.kpiGroup() == null ? k : new Kpi(k.id(), k.title(),
                        k.description(), null, FocusArea.fromCode(k.kpiGroup()).map(f -> messages.getMessage(
                                f.messageKey(), null, k.kpiGroup(), SWEDISH)).orElse(k.kpiGroup()),
                        k.municipalityType(), k.dividedByGender(), k.perspective(), k.publicationDate(),
                        k.latestYear(), k.source()))
                .toList();
    }

    /**
     * The KPI groups: the published KPIs grouped by their group name (operating area or focus
     * area), each with an id made of the name (lower case, ASCII letters and digits joined by
     * hyphens) and its KPIs as members, ordered by id; optionally only the given ids or those whose
     * title contains {@code title}.
     */
    public List<Group> kpiGroups(Collection<String> ids, String title) {
        Map<String, List<Member>> members = new TreeMap<>();
        for (Kpi k : kpis(null, null)) {
            if (k.kpiGroup() != null && !k.kpiGroup().isBlank()) {
                members.computeIfAbsent(k.kpiGroup(), g -> new ArrayList<>()).add(new Member(k.id(), k.title()));
            }
        }
        return members.entrySet().stream()
                .map(e -> new Group(groupId(e.getKey()), e.getKey(), List.copyOf(e.getValue())))
                .filter(g -> ids == null || ids.contains(g.id()))
                .filter(g -> matches(g.title(), title))
                .sorted(Comparator.comparing(Group::id))
                .toList();
    }

    /** A KPI group's id from its name: "Ekonomiskt bistånd" is {@code ekonomiskt-bistand}. */
    static String groupId(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return ascii.isEmpty() ? "group" : ascii.length() > 100 ? ascii.substring(0, 100) : ascii;
    }

    /** Samsyn's active units as Kolada's units (ou), ordered by id; optionally by ids and a part of the title. */
    public List<Ou> units(Collection<String> ids, String title) {
        return organisation.unitsWithin(Scope.nation()).stream()
                .filter(Unit::active)
                .map(u -> new Ou(u.code(), u.municipalityCode(), u.name()))
                .filter(u -> ids == null || ids.contains(u.id()))
                .filter(u -> matches(u.title(), title))
                .sorted(Comparator.comparing(Ou::id))
                .toList();
    }

    /**
     * The unit-level data items for the given KPIs, units and years (null means all), ordered by KPI,
     * unit and year: the published unit cells as suppression left them, a suppressed cell without value.
     */
    public List<OuDataItem> ouData(Collection<String> kpis, Collection<String> units, Collection<Integer> years) {
        Map<String, List<GenderValue>> byItem = new LinkedHashMap<>();
        for (KoladaRepository.Cell c : repository.unitCells(kpis, units, years)) {
            boolean ok = "ok".equals(c.status()) && c.value() != null;
            byItem.computeIfAbsent(c.kpi() + "|" + c.area() + "|" + c.year(), k -> new ArrayList<>())
                    .add(new GenderValue(c.gender(), ok ? c.value() : null, 1, ok ? STATUS_OK : STATUS_SUPPRESSED));
        }
        List<OuDataItem> items = new ArrayList<>();
        byItem.forEach((key, values) -> {
            String[] parts = key.split("\\|");
            items.add(new OuDataItem(parts[0], parts[1], Integer.parseInt(parts[2]), List.copyOf(values)));
        });
        return items;
    }

    /** The 290 municipalities (type K), the regions ("00" + county code) and the nation ("0000"), both type L. */
    public List<Area> areas(Collection<String> ids, String title) {
        List<Area> all = new ArrayList<>();
        all.add(new Area("0000", "Riket", "L"));
        for (County c : organisation.counties()) {
            all.add(new Area("00" + c.code(), c.name(), "L"));
        }
        for (Municipality m : organisation.municipalities()) {
            all.add(new Area(m.code(), m.name(), "K"));
        }
        return all.stream()
                .filter(a -> ids == null || ids.contains(a.id()))
                .filter(a -> matches(a.title(), title))
                .sorted(Comparator.comparing(Area::id))
                .toList();
    }

    /** The SKR kommungrupper under their Kolada group ids, with their members. */
    public List<Group> groups(Collection<String> ids, String title) {
        Map<String, List<Member>> members = new HashMap<>();
        for (Municipality m : organisation.municipalities()) {
            if (m.groupCode() != null) {
                members.computeIfAbsent(m.groupCode(), g -> new ArrayList<>()).add(new Member(m.code(), m.name()));
            }
        }
        return organisation.groups().stream()
                .filter(g -> g.koladaGroupId() != null)
                .map(g -> new Group(g.koladaGroupId(), g.name(), members.getOrDefault(g.code(), List.of()).stream()
                        .sorted(Comparator.comparing(Member::member_id)).toList()))
                .filter(g -> ids == null || ids.contains(g.id()))
                .filter(g -> matches(g.title(), title))
                .sorted(Comparator.comparing(Group::id))
                .toList();
    }

    /** Member municipality codes per Kolada group id. */
    Map<String, List<String>> groupMembers() {
        Map<String, String> groupOfCode = new HashMap<>();
        for (MunicipalityGroup g : organisation.groups()) {
            if (g.koladaGroupId() != null) {
                groupOfCode.put(g.code(), g.koladaGroupId());
            }
        }
        Map<String, List<String>> members = new TreeMap<>();
        for (Municipality m : organisation.municipalities()) {
            String group = groupOfCode.get(m.groupCode());
            if (group != null) {
                members.computeIfAbsent(group, g -> new ArrayList<>()).add(m.code());
            }
        }
        return members;
    }

    /**
     * The data items for the given KPIs, areas and years, ordered by KPI, municipality and period.
     * A null KPI or area collection means all; an area id may be a group id.
     */
    public List<DataItem> data(Collection<String> kpis, Collection<String> areas, Collection<Integer> years) {
        DataKey key = key(kpis, areas, years);
        @SuppressWarnings("unchecked")
        List<DataItem> hit = cache.get(key, List.class);
        if (hit != null) {
            return hit;
        }
        List<DataItem> items = List.copyOf(compute(kpis, areas, years));
        if (items.size() <= CACHE_WEIGHT) {
            cache.put(key, items);
        }
        return items;
    }

    private List<DataItem> compute(Collection<String> kpis, Collection<String> areas, Collection<Integer> years) {
        Map<String, List<String>> groups = Map.of();
        Set<String> plainAreas = null;
        Set<String> queried = null;
        if (areas != null) {
            Map<String, List<String>> allGroups = groupMembers();
            groups = new LinkedHashMap<>();
            plainAreas = new LinkedHashSet<>();
            queried = new LinkedHashSet<>();
            for (String id : areas) {
                List<String> members = allGroups.get(id);
                if (members != null) {
                    groups.put(id, members);
                    queried.addAll(members);
                } else {
                    plainAreas.add(id);
                    queried.add(id);
                }
            }
            if (queried.isEmpty()) {
                return List.of();
            }
        }
        List<KoladaRepository.Cell> cells = repository.cells(kpis, queried, years);
        List<DataItem> items = new ArrayList<>();
        // plain areas, in the database's (kpi, area, year, gender) order
        String kpi = null;
        String area = null;
        int year = 0;
        List<GenderValue> values = null;
        for (KoladaRepository.Cell c : cells) {
            if (plainAreas != null && !plainAreas.contains(c.area())) {
                continue;
            }
            if (!c.kpi().equals(kpi) || !c.area().equals(area) || c.year() != year) {
                if (values != null) {
                    items.add(new DataItem(kpi, area, year, List.copyOf(values)));
                }
                kpi = c.kpi();
                area = c.area();
                year = c.year();
                values = new ArrayList<>(3);
            }
            boolean ok = "ok".equals(c.status()) && c.value() != null;
            values.add(new GenderValue(c.gender(), ok ? c.value() : null, 1, ok ? STATUS_OK : STATUS_SUPPRESSED));
        }
        if (values != null) {
            items.add(new DataItem(kpi, area, year, List.copyOf(values)));
        }
        if (!groups.isEmpty()) {
            items.addAll(groupItems(cells, groups));
            items.sort(Comparator.comparing(DataItem::kpi).thenComparing(DataItem::municipality)
                    .thenComparingInt(DataItem::period));
        }
        return items;
    }

    /** Unweighted means of the members' values, per KPI, group, year and gender. */
    private static List<DataItem> groupItems(List<KoladaRepository.Cell> cells, Map<String, List<String>> groups) {
        Map<String, List<String>> groupsOfMember = new HashMap<>();
        groups.forEach((group, members) -> members.forEach(m ->
                groupsOfMember.computeIfAbsent(m, x -> new ArrayList<>()).add(group)));
        // key: kpi | group | year -> gender -> [sum, count]
        Map<String, TreeMap<String, double[]>> sums = new TreeMap<>();
        for (KoladaRepository.Cell c : cells) {
            if (!"municipality".equals(c.areaKind()) || !"ok".equals(c.status()) || c.value() == null) {
                continue;
            }
            for (String group : groupsOfMember.getOrDefault(c.area(), List.of())) {
                double[] s = sums.computeIfAbsent(c.kpi() + "|" + group + "|" + c.year(), k -> new TreeMap<>())
                        .computeIfAbsent(c.gender(), g -> new double[2]);
                s[0] += c.value();
                s[1]++;
            }
        }
        List<DataItem> items = new ArrayList<>();
        sums.forEach((key, byGender) -> {
            String[] parts = key.split("\\|");
            List<GenderValue> values = new ArrayList<>();
            byGender.forEach((gender, s) -> values.add(new GenderValue(gender, s[0] / s[1], (int) s[1], STATUS_OK)));
            items.add(new DataItem(parts[0], parts[1], Integer.parseInt(parts[2]), values));
        });
        return items;
    }

    private static boolean matches(String text, String title) {
        return title == null || title.isBlank()
                || (text != null && text.toLowerCase(Locale.ROOT).contains(title.strip().toLowerCase(Locale.ROOT)));
    }
}
