package se.samsyn.followup.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import se.samsyn.cluster.ClusterLockTimeout;
import se.samsyn.cluster.ClusterLocks;
import se.samsyn.followup.Catalogue;
import se.samsyn.followup.FollowupDataChanged;
import se.samsyn.followup.Instrument;
import se.samsyn.followup.OutcomeReportsPublished;
import se.samsyn.followup.PublishedOutcomeCounts;
import se.samsyn.followup.PublishedOutcomes;
import se.samsyn.followup.internal.OutcomePairs.PairRow;
import se.samsyn.organisation.Organisation;
import se.samsyn.shared.Scope;

/**
 * Computes the outcome reports as published outside the owning unit in the background and stores
 * them ({@link StoredOutcomeReports}, V147), so that no reader waits for a region's hidden cells to
 * be chosen (45 s for the nation's first read at 300 clients a municipality, ADR 0015) and no read
 * grows with the clients: for every calendar year with a follow-up and every instrument, each
 * region's system ({@link OutcomeHierarchy}: the region, its municipalities and their units), the
 * nation's hidden cells from the regions' ({@link NationalProtection}), and every scope's report
 * from its clients' pairs ({@link PairedReports}, the same code as a report computed on the spot).
 *
 * <p>Only changed regions are protected anew: a region's counts (every cell of every scope of its
 * system) are counted from the clients, which is cheap, and compared with the stored ones; the
 * hidden cells are a function of those counts and of the rules ({@link #protection}, stored
 * beside them), so where both are equal the stored hidden cells are kept, and the solver runs only for the regions whose counts differ. The statistics of every
 * scope are computed again each time (linear in the clients, no solver).
 *
 * <p>When: an announced follow-up change ({@link FollowupDataChanged}) leaves a row in
 * {@code fup_outcome_protected_pending}; every {@code samsyn.followup.outcome-protection-delay} (one
 * minute by default) the gathered refresh computes once if any row is pending or nothing is stored.
 * At start-up (order 76, after the demo loaders) it computes at once only when nothing is stored
 * and {@code samsyn.followup.outcome-protection-at-start} is {@code wait}, waiting for a refresh
 * that is running (see {@link #run}).
 *
 * <p>Several instances: the refresh runs on one instance at a time (cluster lock {@value #LOCK}).
 * The clients, the pending rows it covers and the time are read in one repeatable-read
 * transaction; the write is one transaction that holds the write lock {@value #WRITE_LOCK} until
 * commit, replaces every stored row and removes only the pending rows seen before the read; a
 * refresh whose clients were read before those already stored writes nothing, so two overlapping
 * refreshes leave the later reading, one whole set. A write announces the years whose reports changed
 * ({@link OutcomeReportsPublished}, delivered after commit), so that the same years' outcome
 * indicators are marked against the new reports.
 */
@Component
@Order(76)
class OutcomeProtectionRefresh implements ApplicationRunner, PublishedOutcomes {

    private static final Logger log = LoggerFactory.getLogger(OutcomeProtectionRefresh.class);

    /** The cluster lock of a refresh: one instance computes at a time. */
    static final String LOCK = "followup-outcome-protection";

    /**
     * The version of the protection rules ({@link ReportProtection}, {@link OutcomeHierarchy},
     * {@link NationalProtection} and the disclosure control they call): to be raised with any change
     * of them that may choose other hidden cells from the same counts, so that the next refresh
     * protects every region anew rather than keeping cells chosen under the old rules.
     */
    static final int RULES_VERSION = 1;

    /** The lock of the write transaction: one refresh replaces the stored rows at a time. */
    static final String WRITE_LOCK = "followup-outcome-protection-write";

    private final OutcomePairs pairs;
    private final StoredOutcomeReports table;
    private final JdbcClient jdbc;
    private final ClusterLocks locks;
    private final Clock clock;
    private final Catalogue catalogue;
    private final Organisation organisation;
    private final TransactionTemplate newTransaction;
    private final TransactionTemplate readOnly;
    private final boolean waitAtStart;
    private final ApplicationEventPublisher events;

    OutcomeProtectionRefresh(OutcomePairs pairs, StoredOutcomeReports table, JdbcClient jdbc, ClusterLocks locks,
                             Clock clock, Catalogue catalogue, Organisation organisation,
                             PlatformTransactionManager transactions, ApplicationEventPublisher events,
                             @Value("${samsyn.followup.outcome-protection-at-start:wait}") String atStart) {
        this.events = events;
        this.pairs = pairs;
        if (!"wait".equals(atStart) && !"background".equals(atStart)) {
            throw new IllegalArgumentException("samsyn.followup.outcome-protection-at-start must be wait or background, not "
                    + atStart);
        }
        this.waitAtStart = "wait".equals(atStart);
        this.table = table;
        this.jdbc = jdbc;
        this.locks = locks;
        this.clock = clock;
        this.catalogue = catalogue;
        this.organisation = organisation;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.readOnly.setReadOnly(true);
        this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /**
     * At start-up: computes and stores at once only when nothing is stored (the first start after
     * V147), and only when {@code samsyn.followup.outcome-protection-at-start} is {@code wait} (the
     * default, for the embedded database and its demo data, whose first refresh takes seconds). With
     * {@code background} (the {@code postgres} profile) the instance is ready at once and the first
     * scheduled refresh computes it, since at national scale the first refresh takes far longer than
     * a start may (ADR 0015); until then the pages say that nothing is computed yet.
     *
     * <p>With {@code wait}, a refresh that holds {@value #LOCK} already (the scheduled one, when the
     * start has taken longer than {@code samsyn.followup.outcome-protection-delay}, or another
     * instance's) is waited for, up to {@link ClusterLocks#SEEDING_WAIT}, and nothing is computed
     * again if it stored the reports; so the reports are stored, and announced
     * ({@link OutcomeReportsPublished}), before the runners after this one (the comparison module
     * marks the same years' outcome indicators against them at order 77). A longer wait is logged
     * and the start goes on without them, as with {@code background}.
     */
    @Override
    public void run(ApplicationArguments args) {
        if (!waitAtStart || table.countedAt().isPresent()) {
            return;
        }
        try {
            locks.runExclusively(LOCK, ClusterLocks.SEEDING_WAIT, () -> {
                if (table.countedAt().isEmpty()) {
                    refreshNow();
                }
            });
        } catch (ClusterLockTimeout e) {
            log.warn("Outcome reports not stored at start-up: another refresh held {} for over {}; the scheduled "
                    + "refresh stores them", LOCK, ClusterLocks.SEEDING_WAIT);
        }
    }

    /** Follow-up data changed: marked for the next gathered refresh, one row per announcement. */
    @ApplicationModuleListener
    void on(FollowupDataChanged event) {
        jdbc.sql("INSERT INTO fup_outcome_protected_pending (municipality_code, requested_at) VALUES (:m, :at)")
                .param("m", event.municipalityCode()).param("at", LocalDateTime.now(clock)).update();
    }

    /**
     * The gathered refresh: computes and stores when a change is pending or nothing is stored;
     * skipped while another instance refreshes.
     *
     * @return whether it computed here
     */
    @Scheduled(fixedDelayString = "${samsyn.followup.outcome-protection-delay:60s}",
            initialDelayString = "${samsyn.followup.outcome-protection-delay:60s}")
    boolean refreshPending() {
        boolean[] computed = {false};
        locks.runIfFree(LOCK, () -> {
            if (lastRequest() > 0 || table.countedAt().isEmpty()) {
                refreshNow();
                computed[0] = true;
            }
        });
        return computed[0];
    }

    /**
     * The rules the stored hidden cells are chosen under, as stored beside them: the suppression
     * threshold, the number of bins and {@link #RULES_VERSION}, e.g. {@code t=5;bins=10;rules=1}.
     * Stored systems chosen under other rules are not reused (a hidden cell depends on them as
     * much as on the counts).
     */
    String protection() {
        return "t=" + pairs.threshold() + ";bins=" + OutcomeTables.BINS + ";rules=" + RULES_VERSION;
    }

    /**
     * Computes every report from the clients now and stores them, whatever is pending (the caller
     * holds {@value #LOCK}, or is a test or operator).
     */
    @Override
    public int refreshNow() {
        long started = System.nanoTime();
        Snapshot read = readOnly.execute(tx -> new Snapshot(lastRequest(), databaseNow(), readPairs(), table.systems(protection())));
        Map<String, String> counties = ScopeFilter.counties(organisation);
        Map<String, String> names = new HashMap<>();
        catalogue.interventions().forEach(t -> names.put(t.code(), t.nameSv()));
        List<StoredOutcomeReports.ScopeReport> reports = new ArrayList<>();
        Map<StoredOutcomeReports.SystemKey, OutcomeHierarchy> systems = new LinkedHashMap<>();
        int computed = 0;
        // the regions stored per year and instrument, to tell which years' reports this refresh changes
        Map<YearInstrument, Set<String>> storedRegions = new HashMap<>();
        read.systems().keySet().forEach(k -> storedRegions.computeIfAbsent(new YearInstrument(k.year(), k.instrument()),
                yi -> new TreeSet<>()).add(k.region()));
        Set<Integer> changedYears = new TreeSet<>();
        for (Map.Entry<YearInstrument, List<PairRow>> e : read.pairs().entrySet()) {
            Instrument instrument = catalogue.instrument(e.getKey().instrument()).orElse(null);
            if (instrument == null) {
                continue;
            }
            int year = e.getKey().year();
            Map<String, List<PairRow>> byRegion = new TreeMap<>();
            e.getValue().forEach(p -> byRegion.computeIfAbsent(counties.getOrDefault(p.municipality(), "?"),
                    k -> new ArrayList<>()).add(p));
            Map<String, OutcomeHierarchy> regions = new TreeMap<>();
            Map<String, List<OutcomeHierarchy.Client>> changed = new TreeMap<>();
            byRegion.forEach((region, regionPairs) -> {
                List<OutcomeHierarchy.Client> clients = OutcomePairs.clients(regionPairs, instrument, counties);
                OutcomeHierarchy stored = read.systems().get(new StoredOutcomeReports.SystemKey(year, instrument.code(),
                        region));
                if (stored != null && stored.counts().equals(OutcomeHierarchy.counts(clients, true))) {
                    regions.put(region, stored);
                } else {
                    changed.put(region, clients);
                }
            });
            // the changed regions' systems are independent: protected side by side on the common pool
            regions.putAll(changed.entrySet().parallelStream().collect(Collectors.toMap(Map.Entry::getKey,
                    c -> pairs.system(c.getValue()))));
            computed += changed.size();
            if (!changed.isEmpty() || !storedRegions.getOrDefault(e.getKey(), Set.of()).equals(byRegion.keySet())) {
                changedYears.add(year); // a region's counts changed, or a region came or went
            }
            regions.forEach((region, system) ->
                    systems.put(new StoredOutcomeReports.SystemKey(year, instrument.code(), region), system));
            LocalDate from = LocalDate.of(year, 1, 1);
            LocalDate to = LocalDate.of(year, 12, 31);
            byRegion.forEach((region, regionPairs) -> {
                OutcomeHierarchy system = regions.get(region);
                Map<String, List<PairRow>> byScope = new TreeMap<>();
                for (PairRow p : regionPairs) {
                    byScope.computeIfAbsent(OutcomeHierarchy.regionScope(region), k -> new ArrayList<>()).add(p);
                    byScope.computeIfAbsent(OutcomeHierarchy.municipalityScope(p.municipality()),
                            k -> new ArrayList<>()).add(p);
                    if (p.unit() != null) {
                        byScope.computeIfAbsent(OutcomeHierarchy.unitScope(p.unit()), k -> new ArrayList<>()).add(p);
                    }
                }
                byScope.forEach((scope, scopePairs) -> reports.add(new StoredOutcomeReports.ScopeReport(year,
                        instrument.code(), scope, PairedReports.report(scopePairs, instrument, system, scope, names,
                        from, to, Scope.nation(), true, pairs.threshold(), true))));
            });
            OutcomeHierarchy nation = NationalProtection.nation(regions, OutcomeTables.ALONE);
            reports.add(new StoredOutcomeReports.ScopeReport(year, instrument.code(), OutcomeHierarchy.NATION,
                    PairedReports.report(e.getValue(), instrument, nation, OutcomeTables.ALONE, names, from, to,
                            Scope.nation(), true, pairs.threshold(), true)));
        }
        storedRegions.keySet().stream().filter(yi -> !read.pairs().containsKey(yi))
                .forEach(yi -> changedYears.add(yi.year())); // a year or instrument no longer reported
        long millis = (System.nanoTime() - started) / 1_000_000;
        int regionsComputed = computed;
        Boolean written = newTransaction.execute(tx -> {
            locks.holdUntilCommit(WRITE_LOCK);
            Optional<Instant> stored = table.countedAt();
            if (stored.isPresent() && stored.get().isAfter(read.countedAt())) {
                return false; // a refresh that read later clients has stored them already
            }
            table.replace(reports, systems, read.countedAt(), millis, regionsComputed, protection());
            jdbc.sql("DELETE FROM fup_outcome_protected_pending WHERE id <= :seen").param("seen", read.seen()).update();
            // delivered to the listeners after this transaction commits (the same year's indicators):
            // only the years whose published counts can differ from the stored ones (a region's counts,
            // and with them its hidden cells and the nation's, are those of the stored system otherwise)
            if (!changedYears.isEmpty()) {
                events.publishEvent(new OutcomeReportsPublished(List.copyOf(changedYears)));
            }
            return true;
        });
        log.info("Published outcome reports: {} scope reports, {} of {} regions' systems protected anew, {} in {} ms",
                reports.size(), regionsComputed, systems.size(),
                Boolean.TRUE.equals(written) ? "stored" : "not stored (later clients were)",
                (System.nanoTime() - started) / 1_000_000);
        return regionsComputed;
    }

    @Override
    public Optional<PublishedOutcomeCounts> counts(String instrumentCode, String interventionCode, int year) {
        return table.counts(instrumentCode, interventionCode, year);
    }

    @Override
    public Optional<se.samsyn.followup.PublishedOutcomeTable> table(String instrumentCode, int year) {
        return table.table(instrumentCode, year,
                municipality -> organisation.units(municipality).stream().map(se.samsyn.organisation.Unit::code).toList());
    }

    /**
     * The pairs of every calendar year with a follow-up and every instrument measured in it, of
     * the whole country (as a report of the year pairs them: earliest baseline, latest follow-up
     * in the year).
     */
    private Map<YearInstrument, List<PairRow>> readPairs() {
        List<YearInstrument> reports = jdbc.sql("""
                SELECT DISTINCT instrument_code, EXTRACT(YEAR FROM measured_on) FROM fup_measurement
                WHERE time_point <> 'baseline' AND removed_at IS NULL""")
                .query((rs, n) -> new YearInstrument(rs.getInt(2), rs.getString(1))).list();
        Map<YearInstrument, List<PairRow>> result = new TreeMap<>();
        for (YearInstrument r : new TreeSet<>(reports)) {
            result.put(r, pairs.pairs(r.instrument(), LocalDate.of(r.year(), 1, 1), LocalDate.of(r.year(), 12, 31),
                    Scope.nation()));
        }
        return result;
    }

    /** The id of the last pending announcement; 0 if none. */
    private long lastRequest() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM fup_outcome_protected_pending").query(Long.class).single();
    }

    /** The database's clock (the transaction's start), the same for every instance. */
    private Instant databaseNow() {
        return jdbc.sql("SELECT CURRENT_TIMESTAMP").query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .single();
    }

    /** One report's year and instrument, in year then instrument order. */
    private record YearInstrument(int year, String instrument) implements Comparable<YearInstrument> {

        @Override
        public int compareTo(YearInstrument o) {
            return year != o.year ? Integer.compare(year, o.year) : instrument.compareTo(o.instrument);
        }
    }

    /** What one read saw: the last pending announcement it covers, when, the pairs and the stored systems. */
    private record Snapshot(long seen, Instant countedAt, Map<YearInstrument, List<PairRow>> pairs,
                            Map<StoredOutcomeReports.SystemKey, OutcomeHierarchy> systems) {
    }
}
