package se.samsyn.followup.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.followup.PublishedCountsPending;
import se.samsyn.followup.Catalogue;
import se.samsyn.followup.FollowupRejected;
import se.samsyn.followup.GoalStatus;
import se.samsyn.followup.Instrument;
import se.samsyn.followup.LifeArea;
import se.samsyn.followup.NeedsReport;
import se.samsyn.followup.OutcomeReport;
import se.samsyn.followup.OutcomeReports;
import se.samsyn.followup.PublishedYears;
import se.samsyn.followup.internal.OutcomePairs.PairRow;
import se.samsyn.organisation.Organisation;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Scope;
import se.samsyn.shared.ScopeType;

/**
 * {@link OutcomeReports} computed in SQL on the {@code fup_*} tables and with {@link OutcomeStatistics},
 * with primary and secondary suppression of small counts ({@link OutcomeHierarchy}, ADR 0015): a
 * region's report, its municipalities' and their units' reports are protected together, so that a
 * reader of them all cannot combine them; the nation's report hides every item that some region
 * hides ({@link NationalProtection}), so that it cannot be combined with the regions' either.
 * Outside the owning unit every report is read as computed in the background and stored
 * ({@link OutcomeProtectionRefresh}, {@link StoredOutcomeReports}, V147): one query, no solver,
 * whatever the number of clients; the owning unit's own report is paired from its clients on the
 * spot ({@link PairedReports}).
 */
@Service
class OutcomeTables implements OutcomeReports {

    private final JdbcClient jdbc;
    private final Catalogue catalogue;
    private final Organisation organisation;
    private final AuditTrail audit;
    private final int threshold;
    private final PracticeOutcomeTable practice;
    private final StoredOutcomeReports storedReports;
    private final OutcomePairs reportPairs;
    private final CountHierarchies countHierarchies;

    /** The number of bins in each distribution series. */
    static final int BINS = 10;

    OutcomeTables(JdbcClient jdbc, Catalogue catalogue, Organisation organisation, AuditTrail audit,
                  PracticeOutcomeTable practice, StoredOutcomeReports storedReports,
                  @Value("${samsyn.suppression-threshold:5}") int threshold, CountHierarchies countHierarchies,
                  OutcomePairs reportPairs) {
        this.countHierarchies = countHierarchies;
        this.reportPairs = reportPairs;
        this.practice = practice;
        this.storedReports = storedReports;
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.organisation = organisation;
        this.audit = audit;
        this.threshold = threshold;
    }

    @Override
    public Scope defaultScope(Actor actor) {
        return actor.scope();
    }

    @Override
    public boolean periodsFree(Actor actor, Scope scope) {
        return !suppressionApplies(actor, scope == null ? actor.scope() : scope);
    }

    /** Whether the period is one calendar year, 1 January to 31 December. */
    static boolean wholeYear(LocalDate from, LocalDate to) {
        return from.getDayOfYear() == 1 && to.getYear() == from.getYear() && to.getMonthValue() == 12
                && to.getDayOfMonth() == 31;
    }

    /**
     * Outside the owning unit the stored report ({@link StoredOutcomeReports}, as of
     * {@link #outcomesAsOf()}); the owning unit's own from its clients.
     *
     * @throws PublishedCountsPending outside the owning unit before the first background refresh
     */
    @Override
    @Transactional(noRollbackFor = PublishedCountsPending.class)
    public OutcomeReport outcomes(Actor actor, String instrumentCode, LocalDate from, LocalDate to, Scope scope) {
        return outcomes(actor, instrumentCode, from, to, scope, false);
    }

    @Override
    public java.util.Optional<java.time.Instant> outcomesAsOf() {
        return storedReports.countedAt();
    }

    /** The report from the clients whatever the scope (the nation's too): the reference in tests. */
    @Transactional
    public OutcomeReport outcomesDirect(Actor actor, String instrumentCode, LocalDate from, LocalDate to, Scope scope) {
        return outcomes(actor, instrumentCode, from, to, scope, true);
    }

    private OutcomeReport outcomes(Actor actor, String instrumentCode, LocalDate from, LocalDate to, Scope scope,
                                   boolean direct) {
        Scope target = scope == null ? actor.scope() : scope;
        checkAllowed(actor, target);
        Instrument instrument = catalogue.instrument(instrumentCode)
                .orElseThrow(() -> new FollowupRejected("instrument", "followup.error.instrument-unknown"));
        if (from == null || to == null || to.isBefore(from)) {
            throw new FollowupRejected("to", "followup.error.period");
        }
        boolean suppress = suppressionApplies(actor, target);
        if (suppress && !wholeYear(from, to)) {
            // ADR 0015, periods: reports that differ by a day would give away what both hide
            throw new FollowupRejected("from", "followup.error.period-year");
        }
        Map<String, String> names = new HashMap<>();
        catalogue.interventions().forEach(t -> names.put(t.code(), t.nameSv()));
        String scopeKey = scopeKey(target);
        if (!direct && suppress) {
            // outside the owning unit: the report computed in the background, no solver here
            OutcomeReport stored = storedReports.report(instrument, from.getYear(),
                            target.type() == ScopeType.NATION ? OutcomeHierarchy.NATION : scopeKey, target, names,
                            threshold)
                    .orElseThrow(() -> new PublishedCountsPending("outcomes"));
            auditRead(actor, instrumentCode, target, from, to);
            return stored;
        }
        Map<String, String> counties = ScopeFilter.counties(organisation);
        // a unit's, municipality's or region's report is protected together with every other report
        // of its region, so the region's pairs are read; the nation reads every region's; the owning
        // unit's own report, not protected, reads only its own
        Scope read = !suppress ? target : switch (target.type()) {
            case UNIT, MUNICIPALITY -> Scope.region(counties.get(target.type() == ScopeType.UNIT
                    ? organisation.municipalityOf(target).orElseThrow() : target.code()));
            case REGION, NATION -> target;
        };
        List<PairRow> enclosing = reportPairs.pairs(instrumentCode, from, to, read);
        List<PairRow> pairs = enclosing.stream().filter(p -> within(p, target, counties)).toList();
        OutcomeHierarchy hierarchy = !suppress ? null : switch (target.type()) {
                // a region, its municipalities and their units together
                case UNIT, MUNICIPALITY, REGION -> reportPairs.region(enclosing, instrument, counties);
                // hidden where a region hides the item
                case NATION -> reportPairs.nation(enclosing, instrument, counties, ALONE);
            };
        auditRead(actor, instrumentCode, target, from, to);
        return PairedReports.report(pairs, instrument, hierarchy, scopeKey, names, from, to, target, suppress,
                threshold, false);
    }

    private void auditRead(Actor actor, String instrumentCode, Scope target, LocalDate from, LocalDate to) {
        audit.record(placed(AuditRecord.of("OUTCOME_REPORT_READ", AuditCategory.ADMINISTRATION).actor(actor)
                .object("report", instrumentCode).details("scope=" + target + "; from=" + from + "; to=" + to), target)
                .build());
    }

    /** A report read placed where the scope read lies, so that municipality's administrator finds it. */
    private AuditRecord.Builder placed(AuditRecord.Builder record, Scope target) {
        return se.samsyn.organisation.AuditPlaces.placed(organisation, record, target);
    }

    /** A row's cells from their statistics by sex (a missing sex has no clients), hidden as the hierarchy says. */
    static Map<String, OutcomeReport.Cell> shown(Map<String, OutcomeStatistics.Cell> raw, Instrument instrument,
                                                 OutcomeHierarchy hierarchy, String scopeKey, String intervention) {
        Map<String, Boolean> hidden = new LinkedHashMap<>();
        for (String sex : OutcomeReport.SEXES) {
            hidden.put(sex, hierarchy != null && hierarchy.hidden(scopeKey, OutcomeHierarchy.row(intervention, sex)));
        }
        Map<String, OutcomeReport.Cell> cells = new LinkedHashMap<>();
        for (String sex : OutcomeReport.SEXES) {
            OutcomeStatistics.Cell c = raw.getOrDefault(sex, new OutcomeStatistics.Cell(0, null, null, null, null));
            cells.put(sex, hidden.get(sex)
                    ? new OutcomeReport.Cell(null, null, null, null, null, true)
                    : new OutcomeReport.Cell(c.n(), c.medianBaseline(), c.medianFollowUp(), c.medianChange(),
                    c.shareImproved(), false));
        }
        return cells;
    }

    /** The distribution from its bins' counts, hidden as the hierarchy says. */
    static OutcomeReport.Distribution shownDistribution(int[] before, int[] after, Instrument instrument,
                                                        OutcomeHierarchy hierarchy, String scopeKey) {
        int binCount = BINS;
        double width = (instrument.scoreMax() - instrument.scoreMin()) / binCount;
        List<String> labels = new ArrayList<>();
        List<Integer> b = new ArrayList<>();
        List<Integer> a = new ArrayList<>();
        boolean[] hiddenBefore = new boolean[binCount];
        boolean[] hiddenAfter = new boolean[binCount];
        for (int i = 0; hierarchy != null && i < binCount; i++) {
            hiddenBefore[i] = hierarchy.hidden(scopeKey, OutcomeHierarchy.bin(true, i));
            hiddenAfter[i] = hierarchy.hidden(scopeKey, OutcomeHierarchy.bin(false, i));
        }
        for (int i = 0; i < binCount; i++) {
            labels.add(format(instrument.scoreMin() + i * width) + "–" + format(instrument.scoreMin() + (i + 1) * width));
            b.add(hiddenBefore[i] ? null : before[i]);
            a.add(hiddenAfter[i] ? null : after[i]);
        }
        return new OutcomeReport.Distribution(labels, b, a);
    }

    static int bin(double value, double min, double width, int count) {
        return Math.max(0, Math.min(count - 1, (int) Math.floor((value - min) / width)));
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    static final String ALONE_CODE = "report";

    /** The key of the nation's cells in its hierarchy. */
    static final String ALONE = OutcomeHierarchy.municipalityScope(ALONE_CODE);

    /** The scope's key among the hierarchy's cells. */
    private static String scopeKey(Scope scope) {
        return switch (scope.type()) {
            case UNIT -> OutcomeHierarchy.unitScope(scope.code());
            case MUNICIPALITY -> OutcomeHierarchy.municipalityScope(scope.code());
            case REGION -> OutcomeHierarchy.regionScope(scope.code());
            case NATION -> ALONE;
        };
    }

    private static boolean within(PairRow p, Scope scope, Map<String, String> counties) {
        return switch (scope.type()) {
            case UNIT -> scope.code().equals(p.unit());
            case MUNICIPALITY -> scope.code().equals(p.municipality());
            case REGION -> scope.code().equals(counties.get(p.municipality()));
            case NATION -> true;
        };
    }

    /** Read from the stored aggregate ({@link PracticeOutcomeTable}), not from every client of the country. */
    @Override
    @Transactional(readOnly = true)
    public Map<String, OutcomeReport.Cell> nationalOutcomesByIntervention(String instrumentCode, LocalDate from,
                                                                          LocalDate to) {
        Instrument instrument = catalogue.instrument(instrumentCode)
                .orElseThrow(() -> new FollowupRejected("instrument", "followup.error.instrument-unknown"));
        return practice.national(instrument, from, to, threshold);
    }

    /**
     * The same cells computed directly by pairing every client of the country (the way the
     * priority list read them before V133), each intervention's T hidden by the one-report rule
     * ({@link ReportProtection#sexes}); kept as the reference the stored aggregate is checked
     * against in tests and the read benchmark.
     */
    @Transactional(readOnly = true)
    public Map<String, OutcomeReport.Cell> nationalOutcomesDirect(String instrumentCode, LocalDate from, LocalDate to) {
        Instrument instrument = catalogue.instrument(instrumentCode)
                .orElseThrow(() -> new FollowupRejected("instrument", "followup.error.instrument-unknown"));
        List<PairRow> national = reportPairs.pairs(instrumentCode, from, to, Scope.nation());
        Map<String, List<OutcomeStatistics.Pair>> byIntervention = new TreeMap<>();
        for (PairRow p : national) {
            byIntervention.computeIfAbsent(p.intervention(), k -> new ArrayList<>())
                    .add(new OutcomeStatistics.Pair(p.baseline(), p.followUp()));
        }
        Map<String, OutcomeReport.Cell> result = new TreeMap<>();
        byIntervention.forEach((code, list) -> {
            OutcomeStatistics.Cell c = OutcomeStatistics.of(list, instrument.higherIsBetter(),
                    instrument.minimalImportantDifference());
            boolean hidden = ReportProtection.sexes(c.n(), 0, 0, threshold, true).get("T");
            result.put(code, hidden ? new OutcomeReport.Cell(null, null, null, null, null, true)
                    : new OutcomeReport.Cell(c.n(), c.medianBaseline(), c.medianFollowUp(), c.medianChange(),
                    c.shareImproved(), false));
        });
        return result;
    }

    @Override
    @Transactional(noRollbackFor = PublishedCountsPending.class) // a caller may go on without the counts
    public Map<String, Integer> clientsPerIntervention(Actor actor, Scope scope, PublishedYears years) {
        checkAllowed(actor, scope);
        boolean suppress = suppressionApplies(actor, scope);
        Map<String, Integer> counts = new TreeMap<>();
        if (suppress) {
            // outside the owning unit, hidden with every scope's counts together (ADR 0015)
            CountHierarchy hierarchy = countHierarchies.clientsPerIntervention(years);
            String prefix = CountHierarchy.intervention("");
            hierarchy.counts().forEach((cell, n) -> {
                if (cell.table().equals(CountHierarchy.key(scope)) && cell.item().startsWith(prefix)) {
                    counts.put(cell.item().substring(prefix.length()), hierarchy.hidden(scope, cell.item()) ? null : n);
                }
            });
        } else {
            ScopeFilter filter = ScopeFilter.of(scope, organisation);
            Map<String, Object> params = new HashMap<>(filter.params());
            params.put("from", years.from());
            params.put("to", years.to());
            jdbc.sql("""
                    SELECT i.intervention_code, COUNT(DISTINCT c.id) AS clients FROM fup_intervention i
                    JOIN fup_client c ON c.municipality_code = i.municipality_code AND c.id = i.client_id
                    WHERE %s AND i.removed_at IS NULL AND i.start_date <= :to
                      AND (i.end_date IS NULL OR i.end_date >= :from)
                    GROUP BY i.intervention_code
                    """.formatted(filter.sql()))
                    .params(params)
                    .query(rs -> {
                        counts.put(rs.getString(1), rs.getInt(2));
                    });
        }
        audit.record(AuditRecord.of("INTERVENTION_COUNTS_READ", AuditCategory.ADMINISTRATION).actor(actor)
                .object("report", "intervention-counts").details("scope=" + scope + "; from=" + years.from() + "; to=" + years.to()).build());
        return counts;
    }

    @Override
    @Transactional
    public NeedsReport needs(Actor actor, Scope scope) {
        Scope target = scope == null ? actor.scope() : scope;
        checkAllowed(actor, target);
        boolean suppress = suppressionApplies(actor, target);
        // outside the owning unit, counted and hidden with every scope's counts together (ADR 0015)
        CountHierarchy hierarchy = suppress ? countHierarchies.needs() : null;
        Map<LifeArea, int[]> levels = new java.util.EnumMap<>(LifeArea.class);
        for (LifeArea area : LifeArea.values()) {
            levels.put(area, new int[5]);
        }
        Map<String, Integer> goals = new LinkedHashMap<>();
        goals.put("open", 0);
        for (GoalStatus status : GoalStatus.values()) {
            goals.put(status.code(), 0);
        }
        if (hierarchy != null) {
            levels.forEach((area, counts) -> {
                for (int level = 0; level < counts.length; level++) {
                    counts[level] = hierarchy.count(target, CountHierarchy.level(area.code(), level));
                }
            });
            goals.replaceAll((status, v) -> hierarchy.count(target, CountHierarchy.goal(status)));
        } else {
            ScopeFilter filter = ScopeFilter.of(target, organisation);
            jdbc.sql("""
                    SELECT n.life_area, n.level FROM fup_need n
                    JOIN fup_client c ON c.municipality_code = n.municipality_code AND c.id = n.client_id
                    WHERE %s AND n.removed_at IS NULL AND n.assessed_on = (SELECT MAX(l.assessed_on) FROM fup_need l
                        WHERE l.municipality_code = n.municipality_code AND l.client_id = n.client_id
                          AND l.life_area = n.life_area AND l.removed_at IS NULL)
                    """.formatted(filter.sql()))
                    .params(filter.params())
                    .query(rs -> {
                        int level = rs.getInt(2);
                        LifeArea.fromCode(rs.getString(1)).ifPresent(a -> levels.get(a)[level]++);
                    });
            jdbc.sql("""
                    SELECT COALESCE(n.goal_status, 'open') AS status, COUNT(*) AS goals FROM fup_need n
                    JOIN fup_client c ON c.municipality_code = n.municipality_code AND c.id = n.client_id
                    WHERE %s AND n.goal IS NOT NULL AND n.removed_at IS NULL GROUP BY COALESCE(n.goal_status, 'open')
                    """.formatted(filter.sql()))
                    .params(filter.params())
                    .query(rs -> {
                        goals.put(rs.getString(1), rs.getInt(2));
                    });
        }
        List<NeedsReport.AreaRow> rows = new ArrayList<>();
        levels.forEach((area, counts) -> {
            List<Integer> shown = new ArrayList<>();
            for (int level = 0; level < counts.length; level++) {
                boolean hidden = hierarchy != null && hierarchy.hidden(target, CountHierarchy.level(area.code(), level));
                shown.add(hidden ? null : counts[level]);
            }
            rows.add(new NeedsReport.AreaRow(area, shown));
        });
        goals.replaceAll((status, v) -> hierarchy != null && hierarchy.hidden(target, CountHierarchy.goal(status)) ? null : v);
        audit.record(placed(AuditRecord.of("NEEDS_REPORT_READ", AuditCategory.ADMINISTRATION).actor(actor)
                .object("report", "needs").details("scope=" + target), target).build());
        return new NeedsReport(target, suppress, rows, goals);
    }


    /** Who may see a report of a scope: anyone whose own scope contains it. */
    private void checkAllowed(Actor actor, Scope target) {
        if (actor == null || !organisation.exists(target) || !organisation.covers(actor.scope(), target)) {
            throw new AccessDeniedException("The report lies outside the caller's scope");
        }
    }

    /** Counts are shown in full only to the staff of the unit that owns them. */
    boolean suppressionApplies(Actor actor, Scope target) {
        return !(actor.scope().type() == ScopeType.UNIT && target.equals(actor.scope()));
    }

    int threshold() {
        return threshold;
    }
}
