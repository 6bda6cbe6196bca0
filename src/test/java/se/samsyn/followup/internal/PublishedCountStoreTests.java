package se.samsyn.followup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.samsyn.disclosure.Cell;
import se.samsyn.followup.ClientRecords;
import se.samsyn.followup.LifeArea;
import se.samsyn.followup.NeedsReport;
import se.samsyn.followup.PublishedCountsPending;
import se.samsyn.followup.PublishedYears;
import se.samsyn.followup.TestNumbers;
import se.samsyn.organisation.FocusArea;
import se.samsyn.organisation.NewUnit;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Units;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;
import se.samsyn.shared.SwedishTime;

/**
 * The needs reports and clients per intervention published outside the owning unit are computed
 * in the background after a change and stored (V143); readers read them and never choose hidden
 * cells. On both databases. Fixture (life area d1, level 2 at the clients' only assessment; the
 * background refresh is set to an hour so that only the tests refresh):
 * <pre>
 * unit       municipality (region 12)  clients with d1 level 2   MI ongoing in the last completed year
 * 1280-PCA   1280 Malmö                6                          0
 * 1280-PCB   1280 Malmö                2                          0
 * 1281-PCA   1281 Lund                 7                          3
 * </pre>
 * d1/2: 1280-PCB's 2 is hidden, so 1280-PCA's 6 is hidden too (Malmö's 8 less it would give it);
 * Malmö 8, Lund 7 (and its unit's 7), region 12 and the nation 15 are shown. MI: 3 at every scope
 * (unit, Lund, region 12, nation), all hidden.
 */
abstract class PublishedCountStoreTests {

    static final String MALMO_A = "1280-PCA";
    static final String MALMO_B = "1280-PCB";
    static final String LUND = "1281-PCA";

    @Autowired
    ClientRecords records;

    @Autowired
    Units units;

    @Autowired
    Organisation organisation;

    @Autowired
    OutcomeTables tables;

    @Autowired
    CountHierarchies hierarchies;

    @Autowired
    PublishedCountRefresh refresh;

    @Autowired
    PublishedCountTable table;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    LocalDate today;

    private final Actor analyst = new Actor("pc-national", Role.NATIONAL_ANALYST, Scope.nation());

    @BeforeEach
    void recordTheFixtureOnce() {
        today = SwedishTime.today(clock);
        if (organisation.unit(MALMO_A).isPresent()) {
            return;
        }
        Actor admin = new Actor("setup", Role.ADMINISTRATOR, Scope.nation());
        units.register(admin, new NewUnit("1280", MALMO_A, "Behovsenheten A", Set.of(FocusArea.SUBSTANCE_USE)));
        units.register(admin, new NewUnit("1280", MALMO_B, "Behovsenheten B", Set.of(FocusArea.SUBSTANCE_USE)));
        units.register(admin, new NewUnit("1281", LUND, "Behovsenheten Lund", Set.of(FocusArea.SUBSTANCE_USE)));
        int serial = 930;
        for (int i = 0; i < 6; i++) {
            assessed(MALMO_A, serial++, LifeArea.D1);
        }
        for (int i = 0; i < 2; i++) {
            assessed(MALMO_B, serial++, LifeArea.D1);
        }
        int p = today.getYear() - 1;
        for (int i = 0; i < 7; i++) {
            long id = assessed(LUND, serial++, LifeArea.D1);
            if (i < 3) {
                records.addIntervention(worker(LUND), id, "MI", LocalDate.of(p, 3, 1), null, null);
            }
        }
        awaitPending();
        refresh.refreshNow();
    }

    private static Actor worker(String unit) {
        return new Actor("pc-worker-" + unit, Role.CASE_WORKER, Scope.unit(unit));
    }

    /** A new client of {@code unit} with level 2 in {@code area} at one assessment 10 days ago; its id. */
    private long assessed(String unit, int serial, LifeArea area) {
        Actor worker = worker(unit);
        long id = records.lookup(worker, TestNumbers.number(serial)).client().id();
        records.addNeedAssessment(worker, id, today.minusDays(10), Map.of(area, 2), Map.of());
        return id;
    }

    /** Waits for the announced change to be marked pending (the announcement is delivered after commit, on another thread). */
    private void awaitPending() {
        for (int i = 0; i < 200 && pending() == 0; i++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(pending()).as("pending announcements").isPositive();
    }

    private long pending() {
        return jdbc.sql("SELECT COUNT(*) FROM fup_published_pending").query(Long.class).single();
    }

    private static List<Integer> d1(NeedsReport report) {
        return report.areas().stream().filter(r -> r.area() == LifeArea.D1).findFirst().orElseThrow().clientsByLevel();
    }

    private static List<Integer> levels(Integer... counts) {
        return Arrays.asList(counts);
    }

    /** Every stored row of a report: cell → count, and its hidden cells. */
    private Map<Cell, Integer> storedCounts(String report) {
        Map<Cell, Integer> counts = new TreeMap<>();
        jdbc.sql("SELECT scope, item, clients FROM fup_published_count WHERE report = :report").param("report", report)
                .query(rs -> {
                    counts.put(new Cell(rs.getString(1), rs.getString(2)), rs.getInt(3));
                });
        return counts;
    }

    private Set<Cell> storedHidden(String report) {
        return new TreeSet<>(jdbc.sql("SELECT scope, item FROM fup_published_count WHERE report = :report AND hidden")
                .param("report", report).query((rs, n) -> new Cell(rs.getString(1), rs.getString(2))).list());
    }

    @Test
    void theStoredReportsHoldTheHandCheckedCellsAndTheSameHiddenCellsAsTheDirectComputation() {
        refresh.refreshNow();
        CountHierarchy needs = hierarchies.needsDirect();
        assertThat(storedCounts(PublishedCountTable.NEEDS)).isEqualTo(new TreeMap<>(needs.counts()));
        assertThat(storedHidden(PublishedCountTable.NEEDS)).isEqualTo(needs.hiddenCells());
        String item = CountHierarchy.level("d1", 2);
        assertThat(storedHidden(PublishedCountTable.NEEDS)).as("d1/2")
                .filteredOn(c -> c.item().equals(item)).extracting(Cell::table)
                .containsExactly(CountHierarchy.key(Scope.unit(MALMO_A)), CountHierarchy.key(Scope.unit(MALMO_B)));
        PublishedYears years = PublishedYears.clientCounts(today);
        String report = PublishedCountTable.interventions(years);
        CountHierarchy direct = hierarchies.clientsPerInterventionDirect(years);
        assertThat(storedCounts(report)).isEqualTo(new TreeMap<>(direct.counts()))
                .containsEntry(new Cell(CountHierarchy.key(Scope.nation()), "int:MI"), 3);
        assertThat(storedHidden(report)).isEqualTo(direct.hiddenCells())
                .contains(new Cell(CountHierarchy.key(Scope.unit(LUND)), "int:MI"), new Cell(CountHierarchy.key(Scope.municipality("1281")), "int:MI"),
                        new Cell(CountHierarchy.key(Scope.region("12")), "int:MI"), new Cell(CountHierarchy.key(Scope.nation()), "int:MI"));
    }

    @Test
    void aReaderOutsideTheOwningUnitGetsTheStoredFiguresAndNoRequestChoosesHiddenCells() {
        long before = CountHierarchy.computations();
        assertThat(d1(tables.needs(analyst, Scope.municipality("1280")))).isEqualTo(levels(0, 0, 8, 0, 0));
        assertThat(d1(tables.needs(analyst, Scope.unit(MALMO_A)))).isEqualTo(levels(0, 0, null, 0, 0));
        assertThat(d1(tables.needs(analyst, Scope.unit(MALMO_B)))).isEqualTo(levels(0, 0, null, 0, 0));
        assertThat(d1(tables.needs(analyst, Scope.unit(LUND)))).isEqualTo(levels(0, 0, 7, 0, 0));
        assertThat(d1(tables.needs(analyst, Scope.region("12"))).get(2)).isEqualTo(15);
        PublishedYears years = PublishedYears.clientCounts(today);
        Map<String, Integer> mi = new TreeMap<>();
        mi.put("MI", null);
        assertThat(tables.clientsPerIntervention(analyst, Scope.unit(LUND), years)).isEqualTo(mi);
        assertThat(tables.clientsPerIntervention(analyst, Scope.municipality("1281"), years)).isEqualTo(mi);
        // the owning unit reads its own counts live, unsuppressed
        assertThat(d1(tables.needs(worker(MALMO_B), Scope.unit(MALMO_B)))).isEqualTo(levels(0, 0, 2, 0, 0));
        assertThat(tables.clientsPerIntervention(worker(LUND), Scope.unit(LUND), years)).isEqualTo(Map.of("MI", 3));
        assertThat(CountHierarchy.computations()).as("hidden cells chosen on the request path").isEqualTo(before);
        assertThat(refresh.needsAsOf()).isPresent();
        assertThat(refresh.clientsPerInterventionAsOf(years)).isEqualTo(refresh.needsAsOf());
        assertThat(refresh.clientsPerInterventionAsOf(new PublishedYears(1990, 1990))).isEmpty();
    }

    /**
     * A change reaches the readers outside the owning unit with the gathered refresh, not before:
     * a Lund client assessed at d2 level 2 (its own item) is marked pending, the stored report still
     * says 0, the owning unit sees 1 at once, and after the refresh the nation's 1 is hidden.
     */
    @Test
    void aChangeIsStoredByTheGatheredRefreshAndNotBefore() {
        refresh.refreshNow();
        assertThat(pending()).isZero();
        assertThat(refresh.refreshPending()).as("nothing pending, nothing computed").isFalse();
        assertThat(d1(tables.needs(analyst, Scope.nation())).get(2)).isEqualTo(15);
        assessed(LUND, 960, LifeArea.D2);
        awaitPending();
        NeedsReport stale = tables.needs(analyst, Scope.nation());
        assertThat(stale.areas().stream().filter(r -> r.area() == LifeArea.D2).findFirst().orElseThrow()
                .clientsByLevel().get(2)).isZero();
        assertThat(tables.needs(worker(LUND), Scope.unit(LUND)).areas().stream().filter(r -> r.area() == LifeArea.D2)
                .findFirst().orElseThrow().clientsByLevel().get(2)).isEqualTo(1);
        assertThat(refresh.refreshPending()).isTrue();
        assertThat(pending()).isZero();
        NeedsReport fresh = tables.needs(analyst, Scope.nation());
        assertThat(fresh.areas().stream().filter(r -> r.area() == LifeArea.D2).findFirst().orElseThrow()
                .clientsByLevel().get(2)).isNull();
        assertThat(storedHidden(PublishedCountTable.NEEDS)).isEqualTo(hierarchies.needsDirect().hiddenCells());
    }

    @Test
    void twoConcurrentRefreshesLeaveOneConsistentSet() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    refresh.refreshNow();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        CountHierarchy needs = hierarchies.needsDirect();
        assertThat(storedCounts(PublishedCountTable.NEEDS)).isEqualTo(new TreeMap<>(needs.counts()));
        assertThat(storedHidden(PublishedCountTable.NEEDS)).isEqualTo(needs.hiddenCells());
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT counted_at) FROM fup_published_report").query(Long.class).single())
                .as("both reports from the same read").isEqualTo(1L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM fup_published_report").query(Long.class).single()).isEqualTo(2L);
    }

    /**
     * A refresh keeps the clients per intervention of the year before (an instance whose clock is
     * still in the old year reads them instead of storing them over the new year's) and drops older ones.
     */
    @Test
    void aRefreshKeepsTheYearBeforesClientsPerInterventionAndDropsOlderOnes() {
        int year = PublishedYears.clientCounts(today).first();
        for (int y : new int[] {year - 1, year - 2}) {
            jdbc.sql("INSERT INTO fup_published_report (report, counted_at, computed_ms) VALUES (:r, :at, 0)")
                    .param("r", "interventions:" + y)
                    .param("at", java.time.OffsetDateTime.parse("2020-01-01T00:00:00Z")).update();
            jdbc.sql("INSERT INTO fup_published_count (report, scope, item, clients, hidden) VALUES (:r, 'N', 'MI', 9, false)")
                    .param("r", "interventions:" + y).update();
        }
        try {
            refresh.refreshNow();
            assertThat(jdbc.sql("SELECT report FROM fup_published_report ORDER BY report").query(String.class).list())
                    .containsExactly("interventions:" + (year - 1), "interventions:" + year, "needs");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM fup_published_count WHERE report = :r")
                    .param("r", "interventions:" + (year - 1)).query(Long.class).single()).isEqualTo(1L);
        } finally {
            jdbc.sql("DELETE FROM fup_published_count WHERE report < :r AND report LIKE 'interventions:%'")
                    .param("r", "interventions:" + year).update();
            jdbc.sql("DELETE FROM fup_published_report WHERE report < :r AND report LIKE 'interventions:%'")
                    .param("r", "interventions:" + year).update();
        }
    }

    @Test
    void withNothingStoredAReaderIsToldSoAndTheOwningUnitStillReadsLive() {
        jdbc.sql("DELETE FROM fup_published_count").update();
        jdbc.sql("DELETE FROM fup_published_report").update();
        try {
            long before = CountHierarchy.computations();
            assertThatThrownBy(() -> tables.needs(analyst, Scope.nation())).isInstanceOf(PublishedCountsPending.class)
                    .extracting(e -> ((PublishedCountsPending) e).status()).isEqualTo(503);
            assertThatThrownBy(() -> tables.clientsPerIntervention(analyst, Scope.nation(),
                    PublishedYears.clientCounts(today))).isInstanceOf(PublishedCountsPending.class);
            assertThat(CountHierarchy.computations()).isEqualTo(before);
            assertThat(refresh.needsAsOf()).isEmpty();
            assertThat(d1(tables.needs(worker(MALMO_A), Scope.unit(MALMO_A)))).isEqualTo(levels(0, 0, 6, 0, 0));
            // the gathered refresh stores again when nothing is stored, even with nothing pending
            assertThat(refresh.refreshPending()).isTrue();
            assertThat(d1(tables.needs(analyst, Scope.municipality("1280")))).isEqualTo(levels(0, 0, 8, 0, 0));
        } finally {
            refresh.refreshNow();
        }
    }
}
