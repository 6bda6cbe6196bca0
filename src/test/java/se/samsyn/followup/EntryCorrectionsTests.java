package se.samsyn.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.samsyn.organisation.FocusArea;
import se.samsyn.organisation.NewUnit;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Units;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * Ending, correcting and removing episodes and interventions on both databases: the stored row
 * changes, the earlier values are kept in the history, a removed entry leaves the client file and
 * the reports' views and stays removed when a file names it again, and nothing outside the unit
 * is found.
 */
abstract class EntryCorrectionsTests {

    static final String UNIT = "1280-IFO-VUX";
    static final Actor STAFF = new Actor("correction-tester", Role.CASE_WORKER, Scope.unit(UNIT));
    static final Actor OTHER = new Actor("other-unit", Role.CASE_WORKER, Scope.unit("1281-IFO"));

    @Autowired
    EntryCorrections corrections;

    @Autowired
    ClientRecords records;

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

        FollowupRecords.Episode stored = records.file(STAFF, client).episodes().get(0);
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
        assertThat(records.file(STAFF, client).interventions()).extracting(FollowupRecords.Intervention::endDate)
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

    /** The client's rows in the reports' views: interventions had, interventions ended, episodes. */
    private List<Integer> facts(long client) {
        return List.of("fup_fact_client_intervention", "fup_fact_intervention_end", "fup_fact_episode").stream()
                .map(view -> jdbc.sql("SELECT COUNT(*) FROM " + view + " WHERE client_id = :c").param("c", client)
                        .query(Integer.class).single())
                .toList();
    }
}
