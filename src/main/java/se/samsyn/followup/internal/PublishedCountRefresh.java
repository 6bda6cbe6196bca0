package se.samsyn.followup.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import se.samsyn.cluster.ChangeSignals;
import se.samsyn.cluster.ClusterLocks;
import se.samsyn.followup.FollowupDataChanged;
import se.samsyn.followup.PublishedCounts;
import se.samsyn.followup.PublishedYears;
import se.samsyn.shared.SwedishTime;

/**
 * Computes the needs report and the clients per intervention of every scope together
 * ({@link CountHierarchies#needsDirect()}, {@link CountHierarchies#clientsPerInterventionDirect}
 * for {@link PublishedYears#clientCounts} of today) in the background and stores them
 * ({@link PublishedCountTable}, V143), so that no reader outside the owning unit waits for the
 * hidden cells to be chosen (15 s at national scale, ADR 0015).
 *
 * <p>When: an announced follow-up change ({@link FollowupDataChanged}) leaves a row in
 * {@code fup_published_pending}; every {@code samsyn.followup.published-counts-delay} (one minute by
 * default) the gathered refresh recomputes once if any row is pending, if the stored clients per
 * intervention are of another year than today's (1 January) or if nothing is stored. At start-up
 * (order 75, after the demo loaders) it computes at once only when nothing is stored.
 *
 * <p>Several instances: the gathered and the start-up refresh run on one instance at a time
 * (cluster lock {@value #LOCK}; the other skips and its pending rows wait for the next run). The
 * write is one transaction that takes the write lock {@value #WRITE_LOCK} until commit, replaces
 * the stored rows (keeping only the year before's clients per intervention, for an instance whose
 * clock is still in that year on 1 January) and removes only the pending rows seen before the
 * counts were read, so a change
 * made while the refresh computes is computed next time; a refresh whose counts were read before
 * those already stored writes nothing, so two refreshes that overlap (a lock that lapsed, or
 * {@link #refreshNow()} beside the gathered one) leave the later counts, one whole set. The write
 * raises the change signal {@value #STORED}, on which every instance loads the new reports into
 * memory in the background (within {@code samsyn.cluster.signal-interval}), so that the first page
 * after a refresh does not read every cell (0.9 s at national scale) either.
 */
@Component
@Order(75)
class PublishedCountRefresh implements ApplicationRunner, PublishedCounts {

    private static final Logger log = LoggerFactory.getLogger(PublishedCountRefresh.class);

    /** The cluster lock of a refresh: one instance computes at a time. */
    static final String LOCK = "followup-published-counts";

    /** The lock of the write transaction: one refresh replaces the stored rows at a time. */
    static final String WRITE_LOCK = "followup-published-counts-write";

    /**
     * The change signal raised with every stored refresh, on which every instance loads the new
     * reports into memory in the background, so that no page pays the first read after a refresh.
     */
    static final String STORED = "followup-published-counts";

    private final CountHierarchies hierarchies;
    private final PublishedCountTable table;
    private final JdbcClient jdbc;
    private final ClusterLocks locks;
    private final Clock clock;
    private final TransactionTemplate newTransaction;
    private final TransactionTemplate readOnly;
    private final ChangeSignals signals;

    PublishedCountRefresh(CountHierarchies hierarchies, PublishedCountTable table, JdbcClient jdbc, ClusterLocks locks,
                          Clock clock, PlatformTransactionManager transactions, ChangeSignals signals) {
        this.hierarchies = hierarchies;
        this.table = table;
        this.jdbc = jdbc;
        this.locks = locks;
        this.clock = clock;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.readOnly.setReadOnly(true);
        this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.signals = signals;
        signals.onChange(STORED, () -> CompletableFuture.runAsync(this::load));
    }

    /** At start-up: computes and stores at once only when nothing is stored (the first start after V143). */
    @Override
    public void run(ApplicationArguments args) {
        if (table.oldestCountedAt().isEmpty()) {
            locks.runIfFree(LOCK, this::refreshNow);
        }
    }

    /** Follow-up data changed: marked for the next gathered refresh, one row per announcement. */
    @ApplicationModuleListener
    void on(FollowupDataChanged event) {
        jdbc.sql("INSERT INTO fup_published_pending (municipality_code, requested_at) VALUES (:m, :at)")
                .param("m", event.municipalityCode()).param("at", LocalDateTime.now(clock)).update();
    }

    /**
     * The gathered refresh: recomputes and stores when a change is pending, when the stored clients
     * per intervention are not of today's {@link PublishedYears#clientCounts} or nothing is stored;
     * skipped while another instance refreshes.
     *
     * @return whether it computed here
     */
    @Scheduled(fixedDelayString = "${samsyn.followup.published-counts-delay:60s}",
            initialDelayString = "${samsyn.followup.published-counts-delay:60s}")
    boolean refreshPending() {
        boolean[] computed = {false};
        locks.runIfFree(LOCK, () -> {
            if (lastRequest() > 0 || table.countedAt(PublishedCountTable.NEEDS).isEmpty()
                    || table.countedAt(PublishedCountTable.interventions(years())).isEmpty()) {
                refreshNow();
                computed[0] = true;
            }
        });
        return computed[0];
    }

    @Override
    public void refreshNow() {
        long started = System.nanoTime();
        PublishedYears years = years();
        // the counts of both reports, the pending rows they cover and the database's time, from one snapshot
        Snapshot read = readOnly.execute(tx -> new Snapshot(lastRequest(), databaseNow(), hierarchies.needsCounts(),
                hierarchies.interventionCounts(years)));
        Instant countedAt = read.countedAt();
        long counted = System.nanoTime();
        Map<String, CountHierarchy> reports = new LinkedHashMap<>();
        reports.put(PublishedCountTable.NEEDS, hierarchies.compute(read.needs()));
        reports.put(PublishedCountTable.interventions(years), hierarchies.compute(read.interventions()));
        long computedMillis = (System.nanoTime() - counted) / 1_000_000;
        Boolean written = newTransaction.execute(tx -> {
            locks.holdUntilCommit(WRITE_LOCK);
            Optional<Instant> newest = newestCountedAt();
            if (newest.isPresent() && newest.get().isAfter(countedAt)) {
                return false; // a refresh that read later counts has stored them already
            }
            table.replace(reports, Set.of(PublishedCountTable.interventionsBefore(years)), countedAt, computedMillis);
            signals.raise(STORED);
            jdbc.sql("DELETE FROM fup_published_pending WHERE id <= :seen").param("seen", read.seen()).update();
            return true;
        });
        log.info("Published needs and clients per intervention: {} cells, hidden cells chosen in {} ms, {} in {} ms",
                reports.values().stream().mapToInt(h -> h.counts().size()).sum(), computedMillis,
                Boolean.TRUE.equals(written) ? "stored" : "not stored (later counts were)",
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Reads the stored reports into memory ({@link PublishedCountTable#read}); a failure only leaves it to the first page. */
    private void load() {
        try {
            table.read(PublishedCountTable.NEEDS);
            table.read(PublishedCountTable.interventions(years()));
        } catch (RuntimeException e) {
            log.warn("Could not load the stored needs reports into memory; the first page to read them will", e);
        }
    }

    @Override
    public Optional<Instant> needsAsOf() {
        return table.countedAt(PublishedCountTable.NEEDS);
    }

    @Override
    public Optional<Instant> clientsPerInterventionAsOf(PublishedYears years) {
        return table.countedAt(PublishedCountTable.interventions(years));
    }

    private PublishedYears years() {
        return PublishedYears.clientCounts(SwedishTime.today(clock));
    }

    private Optional<Instant> newestCountedAt() {
        return jdbc.sql("SELECT MAX(counted_at) FROM fup_published_report")
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant)).single();
    }

    /** The id of the last pending announcement; 0 if none. */
    private long lastRequest() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM fup_published_pending").query(Long.class).single();
    }

    /** The database's clock (the transaction's start), the same for every instance. */
    private Instant databaseNow() {
        return jdbc.sql("SELECT CURRENT_TIMESTAMP").query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .single();
    }

    /** What one read saw: the last pending announcement it covers, when, and the counts of both reports. */
    private record Snapshot(long seen, Instant countedAt, List<CountHierarchy.Count> needs,
                            List<CountHierarchy.Count> interventions) {
    }
}
