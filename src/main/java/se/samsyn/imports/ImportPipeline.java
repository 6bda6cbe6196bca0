package se.samsyn.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one import pipeline of Samsyn (ADR 11): reads a file (a {@link RowSource}, usually
 * {@link TabularFile}), runs the type's row rule on every row, finds the same key twice, stores
 * checked rows in batches with the type's store step, and counts created, updated and unchanged
 * rows, all in one transaction that is rolled back when any row or the file has a problem or the
 * run is a dry run. A dry run runs every rule and stores nothing (its writes are rolled back, so
 * its counts are what a real run would report). Every problem is counted; the first
 * {@link #MAX_LISTED_ERRORS} are listed with their file, row, field and message. Once a problem is
 * found, nothing more is written, but every row is still checked.
 *
 * <p>A type whose row rule needs no database ({@link ImportSteps#checksWhileStoring()}) is read and
 * checked on a worker thread of its own while the transaction's thread stores the batch before:
 * the worker hands each full batch over and waits while one batch is still waiting to be stored,
 * so at most three batches are held (one being stored, one waiting, one being filled). The store
 * step stays on the transaction's thread; an error on either thread stops the other and rolls the
 * import back; the counts and the error list are the same as when one thread does both.
 */
@Component
public class ImportPipeline {

    /** How many problems a report lists; the rest are only counted. */
    public static final int MAX_LISTED_ERRORS = 10_000;
    /** How often, in rows, a run tells its type how far it has read. */
    public static final int PROGRESS_EVERY = 1_000;

    private final TransactionTemplate transactions;

    public ImportPipeline(TransactionTemplate transactions) {
        this.transactions = transactions;
    }

    /** One file of an import: its name (null for a single upload), its rows and its type's steps. */
    public record Part(String fileName, RowSource source, ImportSteps<?> steps) {
    }

    /** Imports one file with its type's steps, which are also its hooks. */
    public ImportReport run(RowSource source, ImportSteps<?> steps, boolean dryRun) {
        return run(List.of(new Part(null, source, steps)), dryRun, steps);
    }

    /**
     * Imports several files all-or-nothing, in the order given: a problem in any file stores none.
     * The rows of later files may rely on what the rules of earlier ones accepted.
     */
    public ImportReport run(List<Part> parts, boolean dryRun, ImportHooks hooks) {
        ImportReport report = transactions.execute(tx -> {
            hooks.begin(dryRun);
            ImportReport r = process(parts, dryRun ? "valid" : "imported", true);
            if (r.rejected() || dryRun) {
                tx.setRollbackOnly();
            } else {
                hooks.finish(r);
            }
            return r;
        });
        if (!report.imported()) {
            transactions.executeWithoutResult(tx -> hooks.rolledBack(report));
        }
        return report;
    }

    /**
     * Reads and checks the files and hands their checked rows to their store steps, outside any
     * transaction and without hooks: for a caller whose store step only collects (a check of
     * files that are written later, or a test). Status {@code valid} or {@code rejected}.
     */
    public static ImportReport check(List<Part> parts) {
        return process(parts, "valid", false);
    }

    private static ImportReport process(List<Part> parts, String success, boolean overlap) {
        Counts counts = new Counts();
        for (Part part : parts) {
            counts.rows += overlap && part.steps().checksWhileStoring() ? readWhileStoring(part, counts)
                    : read(part, counts);
        }
        if (counts.errorCount > 0) {
            return new ImportReport("rejected", counts.rows, 0, 0, 0, counts.ignored, counts.listed(),
                    counts.errorCount);
        }
        return new ImportReport(success, counts.rows, counts.created, counts.updated,
                Math.max(0, counts.rows - counts.created - counts.updated - counts.ignored), counts.ignored,
                List.of(), 0);
    }

    private static <R> long read(Part part, Counts counts) {
        @SuppressWarnings("unchecked")
        Run<R> run = new Run<>(part.fileName(), (ImportSteps<R>) part.steps(), counts);
        run.batches = run::store;
        long rows = part.source().read(run::row, run::fileProblem);
        run.flush();
        part.steps().progress(rows);
        return rows;
    }

    /** What the reading thread hands to the storing one: a full batch, the end of the file, or its failure. */
    private sealed interface Handed<R> {
    }

    private record Batch<R>(List<R> rows) implements Handed<R> {
    }

    private record End<R>(long rows) implements Handed<R> {
    }

    private record Failed<R>(Throwable error) implements Handed<R> {
    }

    /** Thrown on the reading thread once the storing thread has given up, to end the read. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("the import's store step failed", null, false, false);
        }
    }

    /**
     * {@link #read} with the reading and checking on a worker thread and the store step on this
     * one (the transaction's): hand-over through a queue of one waiting batch.
     */
    private static <R> long readWhileStoring(Part part, Counts counts) {
        @SuppressWarnings("unchecked")
        Run<R> run = new Run<>(part.fileName(), (ImportSteps<R>) part.steps(), counts);
        BlockingQueue<Handed<R>> handOff = new ArrayBlockingQueue<>(1);
        Consumer<Handed<R>> hand = item -> {
            if (run.stopped) {
                throw new Stopped();
            }
            try {
                handOff.put(item);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stopped();
            }
        };
        run.batches = rows -> hand.accept(new Batch<>(rows));
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "import-reader");
            t.setDaemon(true);
            return t;
        });
        Future<?> reading = reader.submit(() -> {
            try {
                long rows = part.source().read(run::row, run::fileProblem);
                run.flush();
                part.steps().progress(rows);
                hand.accept(new End<>(rows));
            } catch (Stopped e) {
                // the storing thread failed and no longer takes anything
            } catch (Throwable e) {
                hand.accept(new Failed<>(e));
            }
        });
        try {
            while (true) {
                Handed<R> item = handOff.take();
                if (item instanceof Batch<R> batch) {
                    run.store(batch.rows());
                } else if (item instanceof End<R> end) {
                    reading.get();
                    return end.rows();
                } else if (item instanceof Failed<R> failed) {
                    throw failed.error();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(run, handOff, reading);
            throw new IllegalStateException("Interrupted while importing", e);
        } catch (RuntimeException | Error e) {
            stop(run, handOff, reading);
            throw e;
        } catch (Throwable e) {
            stop(run, handOff, reading);
            throw new IllegalStateException(e);
        } finally {
            reader.shutdown();
        }
    }

    /**
     * Ends the reading thread after the storing one failed: it sees the flag at its next row or
     * hand-over, and emptying the queue frees a hand-over that waits for room. Waits until it has
     * ended, so the file is closed.
     */
    private static void stop(Run<?> run, BlockingQueue<?> handOff, Future<?> reading) {
        run.stopped = true;
        handOff.clear();
        try {
            reading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // already failing with the storing thread's error
        }
    }

    /**
     * The totals of a run over all its files. Problems may come from two threads (the row rule's on
     * the reading one, the store step's on the storing one), so they are added under this object's
     * lock. The store step runs only while no problem is known, so its problems precede all others
     * in file order; they are kept apart and listed first, which is the order one thread gives.
     */
    private static final class Counts implements ImportSteps.Tally {
        private final List<FileProblem> storeErrors = new ArrayList<>();
        private final List<FileProblem> errors = new ArrayList<>();
        private long rows;
        private long created;
        private long updated;
        private long ignored;
        private volatile long errorCount;
        private volatile long storeErrorCount;

        @Override
        public void created(long n) {
            created += n;
        }

        @Override
        public void updated(long n) {
            updated += n;
        }

        @Override
        public synchronized void problem(FileProblem problem) {
            storeErrorCount++;
            errorCount++;
            if (storeErrors.size() < MAX_LISTED_ERRORS) {
                storeErrors.add(problem);
            }
        }

        synchronized void add(FileProblem problem) {
            errorCount++;
            if (errors.size() < MAX_LISTED_ERRORS) {
                errors.add(problem);
            }
        }

        /** The first {@link #MAX_LISTED_ERRORS} problems: the store step's, then the others in file order. */
        synchronized List<FileProblem> listed() {
            List<FileProblem> all = new ArrayList<>(storeErrors);
            all.addAll(errors.subList(0, Math.min(errors.size(), MAX_LISTED_ERRORS - all.size())));
            return all;
        }
    }

    /** One file in progress: its pending batch and the first row of each key. */
    private static final class Run<R> {
        private final String fileName;
        private final ImportSteps<R> steps;
        private final Counts counts;
        private List<R> pending = new ArrayList<>();
        private final Map<Long, Long> keys = new HashMap<>();
        private final MessageDigest digest = sha256();
        private long seen;
        /** Where a full batch goes: the store step, or the hand-over to the storing thread. */
        private Consumer<List<R>> batches;
        /** Set by the storing thread when it failed: the reading thread ends at its next row. */
        private volatile boolean stopped;

        Run(String fileName, ImportSteps<R> steps, Counts counts) {
            this.fileName = fileName;
            this.steps = steps;
            this.counts = counts;
        }

        void fileProblem(FileProblem problem) {
            counts.add(steps.fileProblem(problem).inFile(fileName));
        }

        void row(long row, Map<String, String> values) {
            if (stopped) {
                throw new Stopped();
            }
            if (++seen % PROGRESS_EVERY == 0) {
                steps.progress(seen);
            }
            boolean[] found = {false};
            R value = steps.check(row, values, new RowProblems() {
                @Override
                public void add(String field, String messageKey, Object... args) {
                    found[0] = true;
                    counts.add(FileProblem.of(row, field, messageKey, args).inFile(fileName));
                }

                @Override
                public boolean any() {
                    return found[0];
                }
            });
            if (found[0]) {
                return;
            }
            if (value == null) {
                counts.ignored++;
                return;
            }
            String key = steps.key(value);
            if (key != null) {
                Long earlier = keys.putIfAbsent(fingerprint(key), row);
                if (earlier != null) {
                    counts.add(steps.duplicate(row, earlier, value).inFile(fileName));
                    return;
                }
            }
            if (counts.errorCount > 0) {
                return; // rolled back anyway: only keep checking
            }
            pending.add(value);
            if (pending.size() >= steps.batchSize()) {
                flush();
            }
        }

        /** Hands the pending rows on as a batch while no problem is known; they are dropped otherwise. */
        void flush() {
            if (counts.errorCount == 0 && !pending.isEmpty()) {
                List<R> batch = pending;
                pending = new ArrayList<>(batch.size());
                batches.accept(batch);
            } else {
                pending.clear();
            }
        }

        /** The store step on one batch, unless it found a problem in an earlier one. */
        void store(List<R> batch) {
            if (counts.storeErrorCount == 0) {
                steps.store(Collections.unmodifiableList(batch), new ImportSteps.Tally() {
                    @Override
                    public void created(long rows) {
                        counts.created(rows);
                    }

                    @Override
                    public void updated(long rows) {
                        counts.updated(rows);
                    }

                    @Override
                    public void problem(FileProblem problem) {
                        counts.problem(problem.inFile(fileName));
                    }
                });
            }
        }

        private long fingerprint(String key) {
            byte[] hash = digest.digest(key.getBytes(StandardCharsets.UTF_8));
            long fingerprint = 0;
            for (int i = 0; i < 8; i++) {
                fingerprint = (fingerprint << 8) | (hash[i] & 0xff);
            }
            return fingerprint;
        }
    }

    /** A SHA-256 digest, part of every Java runtime. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
