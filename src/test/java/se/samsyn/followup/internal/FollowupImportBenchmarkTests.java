package se.samsyn.followup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samsyn.TestDatabases;
import se.samsyn.followup.FollowupImport;
import se.samsyn.organisation.FocusArea;
import se.samsyn.organisation.NewUnit;
import se.samsyn.organisation.Units;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * The follow-up import benchmark ({@link ImportBenchmarkRounds}) scaled down to 2,000 rows, so it
 * runs in the build and cannot rot: every way stores the same rows and the import reports them
 * all as new (the rounds throw otherwise). No timing is asserted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"samsyn.demo=false", "samsyn.data-dir=target/test-data", "logging.level.se.samsyn=WARN"})
class FollowupImportBenchmarkTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry, "import_benchmark_small");
    }

    @Autowired
    FollowupImport importer;

    @Autowired
    Units units;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Pseudonymiser pseudonymiser;

    @Test
    void theScaledDownBenchmarkPassesItsOwnChecks() throws Exception {
        units.register(new Actor("bench", Role.ADMINISTRATOR, Scope.nation()),
                new NewUnit("1280", ImportBenchmarkRounds.UNIT, "Benchmark", Set.of(FocusArea.SUBSTANCE_USE)));
        ImportBenchmarkRounds.Result result = new ImportBenchmarkRounds(importer, jdbc, dataSource, pseudonymiser)
                .run(2_000, 3);
        ImportBenchmarkRounds.print(result, 3);
        assertThat(result.rows()).isEqualTo(2_000);
        assertThat(result.checksum()).startsWith("2000/");
        assertThat(result.clients()).isEqualTo(jdbc.sql("SELECT COUNT(*) FROM fup_client").query(Integer.class).single());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM aud_event WHERE action = 'IMPORT_IMPORTED' AND actor = 'bench-worker'")
                .query(Integer.class).single()).as("every import run audited, the warm-up's too").isEqualTo(4);
    }
}
