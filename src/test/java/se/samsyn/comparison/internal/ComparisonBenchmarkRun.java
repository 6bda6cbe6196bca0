package se.samsyn.comparison.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.samsyn.SamsynApplication;
import se.samsyn.followup.PracticeOutcomes;

/**
 * The comparison engine benchmark itself, shared by {@link ComparisonEngineBenchmark} (the full
 * size, by hand) and {@link ComparisonEngineBenchmarkTests} (a small size in every build, so that
 * it cannot rot). On PostgreSQL it generates follow-up data for every seeded follow-up indicator
 * (S00001-S00006: WHO-5 and severity outcomes, interventions, episodes, judged goals), then, the
 * given number of rounds, alternately first and second: refreshes every one of them whole with
 * the engine, and runs one hand-written query per indicator computing the same levels (timed with
 * their results fetched). Every cell must agree both ways (each engine cell has a hand-written
 * cell with the same value and base, and each hand-written cell an engine cell). Then it adds
 * {@code incrementalRows} measurements, a later follow-up each for as many existing clients of
 * three municipalities, records those clients and announces the change as an import does, and times
 * the gathered refresh until it has run, three times over ({@link #INCREMENTAL_RUNS}; the median is
 * reported), and checks that every stored cell (value, base, suppression, colour) equals what a full refresh then gives, and that
 * the stored practice and calendar-year outcomes (filled for every municipality after the data is
 * generated, as a running instance has them) equal a full rebuild of them
 * ({@code -Dbenchmark.practice-outcomes=false} leaves that fill and check out, as before they were
 * part of it). Any disagreement fails the run.
 */
final class ComparisonBenchmarkRun {

    /** The measured result: medians in seconds, and every disagreement found (none when correct). */
    record Report(long measurements, double engineSeconds, double handSeconds, double incrementalSeconds, int cells,
                  double startSeconds, List<String> disagreements) {

        double ratio() {
            return engineSeconds / handSeconds;
        }
    }

    private final JdbcClient jdbc;
    private final ComparisonEngine engine;
    private final ResultRefresh refresh;
    private final TransactionTemplate transactions;
    private final PracticeOutcomes practice;
    private final boolean practiceOutcomes = !"false".equals(System.getProperty("benchmark.practice-outcomes"));

    /** The measurements the incremental import wrote (its rows, or fewer when the three municipalities have fewer clients). */
    private int incrementalWritten;
    /** The incremental refreshes' times in seconds, in the order they ran. */
    private List<Double> incrementalTimes = List.of();

    ComparisonBenchmarkRun(JdbcClient jdbc, ComparisonEngine engine, ResultRefresh refresh,
                           PlatformTransactionManager transactions, PracticeOutcomes practice) {
        this.transactions = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.engine = engine;
        this.refresh = refresh;
        this.practice = practice;
    }

    /** The follow-up module's stored outcome tables the gathered refresh rebuilds, which must equal a full rebuild. */
    private static final List<String> PRACTICE_TABLES = List.of("fup_practice_outcome", "fup_practice_window",
            "fup_outcome_year", "fup_outcome_year_area", "fup_practice_pair", "fup_outcome_year_pair");

    /** Hand-written PostgreSQL per seeded indicator: DISTINCT ON, GROUP BY over the area and gender lookups. */
    /** How many incremental imports are written and timed one after the other; the median is reported. */
    static final int INCREMENTAL_RUNS = 3;

    static final Map<String, String> HAND_WRITTEN = new LinkedHashMap<>();

    static {
        String pairs = """
                WITH base AS (SELECT DISTINCT ON (municipality_code, client_id) municipality_code, client_id, score
                              FROM fup_measurement WHERE instrument_code = '%1$s' AND time_point = 'baseline'
                              ORDER BY municipality_code, client_id, measured_on, id),
                     fol AS (SELECT DISTINCT ON (municipality_code, client_id, EXTRACT(YEAR FROM measured_on))
                                    municipality_code, client_id, EXTRACT(YEAR FROM measured_on) AS y, score
                             FROM fup_measurement WHERE instrument_code = '%1$s' AND time_point <> 'baseline'
                             ORDER BY municipality_code, client_id, EXTRACT(YEAR FROM measured_on), measured_on DESC, id DESC),
                     p AS (SELECT f.municipality_code, f.y, c.legal_sex, f.score - b.score AS change
                           FROM fol f JOIN base b USING (municipality_code, client_id)
                           JOIN fup_client c ON c.municipality_code = f.municipality_code AND c.id = f.client_id)
                """;
        HAND_WRITTEN.put("S00001", pairs.formatted("who5") + """
                SELECT a.area_code, p.y, g.gender, 100.0 * SUM(CASE WHEN p.change >= 10 THEN 1 ELSE 0 END) / COUNT(*), COUNT(*)
                FROM p JOIN cmp_area_member a ON a.municipality_code = p.municipality_code JOIN cmp_gender g ON g.legal_sex = p.legal_sex
                GROUP BY a.area_code, p.y, g.gender""");
        HAND_WRITTEN.put("S00002", pairs.formatted("who5") + """
                SELECT a.area_code, p.y, g.gender, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY p.change), COUNT(*)
                FROM p JOIN cmp_area_member a ON a.municipality_code = p.municipality_code JOIN cmp_gender g ON g.legal_sex = p.legal_sex
                GROUP BY a.area_code, p.y, g.gender""");
        HAND_WRITTEN.put("S00003", """
                SELECT a.area_code, EXTRACT(YEAR FROM i.end_date) y, g.gender,
                       100.0 * SUM(CASE WHEN i.end_reason = 'completed' THEN 1 ELSE 0 END) / COUNT(*), COUNT(*)
                FROM fup_intervention i JOIN fup_client c ON c.municipality_code = i.municipality_code AND c.id = i.client_id
                JOIN cmp_area_member a ON a.municipality_code = i.municipality_code JOIN cmp_gender g ON g.legal_sex = c.legal_sex
                WHERE i.end_date IS NOT NULL GROUP BY a.area_code, EXTRACT(YEAR FROM i.end_date), g.gender""");
        HAND_WRITTEN.put("S00004", """
                SELECT a.area_code, EXTRACT(YEAR FROM n.assessed_on) y, g.gender,
                       100.0 * SUM(CASE WHEN n.goal_status = 'achieved' THEN 1 ELSE 0 END) / COUNT(*), COUNT(*)
                FROM fup_need n JOIN fup_client c ON c.municipality_code = n.municipality_code AND c.id = n.client_id
                JOIN cmp_area_member a ON a.municipality_code = n.municipality_code JOIN cmp_gender g ON g.legal_sex = c.legal_sex
                WHERE n.goal IS NOT NULL AND n.goal_status IS NOT NULL GROUP BY a.area_code, EXTRACT(YEAR FROM n.assessed_on), g.gender""");
        // rates over the municipalities that report episodes in the year, with zero for a sex without clients
        HAND_WRITTEN.put("S00005", """
                WITH y AS (SELECT generate_series(2021, 2026) AS y),
                     active AS (SELECT e.municipality_code, y.y, e.client_id, c.legal_sex, y.y - c.birth_year AS age
                                FROM fup_episode e JOIN fup_client c ON c.municipality_code = e.municipality_code AND c.id = e.client_id
                                JOIN y ON y.y BETWEEN EXTRACT(YEAR FROM e.start_date) AND COALESCE(EXTRACT(YEAR FROM e.end_date), y.y)
                                WHERE e.focus_area = 'substance-use'),
                     reporting AS (SELECT DISTINCT municipality_code, y FROM active),
                     counted AS (SELECT municipality_code, y, legal_sex, COUNT(DISTINCT client_id) AS clients FROM active
                                 WHERE age BETWEEN 20 AND 64 GROUP BY municipality_code, y, legal_sex),
                     pop AS (SELECT municipality_code, sex, SUM(population) AS population FROM org_population
                             WHERE stat_year = 2022 AND age_band = '20-64' AND sex IN ('K', 'M') GROUP BY municipality_code, sex),
                     cells AS (SELECT r.municipality_code, r.y, pop.sex, COALESCE(counted.clients, 0) AS clients, pop.population
                               FROM reporting r JOIN pop ON pop.municipality_code = r.municipality_code
                               LEFT JOIN counted ON counted.municipality_code = r.municipality_code AND counted.y = r.y
                                                AND counted.legal_sex = pop.sex)
                SELECT a.area_code, cells.y, g.gender, 1000.0 * SUM(cells.clients) / SUM(cells.population), SUM(cells.clients)
                FROM cells JOIN cmp_area_member a ON a.municipality_code = cells.municipality_code
                JOIN cmp_gender g ON g.legal_sex = cells.sex
                GROUP BY a.area_code, cells.y, g.gender""");
        HAND_WRITTEN.put("S00006", pairs.formatted("severity") + """
                SELECT a.area_code, p.y, g.gender, 100.0 * SUM(CASE WHEN -p.change >= 1 THEN 1 ELSE 0 END) / COUNT(*), COUNT(*)
                FROM p JOIN cmp_area_member a ON a.municipality_code = p.municipality_code JOIN cmp_gender g ON g.legal_sex = p.legal_sex
                GROUP BY a.area_code, p.y, g.gender""");
    }

    /**
     * Runs the benchmark.
     *
     * @param clients         clients to generate, spread evenly over the first {@code municipalities}
     * @param municipalities  how many municipalities (in code order, at most 290) get clients
     * @param rounds          how many times each of the full refresh and the hand-written queries runs
     * @param incrementalRows measurements added for the incremental refresh (one each for as many existing clients)
     */
    Report run(int clients, int municipalities, int rounds, int incrementalRows) {
        return run(clients, municipalities, rounds, incrementalRows, null);
    }

    /**
     * Runs the benchmark and then, when {@code database} is given, starts a second instance of the
     * application on the same database (results current) and times its start until it is ready;
     * it must refresh no indicator, or the run fails.
     *
     * @param database JDBC URL, user name and password of the benchmark's database and the data folder, or null to skip the start
     */
    Report run(int clients, int municipalities, int rounds, int incrementalRows, String[] database) {
        return run(clients, municipalities, rounds, incrementalRows, database, true);
    }

    /**
     * As {@link #run(int, int, int, int, String[])}; without {@code handWritten} the rounds are the
     * engine's full refreshes alone (no hand-written query runs, no cell is compared with one, the
     * ratio is not measured), for sizes at which the hand-written queries would not fit in the time.
     * The incremental refresh is still checked against a full refresh.
     */
    Report run(int clients, int municipalities, int rounds, int incrementalRows, String[] database, boolean handWritten) {
        long t = System.nanoTime();
        generate(clients, municipalities);
        long measurements = jdbc.sql("SELECT COUNT(*) FROM fup_measurement").query(Long.class).single();
        System.out.printf("Generated %,d clients and %,d measurements in %.0f s%n", clients, measurements, (System.nanoTime() - t) / 1e9);
        engine.rebuildAreas();
        // the stored practice and calendar-year outcomes of every municipality, as a running instance has them
        if (practiceOutcomes) {
            step("practice outcomes", () -> transactions.executeWithoutResult(tx -> practice.refreshAll()));
        }
        jdbc.sql("VACUUM ANALYZE").update();

        List<String> disagreements = new ArrayList<>();
        List<Double> engineRuns = new ArrayList<>();
        List<Double> handRuns = new ArrayList<>();
        Map<String, List<Double>> engineTimes = new LinkedHashMap<>();
        Map<String, List<Double>> handTimes = new LinkedHashMap<>();
        Map<String, Map<String, double[]>> hand = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            if (!handWritten) {
                engineRuns.add(engineRound(engineTimes));
                System.out.printf("round %d: engine %.1f s, hand-written skipped%n", round + 1, engineRuns.get(round));
                continue;
            }
            if (round % 2 == 0) {
                engineRuns.add(engineRound(engineTimes));
                handRuns.add(handRound(handTimes, hand));
            } else {
                handRuns.add(handRound(handTimes, hand));
                engineRuns.add(engineRound(engineTimes));
            }
            System.out.printf("round %d: engine %.1f s, hand-written %.1f s%n", round + 1,
                    engineRuns.get(round), handRuns.get(round));
        }
        int cells = compare(hand, disagreements);
        Map<String, Integer> perIndicator = new LinkedHashMap<>();
        hand.forEach((id, c) -> perIndicator.put(id, c.size()));
        if (!handWritten) {
            HAND_WRITTEN.keySet().forEach(id -> perIndicator.put(id, jdbc.sql("SELECT COUNT(*) FROM cmp_result WHERE indicator_id = :id")
                    .param("id", id).query(Integer.class).single()));
            handRuns.add(Double.NaN);
        }

        double incremental = incremental(incrementalRows, INCREMENTAL_RUNS, disagreements);

        double engineMedian = median(engineRuns);
        double handMedian = median(handRuns);
        System.out.println();
        System.out.printf("=== Comparison engine benchmark (PostgreSQL, %,d measurements, %d indicators, %d rounds) ===%n",
                measurements, HAND_WRITTEN.size(), rounds);
        System.out.printf("full refresh      : %7.2f s median  (facts to all levels and genders, stored, suppressed, coloured)%n", engineMedian);
        if (handWritten) {
            System.out.printf("hand-written SQL  : %7.2f s median  (one query per indicator, results fetched)%n", handMedian);
            System.out.printf("ratio             : %.2f x the hand-written SQL (target at most 1.2: %s)%n", engineMedian / handMedian,
                    engineMedian / handMedian <= 1.2 ? "met" : "NOT met");
        } else {
            System.out.println("hand-written SQL  : skipped (-Dbenchmark.hand-written=false): no ratio, no cell compared with it");
        }
        System.out.printf("incremental       : %7.2f s median of %s (%,d measurements of 3 municipalities each, until every affected result is current; target at most 5 s: %s)%n",
                incremental, incrementalTimes.stream().map(x -> String.format("%.2f", x)).toList(), incrementalWritten,
                incremental <= 5 ? "met" : "NOT met");
        if (handWritten) {
            System.out.printf("cells agreeing    : %,d, both ways; disagreements: %d%n", cells, disagreements.size());
        } else {
            System.out.printf("cells             : incremental against a full refresh only; disagreements: %d%n", disagreements.size());
        }
        perIndicator.forEach((id, n) -> System.out.printf("  %s full refresh %6.2f s, hand-written %s (medians), %,d cells%n",
                id, median(engineTimes.get(id)), handWritten ? String.format("%6.2f s", median(handTimes.get(id))) : "skipped", n));
        double start = Double.NaN;
        if (database != null) {
            start = start(database, disagreements);
            System.out.printf("start-up          : %7.2f s  (a second instance on this database, until ready; target at most 30 s: %s; indicators refreshed: %s)%n",
                    start, start <= 30 ? "met" : "NOT met",
                    disagreements.stream().anyMatch(d -> d.startsWith("start-up")) ? "some, see below" : "none");
        }
        disagreements.stream().limit(20).forEach(d -> System.out.println("DISAGREES: " + d));
        return new Report(measurements, engineMedian, handMedian, incremental, cells, start, List.copyOf(disagreements));
    }

    /** Starts the whole application on the benchmark's database, timed until it is ready; it must refresh nothing. */
    private double start(String[] database, List<String> disagreements) {
        System.out.flush();
        long t0 = System.nanoTime();
        // command-line arguments, which outrank application.yml (default properties do not)
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(SamsynApplication.class).run(
                "--spring.datasource.url=" + database[0], "--spring.datasource.username=" + database[1],
                "--spring.datasource.password=" + database[2], "--server.port=0", "--samsyn.demo=false",
                "--samsyn.data-dir=" + database[3], "--samsyn.comparison.refresh-delay=1000d",
                "--logging.level.se.samsyn=WARN", "--logging.level.se.samsyn.comparison.internal.ComparisonEngine=DEBUG")) {
            String url = second.getEnvironment().getProperty("spring.datasource.url");
            if (!database[0].equals(url)) {
                throw new IllegalStateException("the second instance runs on " + url + ", not on the benchmark's database");
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            int refreshed = second.getBean(ResultRefresh.class).refreshedAtStart();
            if (refreshed != 0) {
                disagreements.add("start-up on current results refreshed " + refreshed + " indicators");
            }
            return seconds;
        } catch (RuntimeException e) {
            disagreements.add("start-up failed: " + e);
            return Double.NaN;
        }
    }

    private double engineRound(Map<String, List<Double>> times) {
        long e0 = System.nanoTime();
        for (String id : HAND_WRITTEN.keySet()) {
            long i0 = System.nanoTime();
            engine.refresh(id);
            times.computeIfAbsent(id, k -> new ArrayList<>()).add((System.nanoTime() - i0) / 1e9);
        }
        return (System.nanoTime() - e0) / 1e9;
    }

    /** Runs every hand-written query, keeping the rows of the last round: cell key to {value, base}. */
    private double handRound(Map<String, List<Double>> times, Map<String, Map<String, double[]>> cells) {
        long h0 = System.nanoTime();
        for (Map.Entry<String, String> q : HAND_WRITTEN.entrySet()) {
            long i0 = System.nanoTime();
            List<Map<String, Object>> rows = jdbc.sql(q.getValue()).query().listOfRows();
            times.computeIfAbsent(q.getKey(), k -> new ArrayList<>()).add((System.nanoTime() - i0) / 1e9);
            Map<String, double[]> byKey = new HashMap<>();
            for (Map<String, Object> row : rows) {
                Object[] v = row.values().toArray();
                byKey.put(v[0] + "|" + ((Number) v[1]).intValue() + "|" + v[2],
                        new double[] {v[3] == null ? Double.NaN : ((Number) v[3]).doubleValue(), ((Number) v[4]).doubleValue()});
            }
            cells.put(q.getKey(), byKey);
        }
        return (System.nanoTime() - h0) / 1e9;
    }

    /** Compares the stored cells with the hand-written ones both ways; returns how many cells agree. */
    private int compare(Map<String, Map<String, double[]>> hand, List<String> disagreements) {
        int agree = 0;
        for (Map.Entry<String, Map<String, double[]>> q : hand.entrySet()) {
            Map<String, double[]> stored = new HashMap<>();
            jdbc.sql("SELECT area_code, stat_year, gender, result_value, n FROM cmp_result WHERE indicator_id = :id")
                    .param("id", q.getKey()).query(rs -> {
                        double value = rs.getDouble(4);
                        stored.put(rs.getString(1) + "|" + rs.getInt(2) + "|" + rs.getString(3),
                                new double[] {rs.wasNull() ? Double.NaN : value, rs.getInt(5)});
                    });
            for (Map.Entry<String, double[]> cell : q.getValue().entrySet()) {
                double[] engineCell = stored.get(cell.getKey());
                if (engineCell == null) {
                    disagreements.add(q.getKey() + " " + cell.getKey() + ": hand-written " + cell.getValue()[0] + " (n "
                            + cell.getValue()[1] + "), no engine cell");
                } else if (!same(engineCell[0], cell.getValue()[0]) || engineCell[1] != cell.getValue()[1]) {
                    disagreements.add(q.getKey() + " " + cell.getKey() + ": hand-written " + cell.getValue()[0] + " (n "
                            + cell.getValue()[1] + "), engine " + engineCell[0] + " (n " + engineCell[1] + ")");
                } else {
                    agree++;
                }
            }
            for (String key : stored.keySet()) {
                if (!q.getValue().containsKey(key)) {
                    disagreements.add(q.getKey() + " " + key + ": engine " + stored.get(key)[0] + ", no hand-written cell");
                }
            }
        }
        return agree;
    }

    private static boolean same(double a, double b) {
        return (Double.isNaN(a) && Double.isNaN(b)) || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
    }

    /**
     * Writes {@code rows} measurements in three municipalities as the heaviest import of that many
     * rows would for the stored outcomes: one later 2025 WHO-5 follow-up for each of {@code rows}
     * existing clients (each with a WHO-5 pair of 2025 and an intervention, so that its stored
     * pairs, indicator counts and report histograms really change), spread over the three
     * municipalities and over each one's clients (every k-th in id order, not a block). Fewer
     * when the three have fewer clients ({@link #incrementalWritten} says how many). Records
     * exactly those clients as changed and announces the change per municipality with them, as the
     * follow-up module does, and times the gathered refresh. Does so {@code runs} times, each import
     * a day later and for other clients where the three have enough (every k-th from another
     * offset), and returns the median time in seconds. Then refreshes everything whole and checks
     * that no stored cell differs from what the last incremental refresh left.
     */
    private double incremental(int rows, int runs, List<String> disagreements) {
        List<String> three = jdbc.sql("SELECT code FROM org_municipality ORDER BY code LIMIT 3").query(String.class).list();
        List<Double> times = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            // each import its own clients where the three have enough (every k-th from the run's offset)
            List<Long> touched = jdbc.sql("""
                    SELECT id FROM (SELECT id, municipality_code,
                                           ROW_NUMBER() OVER (PARTITION BY municipality_code ORDER BY id) AS r,
                                           COUNT(*) OVER (PARTITION BY municipality_code) AS n
                                    FROM fup_client WHERE municipality_code IN (:three)) x
                    WHERE MOD(r, GREATEST(1, n * 3 / :rows)) = MOD(:run, GREATEST(1, n * 3 / :rows))
                    ORDER BY r, municipality_code LIMIT :rows""")
                    .param("three", three).param("rows", rows).param("run", run).query(Long.class).list();
            // after every generated follow-up of 2025 (which end in September), a day later each import
            incrementalWritten = jdbc.sql("""
                    INSERT INTO fup_measurement (municipality_code, client_id, unit_code, instrument_code, measured_on, time_point, score)
                    SELECT c.municipality_code, c.id, c.unit_code, 'who5', :on, 'followup-6m', (c.id * 13 + :run * 7) % 100
                    FROM fup_client c WHERE c.id IN (:touched)""")
                    .param("touched", touched).param("on", java.time.LocalDate.of(2025, 12, 15).plusDays(run))
                    .param("run", run).update();
            // recorded as changed, as an import does: exactly the clients written to
            jdbc.sql("INSERT INTO fup_outcome_changed_client (municipality_code, client_id) SELECT municipality_code, id"
                    + " FROM fup_client WHERE id IN (:touched)").param("touched", touched).update();
            System.out.printf("incremental import %d: %,d measurements of %,d existing clients, recorded as changed%n",
                    run + 1, incrementalWritten, touched.size());
            for (String municipality : three) {
                jdbc.sql("INSERT INTO cmp_refresh_pending (scope, requested_at) VALUES (:scope, now())")
                        .param("scope", ResultRefresh.MUNICIPALITY + municipality + ResultRefresh.CLIENTS).update();
            }
            long i0 = System.nanoTime();
            refresh.refreshChangedFollowup();
            times.add((System.nanoTime() - i0) / 1e9);
            System.out.printf("incremental refresh %d: %.2f s%n", run + 1, times.get(run));
            System.out.flush();
            if (jdbc.sql("SELECT COUNT(*) FROM cmp_refresh_pending").query(Integer.class).single() != 0) {
                disagreements.add("incremental refresh " + (run + 1) + " left requests pending");
            }
        }
        incrementalTimes = List.copyOf(times);
        double seconds = median(times);
        System.out.printf("incremental refresh %.2f s (median of %d); now checking the last against a full refresh%n",
                seconds, runs);
        System.out.flush();
        Map<String, String> incremental = stored();
        for (String table : practiceOutcomes ? PRACTICE_TABLES : List.<String>of()) {
            jdbc.sql("DROP TABLE IF EXISTS bench_" + table).update();
            jdbc.sql("CREATE TABLE bench_" + table + " AS SELECT * FROM " + table).update();
        }
        if (practiceOutcomes) {
            transactions.executeWithoutResult(tx -> practice.refreshAll());
        }
        for (String table : practiceOutcomes ? PRACTICE_TABLES : List.<String>of()) {
            long differing = jdbc.sql("SELECT COUNT(*) FROM ((SELECT * FROM " + table + " EXCEPT ALL SELECT * FROM bench_" + table
                    + ") UNION ALL (SELECT * FROM bench_" + table + " EXCEPT ALL SELECT * FROM " + table + ")) d")
                    .query(Long.class).single();
            if (differing != 0) {
                disagreements.add("incremental " + table + ": " + differing + " rows differ from a full rebuild");
            }
            jdbc.sql("DROP TABLE bench_" + table).update();
        }
        for (String id : HAND_WRITTEN.keySet()) {
            engine.refresh(id);
        }
        Map<String, String> full = stored();
        Set<String> keys = new TreeSet<>(full.keySet());
        keys.addAll(incremental.keySet());
        for (String key : keys) {
            if (!Objects.equals(full.get(key), incremental.get(key))) {
                disagreements.add("incremental " + key + ": " + incremental.get(key) + ", full refresh " + full.get(key));
            }
        }
        return seconds;
    }

    private Map<String, String> stored() {
        Map<String, String> cells = new HashMap<>();
        jdbc.sql("""
                SELECT indicator_id, area_code, stat_year, gender, numerator, denominator, result_value, n, status, colour
                FROM cmp_result WHERE indicator_id IN (:ids)""").param("ids", List.copyOf(HAND_WRITTEN.keySet())).query(rs -> {
            cells.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getInt(3) + "|" + rs.getString(4),
                    rs.getObject(5) + "|" + rs.getObject(6) + "|" + rs.getObject(7) + "|" + rs.getObject(8) + "|"
                            + rs.getString(9) + "|" + rs.getString(10));
        });
        return cells;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * Generates the data set-based in one transaction, deterministically (every value a function
     * of the client number g = 1..clients): clients in contiguous blocks per municipality (the
     * first {@code municipalities} in code order), so that the tables, read in the order they were written, give
     * every table and index its rows in key order. The secondary indexes and the unique constraint of {@code fup_measurement} are dropped
     * for the load and built again after it with their own definitions, and foreign keys are not
     * checked row by row ({@code session_replication_role = replica}): every reference is made
     * valid by construction. Nothing of this touches what is measured afterwards.
     */
    private void generate(int clients, int municipalities) {
        // a bulk load: fewer checkpoints and larger sorts for the index builds (this server only)
        jdbc.sql("ALTER SYSTEM SET max_wal_size = '8GB'").update();
        jdbc.sql("ALTER SYSTEM SET maintenance_work_mem = '512MB'").update();
        jdbc.sql("SELECT pg_reload_conf()").query().singleValue();
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("SET LOCAL session_replication_role = replica").update();
            List<String[]> constraints = jdbc.sql("""
                    SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
                    WHERE conrelid = 'fup_measurement'::regclass AND contype = 'u' ORDER BY conname""")
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
            List<String[]> indexes = jdbc.sql("""
                    SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i
                    WHERE i.indrelid = 'fup_measurement'::regclass AND NOT i.indisprimary
                      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
                    ORDER BY 1""").query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
            constraints.forEach(c -> jdbc.sql("ALTER TABLE fup_measurement DROP CONSTRAINT " + c[0]).update());
            indexes.forEach(i -> jdbc.sql("DROP INDEX " + i[0]).update());
            step("units", () -> jdbc.sql("""
                    INSERT INTO org_unit (municipality_code, code, name, active, created_at)
                    SELECT code, code || '-B', 'Benchmark ' || name, TRUE, now() FROM org_municipality""").update());
            step("clients", () -> jdbc.sql("""
                    WITH m AS (SELECT array_agg(code ORDER BY code) AS codes FROM org_municipality)
                    INSERT INTO fup_client (municipality_code, id, unit_code, pseudonym, birth_year, legal_sex, created_at)
                    SELECT c.code, c.g, c.code || '-B', 'b' || lpad(c.g::text, 12, '0'), 1950 + (c.g % 50),
                           CASE WHEN (c.g / 7) % 2 = 0 THEN 'K' ELSE 'M' END, now()
                    FROM (SELECT m.codes[((g - 1) * :municipalities / :clients) + 1] AS code, g
                          FROM m, generate_series(1::bigint, :clients) g) c""")
                    .param("clients", (long) clients).param("municipalities", (long) municipalities).update());
            // WHO-5 (S00001, S00002): a baseline and four yearly follow-ups per client, written per client
            step("WHO-5 measurements", () -> jdbc.sql("""
                    INSERT INTO fup_measurement (municipality_code, client_id, unit_code, instrument_code, measured_on, time_point, score)
                    SELECT c.municipality_code, c.id, c.unit_code, 'who5',
                           CASE WHEN k = 0 THEN DATE '2021-01-10' + (c.id % 300)::int ELSE make_date(2021 + k, 3, 1) + (c.id % 200)::int END,
                           CASE WHEN k = 0 THEN 'baseline' ELSE 'followup-12m' END,
                           CASE WHEN k = 0 THEN (c.id * 7) % 60 ELSE LEAST(100, (c.id * 7) % 60 + (c.id * k * 13) % 40) END
                    FROM fup_client c CROSS JOIN generate_series(0, 4) k""").update());
            // S00006: a baseline and four yearly severity ratings (0-9, lower is better) for a fifth of the clients
            step("severity measurements", () -> jdbc.sql("""
                    INSERT INTO fup_measurement (municipality_code, client_id, unit_code, instrument_code, measured_on, time_point, score)
                    SELECT c.municipality_code, c.id, c.unit_code, 'severity',
                           CASE WHEN k = 0 THEN DATE '2021-01-12' + (c.id % 300)::int ELSE make_date(2021 + k, 3, 2) + (c.id % 200)::int END,
                           CASE WHEN k = 0 THEN 'baseline' ELSE 'followup-12m' END,
                           CASE WHEN k = 0 THEN 3 + (c.id % 7) ELSE 3 + (c.id % 7) + (c.id * k) % 5 - 2 END
                    FROM fup_client c CROSS JOIN generate_series(0, 4) k WHERE c.id % 5 = 0""").update());
            // S00003: one intervention per client, ended in 2021-2025
            step("interventions", () -> jdbc.sql("""
                    INSERT INTO fup_intervention (municipality_code, client_id, unit_code, intervention_code, start_date, end_date, end_reason)
                    SELECT municipality_code, id, unit_code, 'MI', DATE '2021-01-10', make_date(2021 + (id % 5)::int, 6, 1),
                           CASE WHEN id % 3 = 0 THEN 'interrupted-by-client' ELSE 'completed' END
                    FROM fup_client""").update());
            // S00005: one substance-use episode per client
            step("episodes", () -> jdbc.sql("""
                    INSERT INTO fup_episode (municipality_code, client_id, unit_code, focus_area, start_date, end_date)
                    SELECT municipality_code, id, unit_code, 'substance-use', DATE '2021-01-10', make_date(2021 + (id % 5)::int, 6, 1)
                    FROM fup_client""").update());
            // S00004: a judged goal for a quarter of the clients
            step("goals", () -> jdbc.sql("""
                    INSERT INTO fup_need (municipality_code, client_id, unit_code, assessed_on, life_area, level, goal, goal_status)
                    SELECT municipality_code, id, unit_code, make_date(2021 + (id % 5)::int, 4, 1), 'd5', 2, 'goal',
                           CASE WHEN id % 3 = 0 THEN 'achieved' ELSE 'partly-achieved' END
                    FROM fup_client WHERE id % 4 = 0""").update());
            step("measurement indexes", () -> {
                constraints.forEach(c -> jdbc.sql("ALTER TABLE fup_measurement ADD CONSTRAINT " + c[0] + " " + c[1]).update());
                indexes.forEach(i -> jdbc.sql(i[1]).update());
            });
        });
    }

    private static void step(String what, Runnable step) {
        long t = System.nanoTime();
        step.run();
        System.out.printf("  %-22s %6.1f s%n", what, (System.nanoTime() - t) / 1e9);
    }
}
