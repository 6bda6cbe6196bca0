package se.samsyn.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pipeline on its own, with a store in a map and a transaction manager that applies a
 * transaction's writes to the map on commit and drops them on rollback.
 */
class ImportPipelineTests {

    /** code -> level, as committed. */
    private final Map<String, String> committed = new HashMap<>();
    /** The writes of the open transaction. */
    private final Map<String, String> pending = new HashMap<>();
    private final List<String> hooks = new ArrayList<>();

    private final PlatformTransactionManager transactions = new PlatformTransactionManager() {
        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            pending.clear();
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
            if (!status.isRollbackOnly()) {
                committed.putAll(pending);
            }
            pending.clear();
        }

        @Override
        public void rollback(TransactionStatus status) {
            pending.clear();
        }
    };
    private final ImportPipeline pipeline = new ImportPipeline(new TransactionTemplate(transactions));

    /** Rows {code, level}: level a whole number from 0 to 4; key the code. */
    private class Levels implements ImportSteps<String[]> {
        /** Whether the file is checked on a reading thread while batches are stored. */
        boolean overlap;
        /** The threads the store step ran on. */
        final Set<String> storeThreads = new java.util.HashSet<>();
        /** The threads the row rule ran on. */
        final Set<String> checkThreads = java.util.concurrent.ConcurrentHashMap.newKeySet();

        Levels() {
        }

        Levels(boolean overlap) {
            this.overlap = overlap;
        }

        @Override
        public boolean checksWhileStoring() {
            return overlap;
        }

        @Override
        public String[] check(long row, Map<String, String> values, RowProblems problems) {
            checkThreads.add(Thread.currentThread().getName());
            String level = values.get("level");
            if (!Set.of("0", "1", "2", "3", "4").contains(level)) {
                problems.add("level", "test.level", level);
            }
            return problems.any() ? null : new String[] {values.get("code"), level};
        }

        @Override
        public String key(String[] value) {
            return value[0];
        }

        @Override
        public int batchSize() {
            return 2;
        }

        @Override
        public void store(List<String[]> batch, Tally tally) {
            storeThreads.add(Thread.currentThread().getName());
            for (String[] row : batch) {
                String stored = pending.containsKey(row[0]) ? pending.get(row[0]) : committed.get(row[0]);
                if (stored == null) {
                    tally.created(1);
                } else if (!stored.equals(row[1])) {
                    tally.updated(1);
                }
                pending.put(row[0], row[1]);
            }
        }

        @Override
        public void finish(ImportReport report) {
            hooks.add("finish " + report.status());
        }

        @Override
        public void rolledBack(ImportReport report) {
            hooks.add("rolled back " + report.status());
        }
    }

    private ImportReport run(String csv, boolean dryRun) {
        return run(csv, dryRun, new Levels());
    }

    private ImportReport run(String csv, boolean dryRun, Levels steps) {
        TabularFile file = new TabularFile(List.of("code", "level"), true);
        return pipeline.run(file.source(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                TabularFile.Format.CSV), steps, dryRun);
    }

    @Test
    void aTypeCheckedWhileStoringChecksOnAReadingThreadStoresOnTheCallersAndCountsTheSame() {
        Levels steps = new Levels(true);
        assertThat(run("code,level\nA,1\nB,2\nC,3\nD,4\nE,0\n", false, steps))
                .isEqualTo(new ImportReport("imported", 5, 5, 0, 0, 0, List.of(), 0));
        assertThat(committed).containsExactlyInAnyOrderEntriesOf(
                Map.of("A", "1", "B", "2", "C", "3", "D", "4", "E", "0"));
        assertThat(steps.storeThreads).containsExactly(Thread.currentThread().getName());
        assertThat(steps.checkThreads).containsExactly("import-reader");

        assertThat(run("code,level\nA,1\nB,4\nF,0\n", true, new Levels(true)))
                .isEqualTo(new ImportReport("valid", 3, 1, 1, 1, 0, List.of(), 0));
        assertThat(committed).doesNotContainKey("F");
        assertThat(hooks).containsExactly("finish imported", "rolled back valid");
    }

    @Test
    void aTypeCheckedWhileStoringListsTheSameProblemsInTheSameOrder() {
        String csv = "code,level\nA,1\nB,9\nC,2\nA,3\nD,x,extra\nE,7\n";
        assertThat(run(csv, false, new Levels(true))).isEqualTo(run(csv, false, new Levels()));
        assertThat(committed).isEmpty();
    }

    /** Levels whose store step refuses level 4 as a problem of its row (row numbers as the file's, from 2). */
    private class NoFours extends Levels {
        private long stored;

        NoFours(boolean overlap) {
            super(overlap);
        }

        @Override
        public void store(List<String[]> batch, Tally tally) {
            List<String[]> ok = new ArrayList<>();
            for (String[] row : batch) {
                stored++;
                if (row[1].equals("4")) {
                    tally.problem(FileProblem.of(stored + 1, "level", "test.four"));
                } else {
                    ok.add(row);
                }
            }
            super.store(ok, tally);
        }
    }

    @Test
    void aStoreStepsProblemIsListedBeforeTheRowProblemsAfterItAsWhenOneThreadDoesBoth() {
        String csv = "code,level\nA,1\nB,4\nC,2\nD,3\nE,9\nA,0\n";
        ImportReport overlapped = run(csv, false, new NoFours(true));
        assertThat(overlapped.errors()).containsExactly(
                new FileProblem(3, "level", "test.four", List.of()),
                new FileProblem(6, "level", "test.level", List.of("9")),
                new FileProblem(7, null, "import.error.duplicate-row", List.of("2")));
        assertThat(overlapped).isEqualTo(run(csv, false, new NoFours(false)));
        assertThat(committed).isEmpty();
    }

    @Test
    void aFailingStoreStepStopsTheReadingThreadAndRollsBack() {
        StringBuilder csv = new StringBuilder("code,level\n");
        for (int i = 0; i < 10_000; i++) {
            csv.append('K').append(i).append(",1\n");
        }
        java.util.concurrent.atomic.AtomicLong checked = new java.util.concurrent.atomic.AtomicLong();
        Levels failing = new Levels(true) {
            @Override
            public String[] check(long row, Map<String, String> values, RowProblems problems) {
                checked.incrementAndGet();
                return super.check(row, values, problems);
            }

            @Override
            public void store(List<String[]> batch, Tally tally) {
                throw new IllegalStateException("the database is gone");
            }
        };
        assertThatThrownBy(() -> run(csv.toString(), false, failing))
                .isInstanceOf(IllegalStateException.class).hasMessage("the database is gone");
        assertThat(committed).isEmpty();
        // the failed batch, one waiting and one being filled at most: the rest of the file is not read
        assertThat(checked.get()).isLessThanOrEqualTo(6);
    }

    @Test
    void aFailingRowRuleOnTheReadingThreadFailsTheImportAndRollsBack() {
        Levels failing = new Levels(true) {
            @Override
            public String[] check(long row, Map<String, String> values, RowProblems problems) {
                if (row == 4) {
                    throw new IllegalArgumentException("no rule for row 4");
                }
                return super.check(row, values, problems);
            }
        };
        assertThatThrownBy(() -> run("code,level\nA,1\nB,2\nC,3\n", false, failing))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no rule for row 4");
        assertThat(committed).isEmpty();
        assertThat(failing.storeThreads).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void countsCreatedUpdatedAndUnchangedRowsInBatchesAndCommits() {
        assertThat(run("code,level\nA,1\nB,2\nC,3\n", false))
                .isEqualTo(new ImportReport("imported", 3, 3, 0, 0, 0, List.of(), 0));
        assertThat(committed).containsExactlyInAnyOrderEntriesOf(Map.of("A", "1", "B", "2", "C", "3"));

        assertThat(run("code,level\nA,1\nB,4\nD,0\n", false))
                .isEqualTo(new ImportReport("imported", 3, 1, 1, 1, 0, List.of(), 0));
        assertThat(committed).containsExactlyInAnyOrderEntriesOf(Map.of("A", "1", "B", "4", "C", "3", "D", "0"));
        assertThat(hooks).containsExactly("finish imported", "finish imported");
    }

    @Test
    void aDryRunRunsEveryRuleAndCountsButStoresNothing() {
        assertThat(run("code,level\nA,1\nB,2\n", true))
                .isEqualTo(new ImportReport("valid", 2, 2, 0, 0, 0, List.of(), 0));
        assertThat(committed).isEmpty();
        assertThat(hooks).containsExactly("rolled back valid");
    }

    @Test
    void listsEveryBadRowAndTheSameKeyTwiceNamingBothRowsAndStoresNothing() {
        ImportReport report = run("code,level\nA,1\nB,9\nC,2\nA,3\nD,x,extra\nE,7\n", false);
        assertThat(report.status()).isEqualTo("rejected");
        assertThat(report.rows()).isEqualTo(6);
        assertThat(report.errors()).containsExactly(
                new FileProblem(3, "level", "test.level", List.of("9")),
                new FileProblem(5, null, "import.error.duplicate-row", List.of("2")),
                new FileProblem(6, null, "import.error.field-count", List.of("3", "2")),
                new FileProblem(7, "level", "test.level", List.of("7")));
        assertThat(report.errorCount()).isEqualTo(4);
        assertThat(committed).isEmpty();
        assertThat(hooks).containsExactly("rolled back rejected");
    }

    @Test
    void readsSemicolonAndTabSeparatedFilesAsExcelWritesThem() {
        assertThat(run("code;level\nA;1\nB;2\n", false).created()).isEqualTo(2);
        assertThat(run("code\tlevel\nC\t3\n", false).created()).isEqualTo(1);
        assertThat(committed).containsExactlyInAnyOrderEntriesOf(Map.of("A", "1", "B", "2", "C", "3"));
    }

    @Test
    void checkReadsAndChecksSeveralFilesWithoutATransactionAndNamesTheFile() {
        List<String[]> stored = new ArrayList<>();
        ImportSteps<String[]> collect = new Levels() {
            @Override
            public void store(List<String[]> batch, Tally tally) {
                stored.addAll(batch);
            }
        };
        TabularFile file = new TabularFile(List.of("code", "level"), true);
        ImportReport report = ImportPipeline.check(List.of(
                new ImportPipeline.Part("a.csv", file.source(stream("code,level\nA,1\n"), TabularFile.Format.CSV), collect),
                new ImportPipeline.Part("b.csv", file.source(stream("code,level\nB,5\n"), TabularFile.Format.CSV),
                        new Levels())));
        assertThat(report.errors()).containsExactly(new FileProblem("b.csv", 2, "level", "test.level", List.of("5")));
        assertThat(stored).extracting(r -> r[0]).containsExactly("A");
    }

    @Test
    void aJsonListColumnIsJoinedAsACsvFileWritesIt() {
        List<String> rows = new ArrayList<>();
        List<FileProblem> problems = new ArrayList<>();
        new TabularFile(List.of("code", "areas"), false).withListColumns(Set.of("areas"))
                .read(stream("[{\"code\":\"A\",\"areas\":[\"violence\",\"dementia\"]},{\"code\":\"B\",\"areas\":[{}]}]"),
                        TabularFile.Format.JSON, (row, values) -> rows.add(row + ":" + values), problems::add);
        assertThat(rows).containsExactly("1:{code=A, areas=violence;dementia}");
        assertThat(problems).containsExactly(new FileProblem(2, "areas", "import.error.json-value", List.of()));
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
