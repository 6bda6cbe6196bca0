package se.samsyn.imports;

import static org.assertj.core.api.Assertions.assertThat;

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
        @Override
        public String[] check(long row, Map<String, String> values, RowProblems problems) {
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
        TabularFile file = new TabularFile(List.of("code", "level"), true);
        return pipeline.run(file.source(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                TabularFile.Format.CSV), new Levels(), dryRun);
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
