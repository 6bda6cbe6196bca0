package se.samsyn.comparison.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samsyn.TestDatabases;

/**
 * Not a test: a benchmark, excluded from the normal run. It generates follow-up data in
 * PostgreSQL (by default 2,000,000 clients with a baseline and four yearly follow-ups: 10,000,000
 * measurements over 290 municipalities and the years 2021–2025, plus an intervention, an episode
 * and for a quarter a judged goal each), refreshes every seeded indicator with the engine, and in
 * the same run runs one hand-written SQL query per indicator that produces the same numbers at
 * every level. It prints both times, their ratio and whether the numbers agree. Run with
 * {@code ./mvnw test -Dtest=ComparisonEngineBenchmark -Dbenchmark.clients=2000000}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"samsyn.demo=false", "samsyn.data-dir=target/benchmark-data", "logging.level.se.samsyn=WARN"})
class ComparisonEngineBenchmark {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry, "comparison_benchmark");
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ComparisonEngine engine;

    /** Hand-written PostgreSQL per seeded indicator: DISTINCT ON, GROUP BY over the area and gender lookups. */
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

    @Test
    void engineAgainstHandWrittenSql() {
        int clients = Integer.getInteger("benchmark.clients", 2_000_000);
        long t = System.nanoTime();
        generate(clients);
        long measurements = jdbc.sql("SELECT COUNT(*) FROM fup_measurement").query(Long.class).single();
        System.out.printf("Generated %,d clients and %,d measurements in %.0f s%n", clients, measurements, (System.nanoTime() - t) / 1e9);
        engine.rebuildAreas();
        jdbc.sql("ANALYZE").update();

        // warm both once on a single indicator, then time the full runs
        engine.refresh("S00003");
        jdbc.sql(HAND_WRITTEN.get("S00003")).query().listOfRows();

        long e0 = System.nanoTime();
        Map<String, Double> engineTimes = new LinkedHashMap<>();
        for (String id : HAND_WRITTEN.keySet()) {
            long i0 = System.nanoTime();
            engine.refresh(id);
            engineTimes.put(id, (System.nanoTime() - i0) / 1e9);
        }
        double engineSeconds = (System.nanoTime() - e0) / 1e9;

        System.out.printf("engine refresh took %.1f s%n", engineSeconds);
        long h0 = System.nanoTime();
        Map<String, Double> stored = new java.util.HashMap<>();
        jdbc.sql("SELECT indicator_id, area_code, stat_year, gender, result_value FROM cmp_result").query(rs -> {
            stored.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getInt(3) + "|" + rs.getString(4),
                    rs.getObject(5) == null ? null : rs.getDouble(5));
        });
        int agree = 0;
        int cells = 0;
        Map<String, String> agreeing = new LinkedHashMap<>();
        for (Map.Entry<String, String> q : HAND_WRITTEN.entrySet()) {
            int before = agree;
            int total = 0;
            for (Map<String, Object> row : jdbc.sql(q.getValue()).query().listOfRows()) {
                cells++;
                total++;
                Object[] values = row.values().toArray();
                Double value = stored.get(q.getKey() + "|" + values[0] + "|" + ((Number) values[1]).intValue() + "|" + values[2]);
                if (value != null && Math.abs(value - ((Number) values[3]).doubleValue()) < 1e-6) {
                    agree++;
                } else if (cells - agree <= 5) {
                    System.out.println("differs: " + q.getKey() + " " + row + " stored " + value);
                }
            }
            agreeing.put(q.getKey(), (agree - before) + "/" + total);
        }
        // the comparison of the numbers is not part of the hand-written time: time the queries alone again
        long h1 = System.nanoTime();
        Map<String, Double> handTimes = new LinkedHashMap<>();
        for (Map.Entry<String, String> q : HAND_WRITTEN.entrySet()) {
            long i0 = System.nanoTime();
            jdbc.sql(q.getValue()).query().listOfRows();
            handTimes.put(q.getKey(), (System.nanoTime() - i0) / 1e9);
        }
        double handSeconds = (System.nanoTime() - h1) / 1e9;
        System.out.println();
        System.out.printf("=== Comparison engine benchmark (PostgreSQL, %,d measurements, %d indicators) ===%n", measurements,
                HAND_WRITTEN.size());
        System.out.printf("engine refresh   : %7.1f s  (facts to all levels and genders, stored, suppressed, coloured)%n", engineSeconds);
        System.out.printf("hand-written SQL : %7.1f s  (one query per indicator, results fetched)%n", handSeconds);
        System.out.printf("ratio            : %.2f x the hand-written SQL (target at most 1.5)%n", engineSeconds / handSeconds);
        System.out.printf("same numbers     : %,d of %,d cells agree%n", agree, cells);
        engineTimes.forEach((id, seconds) -> System.out.printf("  %s engine %6.1f s, hand-written %6.1f s, cells agreeing %s%n",
                id, seconds, handTimes.get(id), agreeing.get(id)));
        System.out.printf("(checking took %.0f s)%n", (h1 - h0) / 1e9);
    }

    private void generate(int clients) {
        jdbc.sql("""
                INSERT INTO org_unit (municipality_code, code, name, active, created_at)
                SELECT code, code || '-B', 'Benchmark ' || name, TRUE, now() FROM org_municipality""").update();
        jdbc.sql("""
                INSERT INTO fup_client (municipality_code, id, unit_code, pseudonym, birth_year, legal_sex, created_at)
                SELECT m.code, g, m.code || '-B', md5(g::text), 1950 + (g % 50), CASE WHEN (g / 290) % 2 = 0 THEN 'K' ELSE 'M' END, now()
                FROM generate_series(1, :clients) g
                JOIN (SELECT code, (ROW_NUMBER() OVER (ORDER BY code) - 1) AS idx FROM org_municipality) m ON m.idx = g % 290""")
                .param("clients", clients).update();
        jdbc.sql("""
                INSERT INTO fup_measurement (municipality_code, client_id, unit_code, instrument_code, measured_on, time_point, score)
                SELECT municipality_code, id, unit_code, 'who5', DATE '2021-01-10' + (id % 300)::int, 'baseline', (id * 7) % 60
                FROM fup_client""").update();
        jdbc.sql("""
                INSERT INTO fup_measurement (municipality_code, client_id, unit_code, instrument_code, measured_on, time_point, score)
                SELECT c.municipality_code, c.id, c.unit_code, 'who5', make_date(2021 + k, 3, 1) + (c.id % 200)::int,
                       'followup-12m', LEAST(100, (c.id * 7) % 60 + (c.id * k * 13) % 40)
                FROM fup_client c CROSS JOIN generate_series(1, 4) k""").update();
        jdbc.sql("""
                INSERT INTO fup_intervention (municipality_code, client_id, unit_code, intervention_code, start_date, end_date, end_reason)
                SELECT municipality_code, id, unit_code, 'MI', DATE '2021-01-10', make_date(2021 + (id % 5)::int, 6, 1),
                       CASE WHEN id % 3 = 0 THEN 'interrupted-by-client' ELSE 'completed' END
                FROM fup_client""").update();
        jdbc.sql("""
                INSERT INTO fup_episode (municipality_code, client_id, unit_code, focus_area, start_date, end_date)
                SELECT municipality_code, id, unit_code, 'substance-use', DATE '2021-01-10', make_date(2021 + (id % 5)::int, 6, 1)
                FROM fup_client""").update();
        jdbc.sql("""
                INSERT INTO fup_need (municipality_code, client_id, unit_code, assessed_on, life_area, level, goal, goal_status)
                SELECT municipality_code, id, unit_code, make_date(2021 + (id % 5)::int, 4, 1), 'd5', 2, 'goal',
                       CASE WHEN id % 3 = 0 THEN 'achieved' ELSE 'partly-achieved' END
                FROM fup_client WHERE id % 4 = 0""").update();
    }
}
