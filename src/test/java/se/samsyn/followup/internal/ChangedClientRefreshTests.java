package se.samsyn.followup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.samsyn.followup.ChangeSource;
import se.samsyn.followup.ClientRecords;
import se.samsyn.followup.EntryCorrections;
import se.samsyn.followup.FollowupDataChanged;
import se.samsyn.followup.Measurement;
import se.samsyn.followup.PracticeOutcomes;
import se.samsyn.followup.TestNumbers;
import se.samsyn.followup.TimePoint;
import se.samsyn.organisation.FocusArea;
import se.samsyn.organisation.NewUnit;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Units;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;
import se.samsyn.shared.SwedishTime;

/**
 * A refresh by changed clients ({@link PracticeOutcomes#refresh(java.util.Collection,
 * java.util.Collection)}) leaves the stored pairs, calendar-year and practice outcomes, region and
 * nation sums and the national histogram exactly as a rebuild of everything, on both databases.
 * Fixture (WHO-5), Y the year before today's, four clients in one municipality of Skåne per test
 * (1280 Malmö for the exact figures), baseline on 1 June of Y − 1, follow-up on 1 March of Y:
 * <pre>
 * client  sex  interventions  baseline  follow-up  change
 * 900     K    MI             40        60         20
 * 901     M    MI, CRA        30        45         15
 * 902     K    CRA            70        65         -5
 * 903     M    MI             50        55          5
 * </pre>
 * The changes of the main test: 900 gets a follow-up of 80 on 1 September of Y and the
 * intervention CRA; 901's follow-up is corrected to 50 and its legal sex to K; 902's follow-up is
 * removed; 903's only intervention is removed. After them Malmö's year Y: 900 (K, 40 → 80, MI and
 * CRA) and 901 (K, 30 → 50, MI and CRA) only.
 */
@RecordApplicationEvents
abstract class ChangedClientRefreshTests {

    private static final List<String> TABLES = List.of("fup_outcome_year", "fup_outcome_year_area", "fup_outcome_year_pair",
            "fup_practice_outcome", "fup_practice_pair", "fup_practice_window");

    @Autowired
    org.springframework.modulith.events.core.EventSerializer serializer;

    @Autowired
    ApplicationEvents events;

    @Autowired
    ClientRecords records;

    @Autowired
    EntryCorrections corrections;

    @Autowired
    Units units;

    @Autowired
    Organisation organisation;

    @Autowired
    PracticeOutcomes practice;

    @Autowired
    YearOutcomeTable years;

    @Autowired
    ChangedClients changed;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    PlatformTransactionManager transactions;

    int y;
    String municipality;
    Actor worker;
    long c900;
    long c901;
    long c902;
    long c903;

    /**
     * The fixture in its own municipality of Skåne (each test another, so that the exact figures
     * are of its four clients only), then everything rebuilt.
     */
    private void fixture(String municipalityCode) {
        y = SwedishTime.today(clock).getYear() - 1;
        municipality = municipalityCode;
        String unit = municipality + "-CP";
        worker = new Actor("cp-worker-" + municipality, Role.CASE_WORKER, Scope.unit(unit));
        units.register(new Actor("setup", Role.ADMINISTRATOR, Scope.nation()),
                new NewUnit(municipality, unit, "Parenheten " + municipality, Set.of(FocusArea.SUBSTANCE_USE)));
        int base = 900 + 10 * (Integer.parseInt(municipality) - 1280);
        c900 = client(base, List.of("MI"), 40, 60);
        c901 = client(base + 1, List.of("MI", "CRA"), 30, 45);
        c902 = client(base + 2, List.of("CRA"), 70, 65);
        c903 = client(base + 3, List.of("MI"), 50, 55);
        jdbc.sql("UPDATE fup_client SET legal_sex = 'K' WHERE id IN (:ids)").param("ids", List.of(c900, c902)).update();
        jdbc.sql("UPDATE fup_client SET legal_sex = 'M' WHERE id IN (:ids)").param("ids", List.of(c901, c903)).update();
        inTransaction(practice::refreshAll);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM fup_outcome_changed_client").query(Integer.class).single())
                .as("a rebuild of everything covers every recorded change").isZero();
        events.clear();
    }

    private long client(int serial, List<String> interventions, double baseline, double followUp) {
        long id = records.lookup(worker, TestNumbers.number(serial)).client().id();
        interventions.forEach(code -> records.addIntervention(worker, id, code, LocalDate.of(y - 1, 6, 1), null, null));
        records.addMeasurement(worker, id, "who5", LocalDate.of(y - 1, 6, 1), TimePoint.BASELINE, baseline, null);
        records.addMeasurement(worker, id, "who5", LocalDate.of(y, 3, 1), TimePoint.FOLLOWUP_6M, followUp, null);
        return id;
    }

    /** Every change of the fixture's comment, each recorded with its client by the write itself. */
    private void changeTheFourClients() {
        records.addMeasurement(worker, c900, "who5", LocalDate.of(y, 9, 1), TimePoint.FOLLOWUP_6M, 80.0, null);
        records.addIntervention(worker, c900, "CRA", LocalDate.of(y, 2, 1), null, null);
        corrections.correctMeasurement(worker, c901, followUp(c901), 50.0, ChangeSource.PAGE);
        // a legal sex is corrected outside the client pages (the population register): recorded as a write would
        inTransaction(() -> {
            jdbc.sql("UPDATE fup_client SET legal_sex = 'K' WHERE id = :id").param("id", c901).update();
            changed.announce(municipality, List.of(c901));
        });
        corrections.removeMeasurement(worker, c902, followUp(c902), "Fel klient", ChangeSource.PAGE);
        long mi = records.file(worker, c903).interventions().get(0).id();
        corrections.removeIntervention(worker, c903, mi, "Fel insats", ChangeSource.PAGE);
    }

    private long followUp(long client) {
        return records.file(worker, client).measurements().stream().filter(m -> m.timePoint() != TimePoint.BASELINE)
                .map(Measurement::id).findFirst().orElseThrow();
    }

    @Test
    void aRefreshOfTheChangedClientsEqualsARebuildRowForRow() {
        fixture("1280");
        changeTheFourClients();
        assertThat(events.stream(FollowupDataChanged.class)).as("every write announced with its clients recorded")
                .isNotEmpty().allMatch(FollowupDataChanged::clientsRecorded);
        assertThat(jdbc.sql("SELECT DISTINCT client_id FROM fup_outcome_changed_client ORDER BY client_id")
                .query(Long.class).list()).containsExactly(c900, c901, c902, c903);

        inTransaction(() -> practice.refresh(Set.of("1280"), Set.of("1280")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM fup_outcome_changed_client").query(Integer.class).single()).isZero();
        Map<String, List<String>> refreshed = tables();
        // exact: Malmö's year Y, all interventions, is 900 (40 → 80) and 901 (30 → 50), both K now
        assertThat(years.sums("who5", y, Scope.municipality("1280")).get(null).get("K").get(YearOutcomeTable.CHANGE)
                .counts()).isEqualTo(Map.of(20.0, 1L, 40.0, 1L));
        assertThat(years.sums("who5", y, Scope.municipality("1280")).get(null)).doesNotContainKey("M");
        assertThat(years.sums("who5", y, Scope.municipality("1280")).keySet()).containsExactlyInAnyOrder(null, "MI", "CRA");
        assertThat(years.sums("who5", y, Scope.municipality("1280")).get("CRA").get("K").get(YearOutcomeTable.FOLLOW_UP)
                .counts()).isEqualTo(Map.of(50.0, 1L, 80.0, 1L));
        assertThat(refreshed.get("fup_practice_outcome").stream().filter(row -> row.startsWith("1280|"))).containsExactly(
                "1280|who5|CRA|" + LocalDate.of(y, 3, 1) + "|20.0|1", "1280|who5|CRA|" + LocalDate.of(y, 9, 1) + "|40.0|1",
                "1280|who5|MI|" + LocalDate.of(y, 3, 1) + "|20.0|1", "1280|who5|MI|" + LocalDate.of(y, 9, 1) + "|40.0|1");

        inTransaction(practice::refreshAll);
        assertThat(refreshed).isEqualTo(tables());
    }

    /**
     * An event stored by a version without {@code clientsRecorded} (undelivered, or failed and
     * delivered again after the upgrade) is read as a change of unknown clients; before, reading
     * it threw ("Cannot map null into type boolean") and the refresh it asked for was lost.
     */
    @Test
    void anEventStoredBeforeClientsWereRecordedIsReadAsAChangeOfUnknownClients() {
        assertThat(serializer.deserialize("{\"municipalityCode\":\"1280\"}", FollowupDataChanged.class))
                .isEqualTo(new FollowupDataChanged("1280", false));
        assertThat(serializer.deserialize(serializer.serialize(new FollowupDataChanged("1280", true)),
                FollowupDataChanged.class)).isEqualTo(new FollowupDataChanged("1280", true));
    }

    /**
     * A change written without a record of its clients (bulk SQL, outside the application) is not
     * in a refresh by changed clients, which rewrites only those recorded; it is in a refresh of the
     * whole municipality (here called directly: such a change announces nothing, so the gathered
     * refresh asks for one only when the hourly recount sees the fact views' row counts change).
     */
    @Test
    void aRefreshByChangedClientsRewritesOnlyThoseClients() {
        fixture("1281");
        jdbc.sql("UPDATE fup_measurement SET score = 99 WHERE client_id = :id AND time_point <> 'baseline'")
                .param("id", c903).update();
        records.addMeasurement(worker, c900, "who5", LocalDate.of(y, 9, 1), TimePoint.FOLLOWUP_6M, 80.0, null);
        inTransaction(() -> practice.refresh(Set.of("1281"), Set.of("1281")));
        assertThat(changes("MI")).as("900 rewritten (20 to 40), 903 not").isEqualTo(Map.of(40.0, 1L, 15.0, 1L, 5.0, 1L));
        inTransaction(() -> practice.refresh(Set.of("1281"), Set.of()));
        assertThat(changes("MI")).isEqualTo(Map.of(40.0, 1L, 15.0, 1L, 49.0, 1L));
        Map<String, List<String>> whole = tables();
        inTransaction(practice::refreshAll);
        assertThat(whole).isEqualTo(tables());
    }

    /** A municipality whose pairs were never stored (as after V154) is rebuilt whole, whatever is asked. */
    @Test
    void aMunicipalityWithoutCompletePairsIsRebuiltWhole() {
        fixture("1282");
        jdbc.sql("DELETE FROM fup_outcome_pair_municipality WHERE municipality_code = '1282'").update();
        jdbc.sql("DELETE FROM fup_outcome_year_pair WHERE municipality_code = '1282'").update();
        jdbc.sql("DELETE FROM fup_practice_pair WHERE municipality_code = '1282'").update();
        changeTheFourClients();
        inTransaction(() -> practice.refresh(Set.of("1282"), Set.of("1282")));
        assertThat(changed.complete(Set.of("1282"))).containsExactly("1282");
        Map<String, List<String>> refreshed = tables();
        inTransaction(practice::refreshAll);
        assertThat(refreshed).isEqualTo(tables());
    }

    /**
     * More changed clients than one statement names (1,000 ids a chunk): 1,001 more clients of MI
     * (written in bulk, baseline 40 on 1 June of Y − 1, follow-up 50 on 1 March of Y, ids far above
     * the sequence's), then every one's follow-up raised to 52 and recorded as a write would. Each is
     * rewritten once: 1,001 pairs under MI and 1,001 under all interventions with the follow-up 52,
     * none with 50, and every table equal to a rebuild.
     */
    @Test
    void moreChangedClientsThanOneChunkAreEachRewrittenOnce() {
        fixture("1284");
        String unit = municipality + "-CP";
        List<Long> ids = new java.util.ArrayList<>();
        for (long id = 900_000_000L; id < 900_001_001L; id++) {
            ids.add(id);
        }
        inTransaction(() -> {
            for (long id : ids) {
                jdbc.sql("""
                        INSERT INTO fup_client (municipality_code, id, unit_code, pseudonym, birth_year, legal_sex, created_at)
                        VALUES (:m, :id, :unit, :pseudonym, 1980, 'K', CURRENT_TIMESTAMP)""")
                        .param("m", municipality).param("id", id).param("unit", unit).param("pseudonym", "bulk-" + id).update();
                jdbc.sql("""
                        INSERT INTO fup_intervention (municipality_code, client_id, unit_code, intervention_code, start_date)
                        VALUES (:m, :id, :unit, 'MI', :start)""")
                        .param("m", municipality).param("id", id).param("unit", unit).param("start", LocalDate.of(y - 1, 6, 1))
                        .update();
                jdbc.sql("""
                        INSERT INTO fup_measurement (municipality_code, client_id, unit_code, instrument_code, measured_on,
                                                     time_point, score)
                        VALUES (:m, :id, :unit, 'who5', :baselineOn, 'baseline', 40), (:m, :id, :unit, 'who5', :followUpOn, 'followup-6m', 50)""")
                        .param("m", municipality).param("id", id).param("unit", unit)
                        .param("baselineOn", LocalDate.of(y - 1, 6, 1)).param("followUpOn", LocalDate.of(y, 3, 1)).update();
            }
        });
        inTransaction(practice::refreshAll);
        inTransaction(() -> {
            jdbc.sql("UPDATE fup_measurement SET score = 52 WHERE client_id IN (:ids) AND time_point <> 'baseline'")
                    .param("ids", ids).update();
            changed.announce(municipality, ids);
        });
        inTransaction(() -> practice.refresh(Set.of("1284"), Set.of("1284")));
        assertThat(jdbc.sql("""
                SELECT follow_up_score, COUNT(*) FROM fup_outcome_year_pair
                WHERE municipality_code = '1284' AND client_id >= 900000000 GROUP BY follow_up_score""")
                .query((rs, i) -> rs.getDouble(1) + ":" + rs.getLong(2)).list()).containsExactly("52.0:2002");
        assertThat(jdbc.sql("""
                SELECT change_score, COUNT(*) FROM fup_practice_pair
                WHERE municipality_code = '1284' AND client_id >= 900000000 GROUP BY change_score""")
                .query((rs, i) -> rs.getDouble(1) + ":" + rs.getLong(2)).list()).containsExactly("12.0:1001");
        Map<String, List<String>> refreshed = tables();
        inTransaction(practice::refreshAll);
        assertThat(refreshed).isEqualTo(tables());
    }

    /** Two refreshes at once (two instances, or two requests) subtract no client twice. */
    @Test
    void twoConcurrentRefreshesSubtractNoClientTwice() throws Exception {
        fixture("1283");
        changeTheFourClients();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> both = List.of(
                    pool.submit(() -> inTransaction(() -> practice.refresh(Set.of("1283"), Set.of("1283")))),
                    pool.submit(() -> inTransaction(() -> practice.refresh(Set.of("1283"), Set.of("1283")))));
            for (Future<?> f : both) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        Map<String, List<String>> refreshed = tables();
        inTransaction(practice::refreshAll);
        assertThat(refreshed).isEqualTo(tables());
    }

    /** The stored changes (all sexes, year Y) under one intervention in the test's municipality. */
    private Map<Double, Long> changes(String intervention) {
        Map<Double, Long> counts = new TreeMap<>();
        years.sums("who5", y, Scope.municipality(municipality)).get(intervention).values()
                .forEach(byMeasure -> byMeasure.get(YearOutcomeTable.CHANGE).counts().forEach((k, v) -> counts.merge(k, v, Long::sum)));
        return counts;
    }

    /** Every row of the stored tables, each a sorted list of its rows' values. */
    private Map<String, List<String>> tables() {
        Map<String, List<String>> rows = new TreeMap<>();
        for (String table : TABLES) {
            List<String> values = new java.util.ArrayList<>();
            jdbc.sql("SELECT * FROM " + table).query(rs -> {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getObject(i));
                }
                values.add(row.toString());
            });
            values.sort(null);
            rows.put(table, values);
        }
        return rows;
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> work.run());
    }
}
