package se.samsyn.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.Arrays;
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

/** No invented data in the stored measurements, on both databases: unanswered items and confirmed baselines. */
abstract class MeasurementRulesTests {

    static final String UNIT = "1280-MEAS";
    static final Actor WORKER = new Actor("rules-worker", Role.CASE_WORKER, Scope.unit(UNIT));
    static final LocalDate JAN = LocalDate.of(2025, 1, 10);
    static final LocalDate JUL = LocalDate.of(2025, 7, 10);

    @Autowired
    ClientRecords records;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Units units;

    @Autowired
    Organisation organisation;

    static int nextSerial = 500;

    @BeforeEach
    void unitExists() {
        if (organisation.unit(UNIT).isEmpty()) {
            units.register(new Actor("setup", Role.ADMINISTRATOR, Scope.nation()),
                    new NewUnit("1280", UNIT, "Mätenheten", Set.of(FocusArea.SUBSTANCE_USE)));
        }
    }

    long client() {
        return records.lookup(WORKER, TestNumbers.number(nextSerial++)).client().id();
    }

    int stored(long client) {
        return jdbc.sql("SELECT COUNT(*) FROM fup_measurement WHERE client_id = :c").param("c", client)
                .query(Integer.class).single();
    }

    @Test
    void unansweredItemsAreNamedAndNothingIsStored() {
        long client = client();
        ItemsUnanswered refusal = catchThrowableOfType(ItemsUnanswered.class, () -> records.addMeasurement(WORKER,
                client, "who5", JAN, TimePoint.BASELINE, null, Arrays.asList(5, null, 3, null, 2)));

        assertThat(refusal.items()).containsExactly(2, 4);
        assertThat(refusal.itemList()).isEqualTo("2, 4");
        assertThat(stored(client)).isZero();
    }

    @Test
    void aSecondBaselineIsStoredOnlyWhenConfirmed() {
        long client = client();
        records.addMeasurement(WORKER, client, "who5", JAN, TimePoint.BASELINE, 40.0, null);

        BaselineNeedsConfirmation refusal = catchThrowableOfType(BaselineNeedsConfirmation.class, () ->
                records.addMeasurement(WORKER, client, "who5", JUL, TimePoint.BASELINE, 60.0, null));
        assertThat(refusal.reason()).isEqualTo(BaselineNeedsConfirmation.Reason.SECOND_BASELINE);
        assertThat(refusal.existingOn()).isEqualTo(JAN);
        assertThat(stored(client)).isEqualTo(1);

        records.addMeasurement(WORKER, client, "who5", JUL, TimePoint.BASELINE, 60.0, null, true);
        assertThat(jdbc.sql("SELECT score FROM fup_measurement WHERE client_id = :c ORDER BY measured_on")
                .param("c", client).query(Double.class).list()).containsExactly(40.0, 60.0);
    }

    @Test
    void aBaselineAfterAFollowUpIsStoredOnlyWhenConfirmed() {
        long client = client();
        records.addMeasurement(WORKER, client, "who5", JAN, TimePoint.FOLLOWUP_6M, 64.0, null);

        BaselineNeedsConfirmation refusal = catchThrowableOfType(BaselineNeedsConfirmation.class, () ->
                records.addMeasurement(WORKER, client, "who5", JUL, TimePoint.BASELINE, 40.0, null));
        assertThat(refusal.reason()).isEqualTo(BaselineNeedsConfirmation.Reason.AFTER_FOLLOWUP);
        assertThat(refusal.existingOn()).isEqualTo(JAN);
        assertThat(stored(client)).isEqualTo(1);

        records.addMeasurement(WORKER, client, "who5", JUL, TimePoint.BASELINE, 40.0, null, true);
        assertThat(stored(client)).isEqualTo(2);
    }

    @Test
    void aBaselineOfAnotherInstrumentOrBeforeTheFollowUpNeedsNoConfirmation() {
        long client = client();
        records.addMeasurement(WORKER, client, "who5", JUL, TimePoint.FOLLOWUP_6M, 64.0, null);
        records.addMeasurement(WORKER, client, "who5", JAN, TimePoint.BASELINE, 40.0, null);
        records.addMeasurement(WORKER, client, "severity", JUL, TimePoint.BASELINE, 5.0, null);

        assertThat(stored(client)).isEqualTo(3);
    }
}
