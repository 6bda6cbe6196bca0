package se.samsyn.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * Bulk import on both databases: all-or-nothing, every bad row listed, idempotent, scoped; every
 * byte of an accepted file accounted for; corrections applied, counted and kept in the history;
 * the same file imported twice at once stored once.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class FollowupImportTests extends UnitsOnBothDatabases {

    static final Actor STAFF = new Actor("import-tester", Role.CASE_WORKER, Scope.unit(UNIT));

    @Autowired
    FollowupImport importer;

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
        assertThat(result.errors()).containsExactly(new ImportResult.RowError(1, null, "import.error.header",
                List.of("personnummer,unit_code,assessed_on,life_area,level,goal,goal_status")));
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

    static final String NEEDS_HEADER = "personnummer,unit_code,assessed_on,life_area,level,goal,goal_status\n";
    static final String OLD_NEEDS_HEADER = "personnummer,unit_code,assessed_on,life_area,level,goal\n";
    static final String EPISODES_HEADER = "personnummer,unit_code,focus_area,start_date,end_date\n";
    static final String MEASUREMENTS_HEADER = "personnummer,unit_code,instrument_code,measured_on,time_point,score\n";

    private List<String> goals(String assessedOn) {
        return jdbc.sql("SELECT goal FROM fup_need WHERE unit_code = :u AND assessed_on = CAST(:d AS DATE) ORDER BY life_area")
                .param("u", UNIT).param("d", assessedOn).query(String.class).list();
    }

    private int count(String table, String dateColumn, String date) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE unit_code = :u AND " + dateColumn + " = CAST(:d AS DATE)")
                .param("u", UNIT).param("d", date).query(Integer.class).single();
    }

    @Test
    void aQuotedGoalWithCommasIsKeptWhole() {
        ImportResult result = run(ImportType.NEEDS, NEEDS_HEADER
                + TestNumbers.number(500) + "," + UNIT + ",2025-04-02,d6,2,\"Bo kvar, med stöd, i egen bostad\",\n", false);
        assertThat(result.errors()).isEmpty();
        assertThat(result.imported()).isEqualTo(1);
        assertThat(goals("2025-04-02")).containsExactly("Bo kvar, med stöd, i egen bostad");
    }

    @Test
    void aRowWithMoreOrFewerFieldsThanTheHeaderIsAnErrorAndNothingIsStored() {
        ImportResult result = run(ImportType.EPISODES, EPISODES_HEADER
                + TestNumbers.number(501) + "," + UNIT + ",substance-use,2025-04-03,\n"
                + TestNumbers.number(502) + "," + UNIT + ",substance-use,2025-04-03,,x,y\n"
                + TestNumbers.number(503) + "," + UNIT + ",substance-use\n", false);
        assertThat(result.status()).isEqualTo("rejected");
        assertThat(result.errors()).containsExactly(
                new ImportResult.RowError(3, null, "import.error.field-count", List.of("7", "5")),
                new ImportResult.RowError(4, null, "import.error.field-count", List.of("3", "5")));
        assertThat(count("fup_episode", "start_date", "2025-04-03")).isZero();
    }

    @Test
    void aJsonElementThatIsNotAnObjectRejectsTheFileNamingItsRow() {
        String row = "{\"personnummer\":\"%s\",\"unit_code\":\"" + UNIT
                + "\",\"focus_area\":\"homelessness\",\"start_date\":\"2025-04-04\",\"end_date\":null}";
        ImportResult result = json(ImportType.EPISODES, "[" + row.formatted(TestNumbers.number(504)) + ", 42, "
                + row.formatted(TestNumbers.number(505)) + "]");
        assertThat(result.status()).isEqualTo("rejected");
        assertThat(result.errors()).containsExactly(new ImportResult.RowError(2, null, "import.error.json-object"));
        assertThat(count("fup_episode", "start_date", "2025-04-04")).isZero();

        ImportResult trailing = json(ImportType.EPISODES, "[" + row.formatted(TestNumbers.number(504)) + "] and more");
        assertThat(trailing.status()).isEqualTo("rejected");
        assertThat(trailing.errors()).containsExactly(new ImportResult.RowError(0, null, "import.error.trailing"));
        assertThat(count("fup_episode", "start_date", "2025-04-04")).isZero();
    }

    @Test
    void anEmptyFileAHeaderOnlyFileAndALatin1FileAreRejected() {
        assertThat(run(ImportType.NEEDS, "", false).errors())
                .containsExactly(new ImportResult.RowError(0, null, "import.error.empty"));
        assertThat(run(ImportType.NEEDS, NEEDS_HEADER, false).errors())
                .containsExactly(new ImportResult.RowError(0, null, "import.error.no-rows"));
        byte[] latin1 = (NEEDS_HEADER + TestNumbers.number(506) + "," + UNIT + ",2025-04-05,d6,2,Bo på äldreboende,\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        ImportResult result = importer.run(STAFF, ImportType.NEEDS, FollowupImport.Format.CSV,
                new ByteArrayInputStream(latin1), false);
        assertThat(result.status()).isEqualTo("rejected");
        assertThat(result.errors()).extracting(ImportResult.RowError::messageKey).containsExactly("import.error.encoding");
        assertThat(count("fup_need", "assessed_on", "2025-04-05")).isZero();
    }

    @Test
    void implausibleDatesAndNumbersThatAreNotPlainDecimalsAreRowErrors() {
        String n = TestNumbers.number(507);
        ImportResult result = run(ImportType.MEASUREMENTS, MEASUREMENTS_HEADER
                + n + "," + UNIT + ",who5,0001-01-01,baseline,40\n"
                + n + "," + UNIT + ",who5,2026-13-01,followup-6m,40\n"
                + n + "," + UNIT + ",who5,2025-04-06,baseline,0x1p5\n"
                + n + "," + UNIT + ",who5,2025-04-07,baseline,40d\n"
                + n + "," + UNIT + ",who5,2025-04-08,baseline,1e308\n"
                + n + "," + UNIT + ",who5,1/4/2025,end,40\n", false);
        assertThat(result.status()).isEqualTo("rejected");
        assertThat(result.errors()).containsExactly(
                new ImportResult.RowError(2, "measured_on", "import.error.date-range"),
                new ImportResult.RowError(3, "measured_on", "import.error.date-invalid"),
                new ImportResult.RowError(4, "score", "import.error.number"),
                new ImportResult.RowError(5, "score", "import.error.number"),
                new ImportResult.RowError(6, "score", "import.error.number"),
                new ImportResult.RowError(7, "measured_on", "import.error.date-format"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM fup_measurement WHERE measured_on < DATE '1900-01-01'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aCorrectedRowUpdatesTheStoredRowAndKeepsTheEarlierValue() {
        String n = TestNumbers.number(510);
        String open = EPISODES_HEADER + n + "," + UNIT + ",substance-use,2025-05-01,\n";
        String ended = EPISODES_HEADER + n + "," + UNIT + ",substance-use,2025-05-01,2025-09-30\n";
        assertThat(run(ImportType.EPISODES, open, false).imported()).isEqualTo(1);

        ImportResult dry = run(ImportType.EPISODES, ended, true);
        assertThat(dry.status()).isEqualTo("valid");
        assertThat(List.of(dry.imported(), dry.updated(), dry.unchanged())).containsExactly(0L, 1L, 0L);
        assertThat(endDates("2025-05-01")).containsExactly((String) null);

        ImportResult corrected = run(ImportType.EPISODES, ended, false);
        assertThat(corrected.status()).isEqualTo("imported");
        assertThat(List.of(corrected.imported(), corrected.updated(), corrected.unchanged())).containsExactly(0L, 1L, 0L);
        assertThat(endDates("2025-05-01")).containsExactly("2025-09-30");
        assertThat(historyOf("episode", "2025-05-01", "fup_episode", "start_date"))
                .containsExactly("end_date: null -> 2025-09-30 by import-tester via import");

        ImportResult again = run(ImportType.EPISODES, ended, false);
        assertThat(List.of(again.imported(), again.updated(), again.unchanged())).containsExactly(0L, 0L, 1L);
        ImportResult emptyEnd = run(ImportType.EPISODES, open, false);
        assertThat(List.of(emptyEnd.updated(), emptyEnd.unchanged())).as("an empty end date clears nothing")
                .containsExactly(0L, 1L);
        assertThat(endDates("2025-05-01")).containsExactly("2025-09-30");
        assertThat(jdbc.sql("SELECT details FROM aud_event WHERE action = 'IMPORT_CORRECTED' AND actor = 'import-tester' "
                + "ORDER BY seq DESC").query(String.class).list().get(0)).startsWith("updated=1; fields={end_date=1}; clientIds=");
    }

    @Test
    void aCorrectedScoreAndNeedLevelAreUpdatedWithTheirHistory() {
        String n = TestNumbers.number(511);
        run(ImportType.MEASUREMENTS, MEASUREMENTS_HEADER + n + "," + UNIT + ",who5,2025-05-02,baseline,40\n", false);
        ImportResult score = run(ImportType.MEASUREMENTS,
                MEASUREMENTS_HEADER + n + "," + UNIT + ",who5,2025-05-02,baseline,88\n", false);
        assertThat(List.of(score.imported(), score.updated(), score.unchanged())).containsExactly(0L, 1L, 0L);
        assertThat(jdbc.sql("SELECT score FROM fup_measurement WHERE unit_code = :u AND measured_on = DATE '2025-05-02'")
                .param("u", UNIT).query(Double.class).list()).containsExactly(88.0);
        assertThat(historyOf("measurement", "2025-05-02", "fup_measurement", "measured_on"))
                .containsExactly("score: 40 -> 88 by import-tester via import");

        run(ImportType.NEEDS, NEEDS_HEADER + n + "," + UNIT + ",2025-05-02,d3,2,Arbete,\n", false);
        ImportResult level = run(ImportType.NEEDS, NEEDS_HEADER + n + "," + UNIT + ",2025-05-02,d3,4,Arbete,\n", false);
        assertThat(List.of(level.imported(), level.updated(), level.unchanged())).containsExactly(0L, 1L, 0L);
        assertThat(jdbc.sql("SELECT level FROM fup_need WHERE unit_code = :u AND assessed_on = DATE '2025-05-02'")
                .param("u", UNIT).query(Integer.class).list()).containsExactly(4);
        assertThat(historyOf("need", "2025-05-02", "fup_need", "assessed_on"))
                .containsExactly("level: 2 -> 4 by import-tester via import");
    }

    @Test
    void aSecondOrLateBaselineIsARowErrorUnlessTheRowConfirmsIt() {
        String a = TestNumbers.number(520);
        String b = TestNumbers.number(521);
        assertThat(run(ImportType.MEASUREMENTS, MEASUREMENTS_HEADER
                + a + "," + UNIT + ",who5,2025-01-10,baseline,40\n"
                + b + "," + UNIT + ",who5,2025-02-10,followup-6m,50\n", false).imported()).isEqualTo(2);

        String file = MEASUREMENTS_HEADER
                + a + "," + UNIT + ",who5,2025-04-10,baseline,44\n"
                + b + "," + UNIT + ",who5,2025-03-10,baseline,48\n"
                + a + "," + UNIT + ",who5,2025-07-10,followup-6m,60\n";
        ImportResult refused = run(ImportType.MEASUREMENTS, file, false);
        assertThat(refused.status()).isEqualTo("rejected");
        assertThat(refused.errors()).containsExactly(
                new ImportResult.RowError(2, "time_point", "import.error.baseline-second", List.of("2025-01-10")),
                new ImportResult.RowError(3, "time_point", "import.error.baseline-after-followup", List.of("2025-02-10")));
        assertThat(count("fup_measurement", "measured_on", "2025-04-10")).isZero();
        assertThat(count("fup_measurement", "measured_on", "2025-07-10")).isZero();

        ImportResult badWord = run(ImportType.MEASUREMENTS, MEASUREMENTS_HEADER.strip() + ",confirm\n"
                + a + "," + UNIT + ",who5,2025-04-10,baseline,44,kanske\n", false);
        assertThat(badWord.errors()).containsExactly(new ImportResult.RowError(2, "confirm", "import.error.confirm"));

        ImportResult confirmed = run(ImportType.MEASUREMENTS, MEASUREMENTS_HEADER.strip() + ",confirm\n"
                + a + "," + UNIT + ",who5,2025-04-10,baseline,44,ja\n"
                + b + "," + UNIT + ",who5,2025-03-10,baseline,48,yes\n"
                + a + "," + UNIT + ",who5,2025-07-10,followup-6m,60,\n", false);
        assertThat(confirmed.errors()).isEmpty();
        assertThat(List.of(confirmed.imported(), confirmed.updated())).containsExactly(3L, 0L);
        assertThat(count("fup_measurement", "measured_on", "2025-04-10")).isEqualTo(1);

        ImportResult correction = run(ImportType.MEASUREMENTS, MEASUREMENTS_HEADER
                + a + "," + UNIT + ",who5,2025-04-10,baseline,46\n", false);
        assertThat(List.of(correction.status(), String.valueOf(correction.updated())))
                .as("correcting a stored baseline's score needs no confirmation").containsExactly("imported", "1");
    }

    /**
     * One batch with rows of a client stored before (probed for stored rows) and of clients the
     * batch creates (on PostgreSQL copied straight into the table): each kind gets the same
     * treatment as alone - new rows stored once, a changed score corrected with its history, the
     * baseline rule against stored and same-file rows - and importing the file again changes nothing.
     */
    @Test
    void aBatchWithStoredAndNewClientsStoresEachRowOnceCorrectsAndChecksBaselines() {
        String stored = TestNumbers.number(530);
        String fresh = TestNumbers.number(531);
        String refused = TestNumbers.number(532);
        assertThat(run(ImportType.MEASUREMENTS, MEASUREMENTS_HEADER
                + stored + "," + UNIT + ",who5,2024-01-13,baseline,40\n"
                + stored + "," + UNIT + ",who5,2024-07-13,followup-6m,55\n", false).imported()).isEqualTo(2);
        int clients = jdbc.sql("SELECT COUNT(*) FROM fup_client").query(Integer.class).single();

        String mixed = MEASUREMENTS_HEADER
                + stored + "," + UNIT + ",who5,2024-01-13,baseline,42\n"
                + fresh + "," + UNIT + ",who5,2024-02-17,baseline,30\n"
                + stored + "," + UNIT + ",who5,2025-01-13,followup-12m,60\n"
                + fresh + "," + UNIT + ",who5,2024-08-17,followup-6m,35\n"
                + stored + "," + UNIT + ",who5,2024-07-13,followup-6m,55\n";
        ImportResult first = run(ImportType.MEASUREMENTS, mixed, false);
        assertThat(first.status()).isEqualTo("imported");
        assertThat(List.of(first.imported(), first.updated(), first.unchanged())).containsExactly(3L, 1L, 1L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM fup_client").query(Integer.class).single()).isEqualTo(clients + 1);
        assertThat(List.of(count("fup_measurement", "measured_on", "2024-01-13"),
                count("fup_measurement", "measured_on", "2024-02-17"), count("fup_measurement", "measured_on", "2025-01-13"),
                count("fup_measurement", "measured_on", "2024-08-17"), count("fup_measurement", "measured_on", "2024-07-13")))
                .containsExactly(1, 1, 1, 1, 1);
        assertThat(jdbc.sql("SELECT score FROM fup_measurement WHERE unit_code = :u AND measured_on = DATE '2024-01-13'")
                .param("u", UNIT).query(Double.class).list()).containsExactly(42.0);
        assertThat(historyOf("measurement", "2024-01-13", "fup_measurement", "measured_on"))
                .containsExactly("score: 40 -> 42 by import-tester via import");

        ImportResult again = run(ImportType.MEASUREMENTS, mixed, false);
        assertThat(List.of(again.imported(), again.updated(), again.unchanged())).containsExactly(0L, 0L, 5L);

        ImportResult baselines = run(ImportType.MEASUREMENTS, MEASUREMENTS_HEADER
                + stored + "," + UNIT + ",who5,2024-11-13,baseline,44\n"
                + refused + "," + UNIT + ",who5,2024-03-19,followup-6m,20\n"
                + refused + "," + UNIT + ",who5,2024-04-19,baseline,25\n"
                + fresh + "," + UNIT + ",who5,2024-12-17,end,50\n", false);
        assertThat(baselines.status()).isEqualTo("rejected");
        assertThat(baselines.errors()).containsExactly(
                new ImportResult.RowError(2, "time_point", "import.error.baseline-second", List.of("2024-01-13")),
                new ImportResult.RowError(4, "time_point", "import.error.baseline-after-followup", List.of("2024-03-19")));
        assertThat(List.of(count("fup_measurement", "measured_on", "2024-03-19"),
                count("fup_measurement", "measured_on", "2024-12-17"))).containsExactly(0, 0);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM fup_client").query(Integer.class).single()).isEqualTo(clients + 1);
    }

    @Test
    void theSameKeyTwiceInOneFileIsAnErrorNamingBothRows() {
        String n = TestNumbers.number(512);
        ImportResult result = run(ImportType.MEASUREMENTS, MEASUREMENTS_HEADER
                + n + "," + UNIT + ",who5,2025-05-03,baseline,40\n"
                + TestNumbers.number(513) + "," + UNIT + ",who5,2025-05-03,baseline,40\n"
                + n + "," + UNIT + ",who5,2025-05-03,baseline,88\n", false);
        assertThat(result.status()).isEqualTo("rejected");
        assertThat(result.errors()).containsExactly(
                new ImportResult.RowError(4, null, "import.error.duplicate-key", List.of("2")));
        assertThat(count("fup_measurement", "measured_on", "2025-05-03")).isZero();
    }

    @Test
    void goalStatusCanBeImportedAndOldNeedsFilesStillWork() {
        String n = TestNumbers.number(514);
        ImportResult old = run(ImportType.NEEDS, OLD_NEEDS_HEADER + n + "," + UNIT + ",2025-05-04,d1,3,Egen bostad\n", false);
        assertThat(old.errors()).isEmpty();
        assertThat(old.imported()).isEqualTo(1);
        ImportResult status = run(ImportType.NEEDS,
                NEEDS_HEADER + n + "," + UNIT + ",2025-05-04,d1,3,Egen bostad,partly-achieved\n", false);
        assertThat(List.of(status.imported(), status.updated())).containsExactly(0L, 1L);
        assertThat(jdbc.sql("SELECT goal_status FROM fup_need WHERE unit_code = :u AND assessed_on = DATE '2025-05-04'")
                .param("u", UNIT).query(String.class).list()).containsExactly("partly-achieved");
        assertThat(run(ImportType.NEEDS, OLD_NEEDS_HEADER + n + "," + UNIT + ",2025-05-04,d1,3,Egen bostad\n", false)
                .unchanged()).as("an old file leaves the status as it is").isEqualTo(1);

        ImportResult bad = run(ImportType.NEEDS, NEEDS_HEADER
                + n + "," + UNIT + ",2025-05-05,d1,3,Egen bostad,done\n"
                + n + "," + UNIT + ",2025-05-05,d2,3,,achieved\n", false);
        assertThat(bad.errors()).containsExactly(
                new ImportResult.RowError(2, "goal_status", "followup.error.goal-status-unknown"),
                new ImportResult.RowError(3, "goal_status", "followup.error.no-goal"));
    }

    @Test
    void theSameFileImportedTwiceAtOnceStoresEachRowOnceAndNeverFails() throws Exception {
        String file = measurements(600, Map.of());
        int before = stored();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<ImportResult>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return run(ImportType.MEASUREMENTS, file, false);
                }));
            }
            start.countDown();
            ImportResult a = results.get(0).get(2, java.util.concurrent.TimeUnit.MINUTES);
            ImportResult b = results.get(1).get(2, java.util.concurrent.TimeUnit.MINUTES);
            assertThat(List.of(a.status(), b.status())).containsExactly("imported", "imported");
            assertThat(a.imported() + b.imported()).isEqualTo(50);
            assertThat(a.unchanged() + b.unchanged()).isEqualTo(50);
            assertThat(a.updated() + b.updated()).isZero();
        } finally {
            pool.shutdownNow();
        }
        assertThat(stored()).isEqualTo(before + 50);
    }

    private List<String> endDates(String start) {
        return jdbc.sql("SELECT end_date FROM fup_episode WHERE unit_code = :u AND start_date = CAST(:d AS DATE)")
                .param("u", UNIT).param("d", start)
                .query((rs, n) -> rs.getObject(1, java.time.LocalDate.class) == null ? null
                        : rs.getObject(1, java.time.LocalDate.class).toString()).list();
    }

    /** The history of the rows of {@code table} in the unit whose {@code dateColumn} is {@code date}, oldest first. */
    private List<String> historyOf(String name, String date, String table, String dateColumn) {
        return jdbc.sql("SELECT h.field, h.old_value, h.new_value, h.changed_by, h.source FROM fup_history h JOIN "
                        + table + " t ON t.id = h.row_id WHERE h.table_name = :name AND t.unit_code = :u AND t."
                        + dateColumn + " = CAST(:d AS DATE) ORDER BY h.id")
                .param("name", name).param("u", UNIT).param("d", date)
                .query((rs, n) -> rs.getString(1) + ": " + rs.getString(2) + " -> " + rs.getString(3) + " by "
                        + rs.getString(4) + " via " + rs.getString(5)).list();
    }

    private ImportResult json(ImportType type, String content) {
        return importer.run(STAFF, type, FollowupImport.Format.JSON,
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), false);
    }
}
