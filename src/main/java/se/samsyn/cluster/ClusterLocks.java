package se.samsyn.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Locks that hold across every instance on the same database, for work that must run once at a
 * time in the whole installation: a refresh of the comparison results, start-up seeding.
 *
 * <p>A lock is a row in {@code cls_lock} (ShedLock's JDBC provider, using the database clock, so
 * instances need not agree on the time). While its holder lives, the lock is extended every
 * {@code lease / 2}; if the holder dies, the lock lapses after {@code lease} (one minute), and
 * another instance may take it. Locks are not re-entrant: a holder asking again for the same
 * name waits for itself, so never nest the same name.
 */
@Component
public class ClusterLocks {

    /**
     * The lock every start-up seeding step (reference data, demo data, the guide's starting set,
     * the first administrator) runs under, so that two instances starting at the same moment
     * seed one after the other and the second finds the work done.
     */
    public static final String SEEDING = "startup-seeding";

    /** How long a starting instance waits for another's seeding step before it gives up. */
    public static final Duration SEEDING_WAIT = Duration.ofMinutes(15);

    /** How long a lock outlives a holder that died without releasing it. */
    static final Duration LEASE = Duration.ofMinutes(1);
    private static final long POLL_MILLIS = 200;

    private final LockProvider locks;
    private final JdbcClient jdbc;

    ClusterLocks(LockProvider locks, JdbcClient jdbc) {
        this.locks = locks;
        this.jdbc = jdbc;
    }

    /**
     * Locks {@code name} for the rest of the caller's transaction, waiting while another
     * transaction, on this instance or another, holds it. For writes that must not interleave
     * (two refreshes deleting and inserting the same stored results gave duplicate-key errors):
     * the row lock in {@code cls_row_lock} is held exactly until commit or rollback, and released
     * by the database if the instance dies. On H2 the wait is bounded by the URL's
     * {@code LOCK_TIMEOUT}.
     *
     * @throws IllegalStateException when called outside a transaction
     */
    public void holdUntilCommit(String name) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("holdUntilCommit needs a transaction");
        }
        jdbc.sql("INSERT INTO cls_row_lock (name) VALUES (:name) ON CONFLICT DO NOTHING").param("name", name).update();
        jdbc.sql("SELECT name FROM cls_row_lock WHERE name = :name FOR UPDATE").param("name", name).query(String.class).list();
    }

    /**
     * Runs {@code work} if no instance holds the lock {@code name}, and tells whether it ran.
     *
     * @param name lock name, at most 64 characters
     * @return true when the work ran here, false when another holder had the lock
     */
    public boolean runIfFree(String name, Runnable work) {
        SimpleLock lock = locks.lock(configuration(name)).orElse(null);
        if (lock == null) {
            return false;
        }
        try {
            work.run();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Like {@link #holdUntilCommit(String)}, but does not wait: takes the lock for the rest of the
     * caller's transaction if no other transaction holds it, and tells whether it did.
     *
     * @throws IllegalStateException when called outside a transaction
     */
    public boolean tryHoldUntilCommit(String name) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("tryHoldUntilCommit needs a transaction");
        }
        jdbc.sql("INSERT INTO cls_row_lock (name) VALUES (:name) ON CONFLICT DO NOTHING").param("name", name).update();
        return !jdbc.sql("SELECT name FROM cls_row_lock WHERE name = :name FOR UPDATE SKIP LOCKED").param("name", name)
                .query(String.class).list().isEmpty();
    }

    /**
     * Waits until the lock {@code name} is free, takes it and runs {@code work}, for work that every
     * instance must see done before it goes on (seeding at start-up: the second instance waits,
     * then finds the work done and does nothing).
     *
     * @param wait how long to wait for the lock at most
     * @return what {@code work} returned
     * @throws ClusterLockTimeout when the lock stayed taken for longer than {@code wait}
     */
    public <T> T runExclusively(String name, Duration wait, Supplier<T> work) {
        Instant giveUp = Instant.now().plus(wait);
        while (true) {
            SimpleLock lock = locks.lock(configuration(name)).orElse(null);
            if (lock != null) {
                try {
                    return work.get();
                } finally {
                    lock.unlock();
                }
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new ClusterLockTimeout(name, wait);
            }
            pause();
        }
    }

    /** {@link #runExclusively(String, Duration, Supplier)} for work without a result. */
    public void runExclusively(String name, Duration wait, Runnable work) {
        runExclusively(name, wait, () -> {
            work.run();
            return null;
        });
    }

    private static LockConfiguration configuration(String name) {
        return new LockConfiguration(Instant.now(), name, LEASE, Duration.ZERO);
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterLockTimeout("interrupted", Duration.ZERO);
        }
    }
}
