package se.samsyn.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import se.samsyn.organisation.FocusArea;
import se.samsyn.organisation.NewUnit;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/** Bulk import on both databases: all-or-nothing, every bad row listed, idempotent, scoped. */
@ExtendWith(OutputCaptureExtension.class)
abstract class FollowupImportTests {

    static final String UNIT = "1280-IFO-VUX";
    static final Actor STAFF = new Actor("import-tester", Role.CASE_WORKER, Scope.unit(UNIT));

    @Autowired
    FollowupImport importer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Units units;

    @Autowired
    Organisation organisation;

    @BeforeEach
    void unitsExist() {
        Actor admin = new Actor("setup", Role.ADMINISTRATOR, Scope.nation());
        for (String[] u : new String[][] {{"1280", UNIT}, {"1281", "1281-IFO"}}) {
            if (organisation.unit(u[1]).isEmpty()) {
                units.register(admin, new NewUnit(u[0], u[1], "Test " + u[1], Set.of(FocusArea.SUBSTANCE_USE)));
            }
        }
    }

    /** 50 measurement rows for 50 clients (serials 100–149); rows are numbered from 2 after the header. */
    static String measurements(Map<Integer, String> replacedLines) {
        return measurements(100, replacedLines);
    }

    static String measurements(int firstSerial, Map<Integer, String> replacedLines) {
        StringBuilder csv = new StringBuilder("personnummer,unit_code,instrument_code,measured_on,time_point,score\n");
        for (int i = 0; i < 50; i++) {
            int line = i + 2;
            String row = TestNumbers.number(firstSerial + i) + "," + UNIT + ",who5,2025-03-0" + (1 + i % 9) + ",baseline,"
                    + (i * 2);
            csv.append(replacedLines.getOrDefault(line, row)).append('\n');
        }
        return csv.toString();
    }

    ImportResult run(ImportType type, String content, boolean dryRun) {
        return importer.run(STAFF, type, FollowupImport.Format.CSV,
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), dryRun);
    }

    int stored() {
        return jdbc.sql("SELECT COUNT(*) FROM fup_measurement WHERE unit_code = :u").param("u", UNIT)
                .query(Integer.class).single();
    }

    @Test
    void rejectsAFileWithThreeBadRowsListingExactlyThoseAndStoringNothing() {
        int before = stored();
        int clientsBefore = jdbc.sql("SELECT COUNT(*) FROM fup_client").query(Integer.class).single();
        String file = measurements(Map.of(
                11, TestNumbers.broken(109) + "," + UNIT + ",who5,2025-03-01,baseline,40",
                26, TestNumbers.number(124) + "," + UNIT + ",nosuch,2025-03-01,baseline,40",
                41, TestNumbers.number(139) + "," + UNIT + ",who5,2025-03-01,baseline,120"));
        ImportResult result = run(ImportType.MEASUREMENTS, file, false);
        assertThat(result.status()).isEqualTo("rejected");
        assertThat(result.rows()).isEqualTo(50);
        assertThat(result.errorCount()).isEqualTo(3);
        assertThat(result.errors()).containsExactly(
                new ImportResult.RowError(11, "personnummer", "followup.pnr.checksum"),
                new ImportResult.RowError(26, "instrument_code", "followup.error.instrument-unknown"),
                new ImportResult.RowError(41, "score", "followup.error.score-range"));
        assertThat(stored()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM fup_client").query(Integer.class).single()).isEqualTo(clientsBefore);
    }

    @Test
    void importsTheFixedFileAndThenReportsEveryRowUnchanged() {
        int before = stored();
        ImportResult dry = run(ImportType.MEASUREMENTS, measurements(Map.of()), true);
        assertThat(dry.status()).isEqualTo("valid");
        assertThat(dry.imported()).isEqualTo(50);
        assertThat(stored()).isEqualTo(before);

        ImportResult first = run(ImportType.MEASUREMENTS, measurements(Map.of()), false);
        assertThat(first.status()).isEqualTo("imported");
        assertThat(first.rows()).isEqualTo(50);
        assertThat(first.imported()).isEqualTo(50);
        assertThat(first.unchanged()).isZero();
        assertThat(first.errors()).isEmpty();
        assertThat(stored()).isEqualTo(before + 50);

        ImportResult again = run(ImportType.MEASUREMENTS, measurements(Map.of()), false);
        assertThat(again.status()).isEqualTo("imported");
        assertThat(again.imported()).isZero();
        assertThat(again.unchanged()).isEqualTo(50);
        assertThat(stored()).isEqualTo(before + 50);
    }

    @Test
    void refusesRowsForAUnitOutsideTheCallersScope() {
        String file = "personnummer,unit_code,focus_area,start_date,end_date\n"
                + TestNumbers.number(300) + "," + UNIT + ",substance-use,2025-01-10,\n"
                + TestNumbers.number(301) + ",1281-IFO,substance-use,2025-01-10,\n"
                + TestNumbers.number(302) + ",NO-SUCH-UNIT,substance-use,2025-01-10,\n";
        ImportResult result = run(ImportType.EPISODES, file, false);
        assertThat(result.status()).isEqualTo("rejected");
        assertThat(result.errors()).containsExactly(
                new ImportResult.RowError(3, "unit_code", "import.error.unit-scope"),
                new ImportResult.RowError(4, "unit_code", "import.error.unit-unknown"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM fup_episode WHERE start_date = DATE '2025-01-10'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void importsEveryTypeFromJsonWithTheSameRules() {
        String number = TestNumbers.number(400);
        String episodes = "[{\"personnummer\":\"" + number + "\",\"unit_code\":\"" + UNIT
                + "\",\"focus_area\":\"homelessness\",\"start_date\":\"2025-02-01\",\"end_date\":null}]";
        String needs = "[{\"personnummer\":\"" + number + "\",\"unit_code\":\"" + UNIT
                + "\",\"assessed_on\":\"2025-02-01\",\"life_area\":\"d6\",\"level\":3,\"goal\":\"eget boende\"},"
                + "{\"personnummer\":\"" + number + "\",\"unit_code\":\"" + UNIT
                + "\",\"assessed_on\":\"2025-02-01\",\"life_area\":\"security\",\"level\":5,\"goal\":\"\"}]";
        String interventions = "[{\"personnummer\":\"" + number + "\",\"unit_code\":\"" + UNIT
                + "\",\"intervention_code\":\"HF\",\"start_date\":\"2025-02-01\",\"end_date\":\"2025-08-01\","
                + "\"end_reason\":\"completed\"}]";
        ImportResult imported = json(ImportType.EPISODES, episodes);
        assertThat(imported.errors()).isEmpty();
        assertThat(imported.status()).isEqualTo("imported");
        ImportResult badNeeds = json(ImportType.NEEDS, needs);
        assertThat(badNeeds.status()).isEqualTo("rejected");
        assertThat(badNeeds.errors()).containsExactly(new ImportResult.RowError(2, "level", "followup.error.level"));
        assertThat(json(ImportType.INTERVENTIONS, interventions).imported()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT end_reason FROM fup_intervention WHERE intervention_code = 'HF' AND start_date = DATE '2025-02-01'")
                .query(String.class).list()).containsExactly("completed");
    }

    @Test
    void rejectsAFileWhoseHeaderIsNotTheDocumentedOne() {
        ImportResult result = run(ImportType.NEEDS, "personnummer,level\n" + TestNumbers.number(1) + ",2\n", false);
        assertThat(result.status()).isEqualTo("rejected");
        assertThat(result.errors()).containsExactly(new ImportResult.RowError(1, null, "import.error.header"));
    }

    @Test
    void storesAndLogsNoPersonalIdentityNumberAnywhere(CapturedOutput output) {
        run(ImportType.MEASUREMENTS, measurements(700, Map.of(5, TestNumbers.broken(703) + "," + UNIT + ",who5,2025-03-01,baseline,4")), false);
        run(ImportType.MEASUREMENTS, measurements(700, Map.of()), false);
        List<String> forbidden = List.of(TestNumbers.number(700), TestNumbers.number(700).substring(2),
                TestNumbers.number(749), TestNumbers.number(749).substring(2));
        List<String> tables = jdbc.sql("""
                SELECT table_name FROM information_schema.tables
                WHERE LOWER(table_schema) = 'public' AND table_type IN ('BASE TABLE', 'TABLE')""")
                .query(String.class).list();
        assertThat(tables).contains("fup_client", "fup_measurement", "aud_event");
        for (String table : tables) {
            for (Map<String, Object> row : jdbc.sql("SELECT * FROM " + table).query().listOfRows()) {
                String values = row.values().toString();
                for (String number : forbidden) {
                    assertThat(values).as(table).doesNotContain(number);
                }
            }
        }
        for (String number : forbidden) {
            assertThat(output.getAll()).doesNotContain(number);
        }
        assertThat(output.getAll()).doesNotContain(TestNumbers.broken(703));
    }

    private ImportResult json(ImportType type, String content) {
        return importer.run(STAFF, type, FollowupImport.Format.JSON,
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), false);
    }
}
