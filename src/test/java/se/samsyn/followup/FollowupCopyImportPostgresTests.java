package se.samsyn.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samsyn.TestDatabases;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * The measurement import's PostgreSQL path ({@code COPY} into staging tables, set-based merge) on
 * a real PostgreSQL: corrections are reported and kept in the history, a file with a bad row or a
 * row found wrong only against the stored rows leaves nothing stored (no measurement, no client),
 * and the same file imported twice stores nothing twice. Each test uses its own clients
 * (serials) and dates, so the tests do not depend on their order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"samsyn.demo=false", "samsyn.data-dir=target/test-data"})
class FollowupCopyImportPostgresTests extends UnitsOnBothDatabases {

    static final Actor STAFF = new Actor("copy-tester", Role.CASE_WORKER, Scope.unit(UNIT));
    static final String HEADER = "personnummer,unit_code,instrument_code,measured_on,time_point,score\n";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry, "followup_copy");
    }

    @Autowired
    FollowupImport importer;

    @Test
    void correctionsAreReportedAsUpdatesAndKeptInTheHistory() {
        String a = TestNumbers.number(700);
        String b = TestNumbers.number(701);
        String first = HEADER + a + "," + UNIT + ",who5,2025-06-01,baseline,40\n"
                + b + "," + UNIT + ",who5,2025-06-01,baseline,52\n"
                + a + "," + UNIT + ",who5,2025-09-01,followup-6m,60\n";
        ImportResult stored = run(first, false);
        assertThat(List.of(stored.status(), stored.imported(), stored.updated(), stored.unchanged()))
                .containsExactly("imported", 3L, 0L, 0L);

        String corrected = HEADER + a + "," + UNIT + ",who5,2025-06-01,baseline,44.5\n"
                + b + "," + UNIT + ",who5,2025-06-01,baseline,52\n"
                + a + "," + UNIT + ",who5,2025-09-01,followup-6m,64\n"
                + b + "," + UNIT + ",who5,2025-09-01,followup-6m,70\n";
        ImportResult dry = run(corrected, true);
        assertThat(List.of(dry.status(), dry.imported(), dry.updated(), dry.unchanged()))
                .containsExactly("valid", 1L, 2L, 1L);
        assertThat(scores("2025-06-01")).containsExactly(40.0, 52.0);

        ImportResult result = run(corrected, false);
        assertThat(List.of(result.status(), result.imported(), result.updated(), result.unchanged()))
                .containsExactly("imported", 1L, 2L, 1L);
        assertThat(scores("2025-06-01")).containsExactly(44.5, 52.0);
        assertThat(scores("2025-09-01")).containsExactly(64.0, 70.0);
        assertThat(jdbc.sql("""
                        SELECT m.measured_on || ' ' || h.field || ': ' || h.old_value || ' -> ' || h.new_value
                               || ' by ' || h.changed_by || ' via ' || h.source
                        FROM fup_history h JOIN fup_measurement m ON m.id = h.row_id
                        WHERE h.table_name = 'measurement' AND m.unit_code = :u
                          AND m.measured_on IN (DATE '2025-06-01', DATE '2025-09-01') ORDER BY m.measured_on""")
                .param("u", UNIT).query(String.class).list())
                .containsExactly("2025-06-01 score: 40 -> 44.5 by copy-tester via import",
                        "2025-09-01 score: 60 -> 64 by copy-tester via import");
        assertThat(jdbc.sql("SELECT details FROM aud_event WHERE action = 'IMPORT_CORRECTED' AND actor = 'copy-tester'")
                .query(String.class).single()).startsWith("updated=2; fields={score=2}; clientIds=");
    }

    @Test
    void aBadRowOrAnUnconfirmedBaselineLeavesNothingStored() {
        int measurements = count("fup_measurement");
        int clients = count("fup_client");
        StringBuilder file = new StringBuilder(HEADER);
        for (int i = 0; i < 40; i++) {
            file.append(TestNumbers.number(720 + i)).append(',').append(UNIT).append(",who5,2025-07-01,baseline,")
                    .append(i).append('\n');
        }
        String bad = file + TestNumbers.number(760) + "," + UNIT + ",who5,2025-07-01,baseline,101\n";
        ImportResult rejected = run(bad, false);
        assertThat(rejected.status()).isEqualTo("rejected");
        assertThat(rejected.errors()).containsExactly(new ImportResult.RowError(42, "score", "followup.error.score-range"));
        assertThat(List.of(count("fup_measurement"), count("fup_client"))).containsExactly(measurements, clients);

        // found wrong only in the store step, after the batch's clients were created through the staging table
        String second = file + TestNumbers.number(720) + "," + UNIT + ",who5,2025-07-20,baseline,30\n";
        ImportResult unconfirmed = run(second, false);
        assertThat(unconfirmed.status()).isEqualTo("rejected");
        assertThat(unconfirmed.errors()).containsExactly(new ImportResult.RowError(42, "time_point",
                "import.error.baseline-second", List.of("2025-07-01")));
        assertThat(List.of(count("fup_measurement"), count("fup_client"))).containsExactly(measurements, clients);
    }

    @Test
    void theSameFileTwiceStoresNothingTwice() {
        StringBuilder file = new StringBuilder(HEADER);
        for (int i = 0; i < 30; i++) {
            String n = TestNumbers.number(800 + i);
            file.append(n).append(',').append(UNIT).append(",who5,2025-08-01,baseline,").append(i).append('\n');
            file.append(n).append(',').append(UNIT).append(",who5,2026-02-01,followup-6m,").append(i + 10).append('\n');
        }
        int measurements = count("fup_measurement");
        int clients = count("fup_client");
        ImportResult first = run(file.toString(), false);
        assertThat(List.of(first.status(), first.imported(), first.updated(), first.unchanged()))
                .containsExactly("imported", 60L, 0L, 0L);
        ImportResult again = run(file.toString(), false);
        assertThat(List.of(again.status(), again.imported(), again.updated(), again.unchanged()))
                .containsExactly("imported", 0L, 0L, 60L);
        assertThat(List.of(count("fup_measurement"), count("fup_client")))
                .containsExactly(measurements + 60, clients + 30);
        assertThat(jdbc.sql("SELECT SUM(score) FROM fup_measurement WHERE unit_code = :u AND measured_on = DATE '2026-02-01'")
                .param("u", UNIT).query(Double.class).single()).isEqualTo(735.0);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM fup_history h JOIN fup_measurement m ON m.id = h.row_id "
                        + "WHERE m.measured_on = DATE '2025-08-01'").query(Integer.class).single()).isZero();
    }

    private ImportResult run(String content, boolean dryRun) {
        return importer.run(STAFF, ImportType.MEASUREMENTS, FollowupImport.Format.CSV,
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), dryRun);
    }

    private int count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
    }

    private List<Double> scores(String date) {
        return jdbc.sql("SELECT score FROM fup_measurement WHERE unit_code = :u AND measured_on = CAST(:d AS DATE) "
                + "ORDER BY score").param("u", UNIT).param("d", date).query(Double.class).list();
    }
}
