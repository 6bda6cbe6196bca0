package se.samsyn.followup.internal;

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
 * Not a test: the follow-up import benchmark, excluded from the normal run ({@link ImportBenchmarkRounds}
 * says what it measures and checks). Run with
 * {@code ./mvnw test -Dtest=FollowupImportBenchmark -DsurefireArgLine=-Xmx512m -Dbenchmark.rows=1000000 -Dbenchmark.rounds=3};
 * it fails when a way stored other rows than the others.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"samsyn.demo=false", "samsyn.data-dir=target/benchmark-data",
                "logging.level.se.samsyn=WARN"})
class FollowupImportBenchmark {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry, "benchmark");
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
    void importThroughputAgainstPlainJdbcAndCopy() throws Exception {
        int rows = Integer.getInteger("benchmark.rows", 1_000_000);
        int rounds = Integer.getInteger("benchmark.rounds", 3);
        units.register(new Actor("bench", Role.ADMINISTRATOR, Scope.nation()),
                new NewUnit("1280", ImportBenchmarkRounds.UNIT, "Benchmark", Set.of(FocusArea.SUBSTANCE_USE)));
        ImportBenchmarkRounds.Result result = new ImportBenchmarkRounds(importer, jdbc, dataSource, pseudonymiser)
                .run(rows, rounds);
        ImportBenchmarkRounds.print(result, rounds);
    }
}
