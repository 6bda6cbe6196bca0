package se.samsyn.comparison.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.samsyn.organisation.FocusArea;
import se.samsyn.organisation.NewUnit;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Units;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * Follow-up facts small enough to check every result by hand. All clients are born in 1980
 * (aged 45 in 2025). WHO-5 changes from baseline (2025-01-10) to follow-up (2025-07-10):
 * <pre>
 * Malmö 1280 (Skåne, A1)      K: +20 +5 +15      M: +12 -5 -1
 * Lund 1281 (Skåne, B3)       K: +10 +10 0 0 0
 * Stockholm 0180 (Sthlm, A1)  M: +30 +15
 * </pre>
 * Interventions ended in 2025: Malmö K completed, K completed, M completed, M interrupted;
 * Lund K moved, K completed. Goals judged in 2025 in Malmö: K achieved, K not achieved, M partly.
 * Substance-use episodes: Malmö K, K, M from 2025-01-01 (open); Lund K 2024-03-01 to 2025-02-01;
 * plus a children-youth episode in Malmö and a client aged 15, which the indicator leaves out.
 */
final class ComparisonFixture {

    private ComparisonFixture() {
    }

    static void record(JdbcClient jdbc, Units units, Organisation organisation) {
        if (organisation.unit("1280-CMP").isPresent()) {
            return;
        }
        Actor admin = new Actor("setup", Role.ADMINISTRATOR, Scope.nation());
        units.register(admin, new NewUnit("1280", "1280-CMP", "Malmö jämförelse", Set.of(FocusArea.SUBSTANCE_USE)));
        units.register(admin, new NewUnit("1281", "1281-CMP", "Lund jämförelse", Set.of(FocusArea.SUBSTANCE_USE)));
        units.register(admin, new NewUnit("0180", "0180-CMP", "Stockholm jämförelse", Set.of(FocusArea.SUBSTANCE_USE)));
        int[] malmoK = {20, 5, 15};
        int[] malmoM = {12, -5, -1};
        long[] mk = new long[3];
        long[] mm = new long[3];
        for (int i = 0; i < 3; i++) {
            mk[i] = client(jdbc, "1280", "K", 1980, "mk" + i);
            outcome(jdbc, "1280", mk[i], malmoK[i]);
            mm[i] = client(jdbc, "1280", "M", 1980, "mm" + i);
            outcome(jdbc, "1280", mm[i], malmoM[i]);
        }
        int[] lundK = {10, 10, 0, 0, 0};
        long[] lk = new long[5];
        for (int i = 0; i < 5; i++) {
            lk[i] = client(jdbc, "1281", "K", 1980, "lk" + i);
            outcome(jdbc, "1281", lk[i], lundK[i]);
        }
        for (int change : new int[] {30, 15}) {
            long id = client(jdbc, "0180", "M", 1980, "sm" + change);
            outcome(jdbc, "0180", id, change);
        }
        ended(jdbc, "1280", mk[0], "completed");
        ended(jdbc, "1280", mk[1], "completed");
        ended(jdbc, "1280", mm[0], "completed");
        ended(jdbc, "1280", mm[1], "interrupted-by-client");
        ended(jdbc, "1281", lk[0], "moved");
        ended(jdbc, "1281", lk[1], "completed");
        goal(jdbc, "1280", mk[0], "achieved");
        goal(jdbc, "1280", mk[1], "not-achieved");
        goal(jdbc, "1280", mm[0], "partly-achieved");
        episode(jdbc, "1280", mk[0], "substance-use", LocalDate.of(2025, 1, 1), null);
        episode(jdbc, "1280", mk[1], "substance-use", LocalDate.of(2025, 1, 1), null);
        episode(jdbc, "1280", mm[0], "substance-use", LocalDate.of(2025, 1, 1), null);
        episode(jdbc, "1280", mm[1], "children-youth", LocalDate.of(2025, 1, 1), null);
        long young = client(jdbc, "1280", "K", 2010, "young");
        episode(jdbc, "1280", young, "substance-use", LocalDate.of(2025, 1, 1), null);
        episode(jdbc, "1281", lk[0], "substance-use", LocalDate.of(2024, 3, 1), LocalDate.of(2025, 2, 1));
    }

    private static String unit(String municipality) {
        return municipality + "-CMP";
    }

    static long client(JdbcClient jdbc, String municipality, String sex, int birthYear, String pseudonym) {
        jdbc.sql("""
                INSERT INTO fup_client (municipality_code, unit_code, pseudonym, birth_year, legal_sex, created_at)
                VALUES (:m, :u, :p, :y, :s, :at)""")
                .param("m", municipality).param("u", unit(municipality)).param("p", pseudonym).param("y", birthYear)
                .param("s", sex).param("at", OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)).update();
        return jdbc.sql("SELECT id FROM fup_client WHERE pseudonym = :p").param("p", pseudonym).query(Long.class).single();
    }

    static void outcome(JdbcClient jdbc, String municipality, long client, int change) {
        measurement(jdbc, municipality, client, LocalDate.of(2025, 1, 10), "baseline", 40);
        measurement(jdbc, municipality, client, LocalDate.of(2025, 7, 10), "followup-6m", 40 + change);
    }

    private static void measurement(JdbcClient jdbc, String municipality, long client, LocalDate on, String point, double score) {
        jdbc.sql("""
                INSERT INTO fup_measurement (municipality_code, client_id, unit_code, instrument_code, measured_on, time_point, score)
                VALUES (:m, :c, :u, 'who5', :on, :point, :score)""")
                .param("m", municipality).param("c", client).param("u", unit(municipality)).param("on", on)
                .param("point", point).param("score", score).update();
    }

    static void ended(JdbcClient jdbc, String municipality, long client, String reason) {
        jdbc.sql("""
                INSERT INTO fup_intervention (municipality_code, client_id, unit_code, intervention_code, start_date, end_date, end_reason)
                VALUES (:m, :c, :u, 'MI', :start, :end, :reason)""")
                .param("m", municipality).param("c", client).param("u", unit(municipality))
                .param("start", LocalDate.of(2025, 1, 10)).param("end", LocalDate.of(2025, 6, 30)).param("reason", reason)
                .update();
    }

    private static void goal(JdbcClient jdbc, String municipality, long client, String status) {
        jdbc.sql("""
                INSERT INTO fup_need (municipality_code, client_id, unit_code, assessed_on, life_area, level, goal, goal_status)
                VALUES (:m, :c, :u, :on, 'd5', 2, 'egen-vard', :status)""")
                .param("m", municipality).param("c", client).param("u", unit(municipality))
                .param("on", LocalDate.of(2025, 3, 1)).param("status", status).update();
    }

    static void episode(JdbcClient jdbc, String municipality, long client, String area, LocalDate start, LocalDate end) {
        jdbc.sql("""
                INSERT INTO fup_episode (municipality_code, client_id, unit_code, focus_area, start_date, end_date)
                VALUES (:m, :c, :u, :area, :start, :end)""")
                .param("m", municipality).param("c", client).param("u", unit(municipality)).param("area", area)
                .param("start", start).param("end", end).update();
    }
}
