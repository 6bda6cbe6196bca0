package se.samsyn.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
            ImportReport r = process(parts, dryRun ? "valid" : "imported");
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
        return process(parts, "valid");
    }

    private static ImportReport process(List<Part> parts, String success) {
        Counts counts = new Counts();
        for (Part part : parts) {
            counts.rows += read(part, counts);
        }
        if (counts.errorCount > 0) {
            return new ImportReport("rejected", counts.rows, 0, 0, 0, counts.ignored, counts.errors, counts.errorCount);
        }
        return new ImportReport(success, counts.rows, counts.created, counts.updated,
                Math.max(0, counts.rows - counts.created - counts.updated - counts.ignored), counts.ignored,
                List.of(), 0);
    }

    private static <R> long read(Part part, Counts counts) {
        @SuppressWarnings("unchecked")
        Run<R> run = new Run<>(part.fileName(), (ImportSteps<R>) part.steps(), counts);
        long rows = part.source().read(run::row, run::fileProblem);
        run.flush();
        part.steps().progress(rows);
        return rows;
    }

    /** The totals of a run over all its files. */
    private static final class Counts implements ImportSteps.Tally {
        private final List<FileProblem> errors = new ArrayList<>();
        private long rows;
        private long created;
        private long updated;
        private long ignored;
        private long errorCount;

        @Override
        public void created(long n) {
            created += n;
        }

        @Override
        public void updated(long n) {
            updated += n;
        }

        @Override
        public void problem(FileProblem problem) {
            add(problem);
        }

        void add(FileProblem problem) {
            errorCount++;
            if (errors.size() < MAX_LISTED_ERRORS) {
                errors.add(problem);
            }
        }
    }

    /** One file in progress: its pending batch and the first row of each key. */
    private static final class Run<R> {
        private final String fileName;
        private final ImportSteps<R> steps;
        private final Counts counts;
        private final List<R> pending = new ArrayList<>();
        private final Map<Long, Long> keys = new HashMap<>();
        private final MessageDigest digest = sha256();
        private long seen;

        Run(String fileName, ImportSteps<R> steps, Counts counts) {
            this.fileName = fileName;
            this.steps = steps;
            this.counts = counts;
        }

        void fileProblem(FileProblem problem) {
            counts.add(steps.fileProblem(problem).inFile(fileName));
        }

        void row(long row, Map<String, String> values) {
            if (++seen % PROGRESS_EVERY == 0) {
                steps.progress(seen);
            }
            long before = counts.errorCount;
            R value = steps.check(row, values, new RowProblems() {
                @Override
                public void add(String field, String messageKey, Object... args) {
                    counts.add(FileProblem.of(row, field, messageKey, args).inFile(fileName));
                }

                @Override
                public boolean any() {
                    return counts.errorCount > before;
                }
            });
            if (counts.errorCount > before) {
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

        void flush() {
            if (counts.errorCount == 0 && !pending.isEmpty()) {
                steps.store(List.copyOf(pending), new ImportSteps.Tally() {
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
                        counts.add(problem.inFile(fileName));
                    }
                });
            }
            pending.clear();
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
