package se.samsyn.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import se.samsyn.TestDatabases;

/**
 * The imports module started on its own, its pipeline writing to a real database: a file that
 * fails after a batch was written, or whose store step fails, leaves nothing stored, because the
 * whole file is one database transaction.
 */
@ApplicationModuleTest
@TestPropertySource(properties = {"samsyn.demo=false", "spring.flyway.enabled=false",
        // the readiness group names the cluster module's databaseWrite check, which is not started here
        "management.endpoint.health.group.readiness.include=readinessState,db"})
class ImportsModuleTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "imports_module");
    }

    @Autowired
    ImportPipeline pipeline;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void table() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS test_level (code VARCHAR(2) PRIMARY KEY, level INT NOT NULL)").update();
        jdbc.sql("DELETE FROM test_level").update();
    }

    /** Rows {code, level}, level 0 to 4, two rows a batch, written with plain SQL. */
    private final class Levels implements ImportSteps<Map<String, String>> {
        @Override
        public Map<String, String> check(long row, Map<String, String> values, RowProblems problems) {
            if (!values.get("level").matches("[0-4]")) {
                problems.add("level", "test.level", values.get("level"));
                return null;
            }
            return values;
        }

        @Override
        public String key(Map<String, String> value) {
            return value.get("code");
        }

        @Override
        public int batchSize() {
            return 2;
        }

        @Override
        public void store(List<Map<String, String>> batch, Tally tally) {
            for (Map<String, String> row : batch) {
                jdbc.sql("INSERT INTO test_level (code, level) VALUES (:code, :level)")
                        .param("code", row.get("code")).param("level", Integer.parseInt(row.get("level"))).update();
                tally.created(1);
            }
        }
    }

    private ImportReport run(String csv, boolean dryRun) {
        TabularFile file = new TabularFile(List.of("code", "level"), true);
        return pipeline.run(file.source(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                TabularFile.Format.CSV), new Levels(), dryRun);
    }

    private int stored() {
        return jdbc.sql("SELECT COUNT(*) FROM test_level").query(Integer.class).single();
    }

    @Test
    void aGoodFileIsStoredAndADryRunOfItStoresNothing() {
        assertThat(run("code,level\nA,1\nB,2\nC,3\n", true).status()).isEqualTo("valid");
        assertThat(stored()).isZero();
        assertThat(run("code,level\nA,1\nB,2\nC,3\n", false))
                .isEqualTo(new ImportReport("imported", 3, 3, 0, 0, 0, List.of(), 0));
        assertThat(jdbc.sql("SELECT code || level FROM test_level ORDER BY code").query(String.class).list())
                .containsExactly("A1", "B2", "C3");
    }

    @Test
    void aBadRowAfterAWrittenBatchLeavesNothingStored() {
        ImportReport report = run("code,level\nA,1\nB,2\nC,9\n", false);
        assertThat(report.status()).isEqualTo("rejected");
        assertThat(report.errors()).containsExactly(new FileProblem(4, "level", "test.level", List.of("9")));
        assertThat(stored()).isZero();
    }

    @Test
    void aStoreStepThatFailsInTheDatabaseLeavesNothingStored() {
        // "CCC" passes the row rule but is too long for the column: the second batch fails in the database.
        assertThatThrownBy(() -> run("code,level\nA,1\nB,2\nCCC,3\n", false)).isInstanceOf(RuntimeException.class);
        assertThat(stored()).isZero();
    }
}
