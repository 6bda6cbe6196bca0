package se.samsyn.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * Ending, correcting and removing episodes and interventions on both databases: the stored row
 * changes, the earlier values are kept in the history, a removed entry leaves the client file and
 * the reports' views and stays removed when a file names it again, and nothing outside the unit
 * is found.
 */
abstract class EntryCorrectionsTests extends UnitsOnBothDatabases {

    static final Actor STAFF = new Actor("correction-tester", Role.CASE_WORKER, Scope.unit(UNIT));
    static final Actor OTHER = new Actor("other-unit", Role.CASE_WORKER, Scope.unit("1281-IFO"));

    @Autowired
    EntryCorrections corrections;

    @Autowired
    ClientRecords records;

    @Autowired
    FollowupImport importer;

    private long client(int serial) {
        return records.lookup(STAFF, TestNumbers.number(serial)).client().id();
    }

    private List<String> history(long client) {
        return corrections.history(STAFF, client).stream()
                .map(h -> h.table() + " " + h.field() + ": " + h.oldValue() + " -> " + h.newValue() + " by "
                        + h.changedBy() + " via " + h.source().code() + (h.reason() == null ? "" : " because " + h.reason()))
                .toList();
    }

    @Test
    void anEpisodeIsEndedAndItsStartCorrectedWithTheHistoryKept() {
        long client = client(201);
        records.addEpisode(STAFF, client, "substance-use", LocalDate.of(2025, 3, 1), null);
        long episode = records.file(STAFF, client).episodes().get(0).id();

        assertThat(corrections.correctEpisode(STAFF, client, episode, null, LocalDate.of(2025, 9, 30), ChangeSource.PAGE))
                .isEqualTo(1);
        assertThat(corrections.correctEpisode(STAFF, client, episode, LocalDate.of(2025, 2, 15), null, ChangeSource.API))
                .isEqualTo(1);
        assertThat(corrections.correctEpisode(STAFF, client, episode, LocalDate.of(2025, 2, 15), null, ChangeSource.API))
                .as("the same values again change nothing").isZero();

        Episode stored = records.file(STAFF, client).episodes().get(0);
        assertThat(List.of(stored.startDate(), stored.endDate()))
                .containsExactly(LocalDate.of(2025, 2, 15), LocalDate.of(2025, 9, 30));
        assertThat(history(client)).containsExactly(
                "episode start_date: 2025-03-01 -> 2025-02-15 by correction-tester via api",
                "episode end_date: null -> 2025-09-30 by correction-tester via page");
        assertThat(jdbc.sql("SELECT action FROM aud_event WHERE actor = 'correction-tester' AND object_id = :c "
                        + "AND action LIKE 'EPISODE_%' ORDER BY seq")
                .param("c", String.valueOf(client)).query(String.class).list())
                .containsExactly("EPISODE_RECORDED", "EPISODE_CORRECTED", "EPISODE_CORRECTED", "EPISODE_CORRECTED");
    }

    @Test
    void badCorrectionsAreRefusedWithTheFieldAndNothingChanges() {
        long client = client(202);
        records.addIntervention(STAFF, client, "MI", LocalDate.of(2025, 3, 1), null, null);
        records.addIntervention(STAFF, client, "MI", LocalDate.of(2025, 4, 1), null, null);
        long first = records.file(STAFF, client).interventions().get(0).id();

        assertThatThrownBy(() -> corrections.correctIntervention(STAFF, client, first, null, LocalDate.of(2025, 2, 1),
                EndReason.COMPLETED, ChangeSource.API))
                .isInstanceOfSatisfying(FollowupRejected.class, e -> assertThat(List.of(e.field(), e.messageKey()))
                        .containsExactly("end_date", "followup.error.end-before-start"));
        assertThatThrownBy(() -> corrections.correctIntervention(STAFF, client, first, null, LocalDate.of(2025, 6, 1),
                null, ChangeSource.API))
                .isInstanceOfSatisfying(FollowupRejected.class, e -> assertThat(e.messageKey())
                        .isEqualTo("followup.error.end-reason"));
        assertThatThrownBy(() -> corrections.correctIntervention(STAFF, client, first, LocalDate.of(2025, 4, 1), null,
                null, ChangeSource.API))
                .isInstanceOfSatisfying(FollowupRejected.class, e -> assertThat(List.of(e.field(), e.messageKey()))
                        .containsExactly("start_date", "followup.error.entry-exists"));
        assertThatThrownBy(() -> corrections.removeIntervention(STAFF, client, first, "  ", ChangeSource.API))
                .isInstanceOfSatisfying(FollowupRejected.class, e -> assertThat(List.of(e.field(), e.messageKey()))
                        .containsExactly("reason", "followup.error.removal-reason"));
        assertThatThrownBy(() -> corrections.removeIntervention(OTHER, client, first, "fel", ChangeSource.API))
                .isInstanceOf(ClientNotFound.class);
        assertThatThrownBy(() -> corrections.correctIntervention(STAFF, client, 999_999, null, null, null, ChangeSource.API))
                .isInstanceOf(ClientNotFound.class);
        assertThat(history(client)).isEmpty();
        assertThat(records.file(STAFF, client).interventions()).extracting(Intervention::endDate)
                .containsExactly(null, null);
    }

    @Test
    void aRemovedInterventionLeavesTheFileAndTheReportsAndStaysRemovedOnReimport() {
        long client = client(203);
        records.addIntervention(STAFF, client, "HF", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 8, 1), EndReason.COMPLETED);
        records.addEpisode(STAFF, client, "homelessness", LocalDate.of(2025, 3, 1), null);
        long intervention = records.file(STAFF, client).interventions().get(0).id();
        long episode = records.file(STAFF, client).episodes().get(0).id();
        assertThat(facts(client)).containsExactly(1, 1, 1);

        corrections.removeIntervention(STAFF, client, intervention, "Registrerad på fel klient", ChangeSource.PAGE);
        corrections.removeEpisode(STAFF, client, episode, "Dubblett", ChangeSource.API);

        assertThat(records.file(STAFF, client).interventions()).isEmpty();
        assertThat(records.file(STAFF, client).episodes()).isEmpty();
        assertThat(facts(client)).containsExactly(0, 0, 0);
        assertThat(history(client)).containsExactly(
                "episode removed: homelessness 2025-03-01– -> null by correction-tester via api because Dubblett",
                "intervention removed: HF 2025-03-01–2025-08-01 -> null by correction-tester via page because Registrerad på fel klient");
        assertThatThrownBy(() -> corrections.removeEpisode(STAFF, client, episode, "igen", ChangeSource.API))
                .isInstanceOf(ClientNotFound.class);

        ImportResult again = importer.run(STAFF, ImportType.INTERVENTIONS, FollowupImport.Format.CSV,
                new ByteArrayInputStream(("personnummer,unit_code,intervention_code,start_date,end_date,end_reason\n"
                        + TestNumbers.number(203) + "," + UNIT + ",HF,2025-03-01,2025-09-01,completed\n")
                        .getBytes(StandardCharsets.UTF_8)), false);
        assertThat(List.of(again.imported(), again.updated(), again.unchanged())).containsExactly(0L, 0L, 1L);
        assertThat(records.file(STAFF, client).interventions()).isEmpty();
    }

    @Test
    void aCorrectedScoreChangesTheFactViewAndTheOutcomeReportAndARemovedOneLeavesThem() {
        long client = client(204);
        records.addIntervention(STAFF, client, "MI", LocalDate.of(2024, 1, 10), null, null);
        records.addMeasurement(STAFF, client, "who5", LocalDate.of(2024, 1, 10), TimePoint.BASELINE, 40.0, null);
        records.addMeasurement(STAFF, client, "who5", LocalDate.of(2024, 7, 10), TimePoint.FOLLOWUP_6M, 52.0, null);
        long followUp = records.file(STAFF, client).measurements().get(1).id();
        assertThat(outcomeFacts(client)).containsExactly("2024: 40 -> 52");
        assertThat(outcomeReport()).containsExactly(1, 40.0, 52.0, 12.0);

        assertThat(corrections.correctMeasurement(STAFF, client, followUp, 88.0, ChangeSource.PAGE)).isEqualTo(1);
        assertThat(corrections.correctMeasurement(STAFF, client, followUp, 88.0, ChangeSource.PAGE))
                .as("the same score again changes nothing").isZero();
        assertThat(records.file(STAFF, client).measurements()).extracting(Measurement::score)
                .containsExactly(40.0, 88.0);
        assertThat(outcomeFacts(client)).containsExactly("2024: 40 -> 88");
        assertThat(outcomeReport()).containsExactly(1, 40.0, 88.0, 48.0);
        assertThat(history(client)).containsExactly("measurement score: 52 -> 88 by correction-tester via page");

        assertThatThrownBy(() -> corrections.correctMeasurement(STAFF, client, followUp, 101.0, ChangeSource.API))
                .isInstanceOfSatisfying(FollowupRejected.class, e -> assertThat(List.of(e.field(), e.messageKey()))
                        .containsExactly("score", "followup.error.score-range"));
        assertThatThrownBy(() -> corrections.correctMeasurement(OTHER, client, followUp, 60.0, ChangeSource.API))
                .isInstanceOf(ClientNotFound.class);

        corrections.removeMeasurement(STAFF, client, followUp, "Fel klient", ChangeSource.API);
        assertThat(records.file(STAFF, client).measurements()).extracting(Measurement::score)
                .containsExactly(40.0);
        assertThat(outcomeFacts(client)).isEmpty();
        assertThat(outcomeReport()).containsExactly(0);
        assertThat(history(client)).containsExactly(
                "measurement removed: who5 followup-6m 2024-07-10: 88 -> null by correction-tester via api because Fel klient",
                "measurement score: 52 -> 88 by correction-tester via page");
        assertThatThrownBy(() -> corrections.correctMeasurement(STAFF, client, followUp, 60.0, ChangeSource.API))
                .as("a removed measurement is not found again").isInstanceOf(ClientNotFound.class);
        assertThatThrownBy(() -> records.addMeasurement(STAFF, client, "who5", LocalDate.of(2024, 7, 10),
                TimePoint.FOLLOWUP_6M, 60.0, null))
                .as("the same measurement entered again is refused, never reported saved")
                .isInstanceOfSatisfying(FollowupRejected.class, e -> assertThat(List.of(e.field(), e.messageKey()))
                        .containsExactly("measured_on", "followup.error.measurement-exists"));
        assertThat(jdbc.sql("SELECT action FROM aud_event WHERE actor = 'correction-tester' AND object_id = :c "
                        + "AND action LIKE 'MEASUREMENT_%' ORDER BY seq")
                .param("c", String.valueOf(client)).query(String.class).list())
                .containsExactly("MEASUREMENT_RECORDED", "MEASUREMENT_RECORDED", "MEASUREMENT_CORRECTED",
                        "MEASUREMENT_CORRECTED", "MEASUREMENT_REMOVED");
    }

    @Test
    void aScoreFromItemAnswersIsCorrectedWithTheAnswersKeptInTheHistory() {
        long client = client(205);
        records.addMeasurement(STAFF, client, "who5", LocalDate.of(2024, 2, 1), TimePoint.BASELINE, null,
                List.of(2, 2, 2, 2, 2));
        long baseline = records.file(STAFF, client).measurements().get(0).id();
        assertThat(records.file(STAFF, client).measurements().get(0).score()).isEqualTo(40.0);

        corrections.correctMeasurement(STAFF, client, baseline, 64.0, ChangeSource.API);
        assertThat(history(client)).containsExactlyInAnyOrder(
                "measurement score: 40 -> 64 by correction-tester via api",
                "measurement answers: 2,2,2,2,2 -> null by correction-tester via api");
        assertThat(jdbc.sql("SELECT answers FROM fup_measurement WHERE id = :id").param("id", baseline)
                .query(String.class).optional()).isEmpty();
    }

    @Test
    void aCorrectedNeedLevelChangesTheNeedsReportAndARemovedNeedLeavesIt() {
        long client = client(206);
        records.addNeedAssessment(STAFF, client, LocalDate.of(2024, 3, 1), java.util.Map.of(LifeArea.D1, 2),
                java.util.Map.of(LifeArea.D1, "Eget boende"));
        long need = records.file(STAFF, client).needs().get(0).id();
        records.setGoalStatus(STAFF, client, need, GoalStatus.ACHIEVED);
        assertThat(levels(LifeArea.D1)).containsExactly(0, 0, 1, 0, 0);

        assertThat(corrections.correctNeed(STAFF, client, need, 4, "Eget boende med stöd", ChangeSource.PAGE))
                .isEqualTo(2);
        assertThat(levels(LifeArea.D1)).containsExactly(0, 0, 0, 0, 1);
        Need stored = records.file(STAFF, client).needs().get(0);
        assertThat(List.of(stored.level(), stored.goal(), stored.goalStatus()))
                .containsExactly(4, "Eget boende med stöd", GoalStatus.ACHIEVED);
        assertThatThrownBy(() -> corrections.correctNeed(STAFF, client, need, 5, null, ChangeSource.API))
                .isInstanceOfSatisfying(FollowupRejected.class, e -> assertThat(List.of(e.field(), e.messageKey()))
                        .containsExactly("level", "followup.error.level"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM fup_fact_goal WHERE client_id = :c").param("c", client)
                .query(Integer.class).single()).isEqualTo(1);

        corrections.removeNeed(STAFF, client, need, "Fel datum", ChangeSource.PAGE);
        assertThat(records.file(STAFF, client).needs()).isEmpty();
        assertThat(levels(LifeArea.D1)).containsExactly(0, 0, 0, 0, 0);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM fup_fact_goal WHERE client_id = :c").param("c", client)
                .query(Integer.class).single()).isZero();
        assertThat(history(client)).containsExactly(
                "need removed: d1 2024-03-01: 4 (Eget boende med stöd) -> null by correction-tester via page because Fel datum",
                "need goal: Eget boende -> Eget boende med stöd by correction-tester via page",
                "need level: 2 -> 4 by correction-tester via page");
    }

    @Autowired
    OutcomeReports reports;

    /** The client's rows in {@code fup_fact_outcome}: "year: baseline -> follow-up". */
    private List<String> outcomeFacts(long client) {
        return jdbc.sql("SELECT stat_year, baseline_score, followup_score FROM fup_fact_outcome WHERE client_id = :c "
                        + "ORDER BY stat_year").param("c", client)
                .query((rs, n) -> rs.getInt(1) + ": " + Math.round(rs.getDouble(2)) + " -> " + Math.round(rs.getDouble(3)))
                .list();
    }

    /** The unit's WHO-5 outcome for 2024, all interventions and sexes: n, median baseline, follow-up and change. */
    private List<Object> outcomeReport() {
        OutcomeReport report = reports.outcomes(STAFF, "who5", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31),
                Scope.unit(UNIT));
        OutcomeReport.Cell all = report.rows().stream().filter(r -> r.interventionCode() == null).findFirst()
                .orElseThrow().cells().get("T");
        return all.n() == null || all.n() == 0 ? java.util.Arrays.asList(0)
                : List.of(all.n(), all.medianBaseline(), all.medianFollowUp(), all.medianChange());
    }

    /** The unit's clients per level 0–4 of one life area in the needs report. */
    private List<Integer> levels(LifeArea area) {
        return reports.needs(STAFF, Scope.unit(UNIT)).areas().stream().filter(r -> r.area() == area).findFirst()
                .orElseThrow().clientsByLevel();
    }

    /** The client's rows in the reports' views: interventions had, interventions ended, episodes. */
    private List<Integer> facts(long client) {
        return List.of("fup_fact_client_intervention", "fup_fact_intervention_end", "fup_fact_episode").stream()
                .map(view -> jdbc.sql("SELECT COUNT(*) FROM " + view + " WHERE client_id = :c").param("c", client)
                        .query(Integer.class).single())
                .toList();
    }
}
