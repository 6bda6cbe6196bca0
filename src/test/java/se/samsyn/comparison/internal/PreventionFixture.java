package se.samsyn.comparison.internal;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Prevention's published facts for the comparison tests, written into prevention's tables as the prevention module writes them. */
final class PreventionFixture {

    private PreventionFixture() {
    }

    /**
     * Prevention's tables as the prevention module writes them (ADR 14), for 2025: Malmö runs a
     * preventive home visit (K 80+: 30 in March and 20 in April; M 80+: 10 in March; K 65-79: 5,
     * outside the band 80+) and a parenting group (K 20-64: 12, M 20-64: 3); Lund a home visit
     * (K 80+: 7); Stockholm an open meeting place (K 20-64: 4). WHO-5 pairs: Malmö 5 (3 improved by
     * 10 points or more), Lund 2 (1 improved).
     */
    static void record(JdbcClient jdbc) {
        clear(jdbc);
        long a1 = activity(jdbc, "1280", "1280-ALD", "preventive-home-visit");
        long a2 = activity(jdbc, "1281", "1281-ALD", "preventive-home-visit");
        long a3 = activity(jdbc, "1280", "1280-IFO-BU", "parenting-support-group");
        long a4 = activity(jdbc, "0180", "0180-IFO-BU", "open-meeting-place");
        reach(jdbc, a1, "2025-03-01", "K", "80+", 30, 40);
        reach(jdbc, a1, "2025-03-01", "M", "80+", 10, 12);
        reach(jdbc, a1, "2025-04-01", "K", "80+", 20, 25);
        reach(jdbc, a1, "2025-04-01", "K", "65-79", 5, 5);
        reach(jdbc, a2, "2025-05-01", "K", "80+", 7, 7);
        reach(jdbc, a3, "2025-02-01", "K", "20-64", 12, 30);
        reach(jdbc, a3, "2025-02-01", "M", "20-64", 3, 9);
        reach(jdbc, a4, "2025-06-01", "K", "20-64", 4, 4);
        for (double[] pair : new double[][] {{40, 60}, {48, 52}, {30, 40}, {60, 56}, {20, 80}}) {
            answer(jdbc, a1, pair[0], pair[1]);
        }
        answer(jdbc, a2, 50, 70);
        answer(jdbc, a2, 40, 44);
    }

    /**
     * Activities whose own anonymous results a reader can set against the municipality-year cells
     * (ADR 0015, "Preventive pairs"), all WHO-5 (minimal difference 10 points): Malmö (1280) in 2025
     * a home visit A with 12 pairs (7 improved, shown on its page) and a parenting group B with 3
     * (2 improved, withheld on its page), so the cell is 15 pairs and 9 improved and 9 − 7 gives B's
     * 2; Lund (1281) a home visit C with 6 pairs in 2024 (3 improved) and 8 in 2025 (4 improved),
     * 14 pairs in all, shown on its page, so either year's cell less its page gives the other year;
     * Stockholm (0180) an open meeting place D with 10 pairs in 2025 (6 improved), whole in one year.
     */
    static void recordWithheldActivities(JdbcClient jdbc) {
        clear(jdbc);
        long a = activity(jdbc, "1280", "1280-ALD", "preventive-home-visit");
        long b = activity(jdbc, "1280", "1280-IFO-BU", "parenting-support-group");
        long c = activity(jdbc, "1281", "1281-ALD", "preventive-home-visit");
        long d = activity(jdbc, "0180", "0180-IFO-BU", "open-meeting-place");
        pairs(jdbc, a, "2025-03-01", 7, 5);
        pairs(jdbc, b, "2025-04-01", 2, 1);
        pairs(jdbc, c, "2024-09-01", 3, 3);
        pairs(jdbc, c, "2025-02-01", 4, 4);
        pairs(jdbc, d, "2025-05-01", 6, 4);
    }

    /**
     * Adds one activity of the kind in the municipality whose pairs, all answered in the month, its
     * page shows whole: {@code improved} pairs of 40 → 60 and {@code unchanged} of 50 → 52 (WHO-5).
     */
    static void recordWholeActivity(JdbcClient jdbc, String municipality, String unit, String kind, String month,
                                    int improved, int unchanged) {
        pairs(jdbc, activity(jdbc, municipality, unit, kind), month, improved, unchanged);
    }

    /** Writes {@code improved} pairs of 40 → 60 (+20) and {@code unchanged} pairs of 50 → 52 (+2) answered in the month. */
    private static void pairs(JdbcClient jdbc, long activity, String month, int improved, int unchanged) {
        for (int i = 0; i < improved + unchanged; i++) {
            jdbc.sql("""
                    INSERT INTO prv_answer (activity_id, instrument_code, answered_month, before_score, after_score)
                    VALUES (:a, 'who-5', CAST(:month AS DATE), :b, :f)""").param("a", activity).param("month", month)
                    .param("b", i < improved ? 40.0 : 50.0).param("f", i < improved ? 60.0 : 52.0).update();
        }
    }

    static void clear(JdbcClient jdbc) {
        jdbc.sql("DELETE FROM prv_answer").update();
        jdbc.sql("DELETE FROM prv_reach").update();
        jdbc.sql("DELETE FROM prv_activity").update();
    }

    private static long activity(JdbcClient jdbc, String municipality, String unit, String kind) {
        jdbc.sql("""
                INSERT INTO prv_activity (municipality_code, unit_code, kind_code, title, target_sex, target_bands, starts_on,
                       instrument_code, created_at, created_by)
                VALUES (:m, :u, :k, 'Test', 'T', '80+', DATE '2025-01-01', 'who-5', CURRENT_TIMESTAMP, 'test')""")
                .param("m", municipality).param("u", unit).param("k", kind).update();
        return jdbc.sql("SELECT MAX(id) FROM prv_activity").query(Long.class).single();
    }

    private static void reach(JdbcClient jdbc, long activity, String month, String sex, String band, int participants, int contacts) {
        jdbc.sql("""
                INSERT INTO prv_reach (activity_id, month_start, sex, age_band, participants, contacts, updated_at, updated_by)
                VALUES (:a, CAST(:month AS DATE), :sex, :band, :p, :c, CURRENT_TIMESTAMP, 'test')""")
                .param("a", activity).param("month", month).param("sex", sex).param("band", band)
                .param("p", participants).param("c", contacts).update();
    }

    private static void answer(JdbcClient jdbc, long activity, double before, double after) {
        jdbc.sql("""
                INSERT INTO prv_answer (activity_id, instrument_code, answered_month, before_score, after_score)
                VALUES (:a, 'who-5', DATE '2025-06-01', :b, :f)""").param("a", activity).param("b", before).param("f", after)
                .update();
    }
}
