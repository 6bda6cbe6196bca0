package se.samsyn.followup.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samsyn.ScaleTiming;
import se.samsyn.TestDatabases;
import se.samsyn.followup.OutcomeReport;
import se.samsyn.followup.OutcomeReports;
import se.samsyn.followup.PracticeOutcomes;
import se.samsyn.organisation.Municipality;
import se.samsyn.organisation.Organisation;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;
import se.samsyn.shared.SwedishTime;

/**
 * Not a test: a benchmark of the follow-up reads behind the public priority list and a region's
 * outcome report at two sizes ten times apart (issue 19, point 4), on PostgreSQL. It writes
 * {@code benchmark.clients} clients (and ten times as many) over the 290 municipalities with
 * {@code COPY}, each with one intervention (MI, CRA or HF in turn), a WHO-5 baseline and a
 * follow-up (every tenth one older than two years), builds the stored practice outcomes and
 * calendar-year outcomes and runs {@code VACUUM ANALYZE}. It then times, median of
 * {@code benchmark.runs} runs (at least 3): the priority list's national outcomes of its period
 * (the last completed calendar year) read from the stored aggregate, the same computed directly
 * from every client (the read before V133, for comparison), and the outcome reports of this
 * calendar year outside the owning unit, which are computed in the background and stored (V147,
 * {@link OutcomeProtectionRefresh}): Skåne's (region 12) as a regional analyst sees it, Malmö's
 * (1280, in Skåne) as a municipal analyst sees it and the nation's as a national analyst sees it.
 * Once per size it times the background refresh that stores them (every region protected anew,
 * as after the first start) and a second one with nothing changed (no region protected; the
 * statistics of every scope computed again). Every answer is checked against the figures computed
 * from how the clients were generated ({@link OutcomeStatistics}; a cell may be hidden by the
 * joint protection, every shown one is checked), and the stored reports of the nation, Skåne and
 * Malmö against the ones computed on the spot in full; a wrong one fails the run. Prints each
 * median, the ratio large/small, and how many clients the region's and Malmö's reports pair at
 * each size. Run with
 * {@code ./mvnw test -Dtest=ReadScaleBenchmark -Dbenchmark.clients=2000}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"samsyn.demo=false", "samsyn.data-dir=target/benchmark-data", "samsyn.kolada.load-sample=false",
                "samsyn.comparison.refresh-delay=1000d", "logging.level.se.samsyn=WARN"})
class ReadScaleBenchmark {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry, "followup_read_scale");
    }

    static final List<String> INTERVENTIONS = List.of("MI", "CRA", "HF");
    static final Actor REGIONAL = new Actor("bench-regional", Role.REGIONAL_ANALYST, Scope.region("12"));
    static final String MALMO = "1280";
    static final Actor MUNICIPAL = new Actor("bench-municipal", Role.MUNICIPAL_ANALYST, Scope.municipality(MALMO));
    static final Actor NATIONAL = new Actor("bench-national", Role.NATIONAL_ANALYST, Scope.nation());
    static final int THRESHOLD = 5;

    @Autowired
    OutcomeTables tables;

    @Autowired
    OutcomeReports reports;

    @Autowired
    PracticeOutcomes practice;

    @Autowired
    Organisation organisation;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Clock clock;

    @Autowired
    OutcomeProtectionRefresh published;

    /** The smaller number of clients; the larger is ten times as many. */
    int smallSize() {
        return Integer.getInteger("benchmark.clients", 2_000);
    }

    int runs() {
        return Math.max(3, Integer.getInteger("benchmark.runs", 5));
    }

    @Test
    void readsDoNotGrowWithTheCountry() throws Exception {
        int small = smallSize();
        double[] s = measure(small);
        int[] smallPaired = paired;
        double[] l = measure(small * 10);
        System.out.println();
        System.out.println("=== Follow-up read benchmark (PostgreSQL, " + ScaleTiming.count(small) + " and "
                + ScaleTiming.count(small * 10L) + " clients, median of " + runs() + ") ===");
        String[] names = {"priority list (stored)", "priority list (direct, old)", "region 12 report (stored)",
                "municipality 1280 report (stored)", "nation report (stored)", "stored rebuild (all)",
                "background refresh (first)", "background refresh (unchanged)"};
        for (int i = 0; i < names.length; i++) {
            System.out.println(ScaleTiming.line(names[i], s[i], l[i]));
        }
        System.out.println("clients paired this year: region 12 " + ScaleTiming.count(smallPaired[0]) + " and "
                + ScaleTiming.count(paired[0]) + ", of which in 1280 " + ScaleTiming.count(smallPaired[1]) + " and "
                + ScaleTiming.count(paired[1]));
    }

    /** How many generated clients the last {@link #measure} put in this year's report of region 12 and of Malmö (1280). */
    int[] paired = new int[2];

    /** Writes the clients, then times the reads; the last figure is the one full rebuild of the aggregate. */
    double[] measure(int clients) throws Exception {
        LocalDate today = SwedishTime.today(clock);
        List<Municipality> municipalities = organisation.municipalities().stream()
                .sorted(java.util.Comparator.comparing(Municipality::code)).toList();
        List<Generated> generated = write(clients, municipalities, today);
        long t0 = System.nanoTime();
        practice.refreshAll();
        double rebuild = (System.nanoTime() - t0) / 1e6;
        jdbc.sql("VACUUM ANALYZE fup_practice_outcome").update();
        jdbc.sql("VACUUM ANALYZE fup_outcome_year").update();

        // the priority list's period: the last completed calendar year, summed in advance
        se.samsyn.followup.PublishedYears period = se.samsyn.followup.PublishedYears.practiceOutcomes(today);
        LocalDate from = period.from();
        LocalDate to = period.to();
        List<Generated> inWindow = generated.stream()
                .filter(g -> !g.followUpOn().isBefore(from) && !g.followUpOn().isAfter(to)).toList();
        Map<String, OutcomeReport.Cell> expectedNational = expected(inWindow);
        Set<String> region = municipalities.stream().filter(m -> "12".equals(m.countyCode())).map(Municipality::code)
                .collect(Collectors.toSet());
        // a region's analyst reads one calendar year (ADR 0015, periods)
        LocalDate yearStart = LocalDate.of(today.getYear(), 1, 1);
        LocalDate yearEnd = LocalDate.of(today.getYear(), 12, 31);
        List<Generated> inYear = generated.stream()
                .filter(g -> !g.followUpOn().isBefore(yearStart) && !g.followUpOn().isAfter(yearEnd)).toList();
        List<Generated> inRegion = inYear.stream().filter(g -> region.contains(g.municipality())).toList();
        List<Generated> inMalmo = inYear.stream().filter(g -> MALMO.equals(g.municipality())).toList();
        paired = new int[] {inRegion.size(), inMalmo.size()};
        Map<String, OutcomeReport.Cell> expectedRegion = expected(inRegion);
        Map<String, OutcomeReport.Cell> expectedMalmo = expected(inMalmo);
        Map<String, OutcomeReport.Cell> expectedNation = expected(inYear);
        // the background refresh: every region protected anew, then again with nothing changed
        long refreshStart = System.nanoTime();
        published.refreshNow();
        double refresh = (System.nanoTime() - refreshStart) / 1e6;
        refreshStart = System.nanoTime();
        if (published.refreshNow() != 0) {
            throw new AssertionError("a refresh with nothing changed protected a region anew");
        }
        double unchanged = (System.nanoTime() - refreshStart) / 1e6;
        // the whole stored report, hidden cells and bins included, is the one computed from the clients
        for (Scope scope : List.of(Scope.nation(), Scope.region("12"), Scope.municipality(MALMO))) {
            OutcomeReport stored = reports.outcomes(NATIONAL, "who5", yearStart, yearEnd, scope);
            OutcomeReport direct = tables.outcomesDirect(NATIONAL, "who5", yearStart, yearEnd, scope);
            if (!stored.rows().equals(direct.rows()) || !stored.distribution().equals(direct.distribution())) {
                throw new AssertionError(scope + ": stored " + stored + ", direct " + direct);
            }
        }
        int runs = runs();
        return new double[] {
            ScaleTiming.medianMillis(runs, () -> reports.nationalOutcomesByIntervention("who5", from, to),
                    answer -> same("stored national", expectedNational, answer)),
            ScaleTiming.medianMillis(runs, () -> tables.nationalOutcomesDirect("who5", from, to),
                    answer -> same("direct national", expectedNational, answer)),
            ScaleTiming.medianMillis(runs, () -> reports.outcomes(REGIONAL, "who5", yearStart, yearEnd, Scope.region("12")),
                    report -> sameOrHidden("region 12", expectedRegion, stored(report, true))),
            ScaleTiming.medianMillis(runs, () -> reports.outcomes(MUNICIPAL, "who5", yearStart, yearEnd, Scope.municipality(MALMO)),
                    report -> sameOrHidden("municipality 1280", expectedMalmo, stored(report, true))),
            ScaleTiming.medianMillis(runs, () -> reports.outcomes(NATIONAL, "who5", yearStart, yearEnd, Scope.nation()),
                    // hidden where a region hides the item (ADR 0015), as the region's may be
                    report -> sameOrHidden("nation stored", expectedNation, stored(report, true))),
            rebuild, refresh, unchanged};
    }

    /** The T cell of each intervention's row, after checking whether the report says it was summed from stored rows. */
    static Map<String, OutcomeReport.Cell> stored(OutcomeReport report, boolean asOfLastRefresh) {
        if (report.asOfLastRefresh() != asOfLastRefresh) {
            throw new AssertionError("asOfLastRefresh " + report.asOfLastRefresh() + ", expected " + asOfLastRefresh);
        }
        return report.rows().stream().filter(r -> r.interventionCode() != null)
                .collect(Collectors.toMap(OutcomeReport.Row::interventionCode, r -> r.cells().get("T")));
    }

    /** One generated client's pair. */
    record Generated(String municipality, String intervention, double baseline, double followUp, LocalDate followUpOn) {
    }

    /** The T cell per intervention from the generated pairs, suppressed under the threshold as the reports do. */
    static Map<String, OutcomeReport.Cell> expected(List<Generated> pairs) {
        Map<String, List<OutcomeStatistics.Pair>> byIntervention = new TreeMap<>();
        for (Generated g : pairs) {
            byIntervention.computeIfAbsent(g.intervention(), k -> new ArrayList<>())
                    .add(new OutcomeStatistics.Pair(g.baseline(), g.followUp()));
        }
        Map<String, OutcomeReport.Cell> cells = new TreeMap<>();
        byIntervention.forEach((code, list) -> {
            OutcomeStatistics.Cell c = OutcomeStatistics.of(list, true, 10);
            cells.put(code, c.n() < THRESHOLD ? new OutcomeReport.Cell(null, null, null, null, null, true)
                    : new OutcomeReport.Cell(c.n(), null, null, c.medianChange(), c.shareImproved(), false));
        });
        return cells;
    }

    /**
     * As {@link #same}, but a cell may also be hidden: a region's report is protected together with
     * its municipalities' and units' (ADR 0015), which can hide a cell its own counts would show.
     * Every shown cell must equal the expected one; with few clients a municipality every cell of
     * the region may be hidden (the build's small run), which is then all it checks.
     */
    static void sameOrHidden(String what, Map<String, OutcomeReport.Cell> expected, Map<String, OutcomeReport.Cell> answer) {
        Map<String, OutcomeReport.Cell> allowed = new HashMap<>(expected);
        for (Map.Entry<String, OutcomeReport.Cell> e : answer.entrySet()) {
            if (e.getValue().suppressed()) {
                allowed.put(e.getKey(), new OutcomeReport.Cell(null, null, null, null, null, true));
            }
        }
        same(what, allowed, answer);
    }

    /** Compares n, the median change, the share improved and suppression (the figures the list shows). */
    static void same(String what, Map<String, OutcomeReport.Cell> expected, Map<String, OutcomeReport.Cell> answer) {
        Map<String, OutcomeReport.Cell> shown = new HashMap<>();
        answer.forEach((code, c) -> shown.put(code,
                new OutcomeReport.Cell(c.n(), null, null, c.medianChange(), c.shareImproved(), c.suppressed())));
        if (!shown.equals(expected)) {
            throw new AssertionError(what + ": " + new TreeMap<>(shown) + ", expected " + expected);
        }
    }

    /**
     * Replaces every follow-up client by {@code clients} generated ones: client i in municipality
     * i mod 290 (by code), a woman when i is odd, intervention i mod 3, baseline 4 × (i mod 20)
     * 900 days ago, follow-up min(100, 4 × (7i mod 26)) 1 + (i mod 600) days ago, or 800 days ago for
     * every tenth client.
     */
    List<Generated> write(int clients, List<Municipality> municipalities, LocalDate today) throws Exception {
        jdbc.sql("TRUNCATE fup_measurement, fup_intervention, fup_history, fup_need, fup_episode, fup_client, "
                + "fup_practice_outcome, fup_outcome_year CASCADE").update();
        jdbc.sql("""
                INSERT INTO org_unit (municipality_code, code, name, active, created_at)
                SELECT code, code || '-BENCH', 'Benchmark ' || code, TRUE, now() FROM org_municipality
                ON CONFLICT DO NOTHING""").update();
        List<Generated> generated = new ArrayList<>();
        StringBuilder client = new StringBuilder();
        StringBuilder intervention = new StringBuilder();
        StringBuilder measurement = new StringBuilder();
        LocalDate baselineOn = today.minusDays(900);
        for (int i = 1; i <= clients; i++) {
            String m = municipalities.get(i % municipalities.size()).code();
            String unit = m + "-BENCH";
            String code = INTERVENTIONS.get(i % 3);
            double baseline = 4 * (i % 20);
            double followUp = Math.min(100, 4 * ((7L * i) % 26));
            LocalDate followUpOn = i % 10 == 0 ? today.minusDays(800) : today.minusDays(1 + (i % 600));
            generated.add(new Generated(m, code, baseline, followUp, followUpOn));
            client.append(m).append('\t').append(i).append('\t').append(unit).append("\tb").append(i)
                    .append("\t1980\t").append(i % 2 == 1 ? 'K' : 'M').append("\t2026-01-01T00:00:00Z\n");
            intervention.append(m).append('\t').append(i).append('\t').append(i).append('\t').append(unit).append('\t')
                    .append(code).append('\t').append(baselineOn).append('\n');
            measurement.append(m).append('\t').append(2L * i).append('\t').append(i).append('\t').append(unit)
                    .append("\twho5\t").append(baselineOn).append("\tbaseline\t").append(baseline).append('\n');
            measurement.append(m).append('\t').append(2L * i + 1).append('\t').append(i).append('\t').append(unit)
                    .append("\twho5\t").append(followUpOn).append("\tfollowup-6m\t").append(followUp).append('\n');
        }
        try (Connection c = dataSource.getConnection()) {
            copy(c, "COPY fup_client (municipality_code, id, unit_code, pseudonym, birth_year, legal_sex, created_at) FROM STDIN",
                    client);
            copy(c, "COPY fup_intervention (municipality_code, id, client_id, unit_code, intervention_code, start_date) FROM STDIN",
                    intervention);
            copy(c, """
                    COPY fup_measurement (municipality_code, id, client_id, unit_code, instrument_code, measured_on, time_point,
                                          score) FROM STDIN""", measurement);
        }
        jdbc.sql("VACUUM ANALYZE fup_client").update();
        jdbc.sql("VACUUM ANALYZE fup_intervention").update();
        jdbc.sql("VACUUM ANALYZE fup_measurement").update();
        return generated;
    }

    private static void copy(Connection c, String sql, StringBuilder rows) throws Exception {
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        copy.endCopy();
    }
}
