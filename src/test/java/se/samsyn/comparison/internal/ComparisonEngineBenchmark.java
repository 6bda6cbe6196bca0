package se.samsyn.comparison.internal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samsyn.TestDatabases;

/**
 * Not a test: the comparison engine benchmark ({@link ComparisonBenchmarkRun}), excluded from the
 * normal run. By default 5,000,000 clients (a WHO-5 baseline and four yearly follow-ups each, a
 * severity baseline and four ratings for a fifth: 31,000,000 measurements over 290 municipalities
 * and 2021-2025), three rounds, 10,000 incremental rows. Run with
 * {@code ./mvnw test -Dtest=ComparisonEngineBenchmark -Dbenchmark.clients=5000000 -Dbenchmark.rounds=3}.
 * Fails when any cell disagrees.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"samsyn.demo=false", "samsyn.data-dir=target/benchmark-data", "logging.level.se.samsyn=WARN",
                "samsyn.comparison.refresh-delay=1000d"})
class ComparisonEngineBenchmark {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry, "comparison_benchmark");
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ComparisonEngine engine;

    @Autowired
    ResultRefresh refresh;

    @Test
    void engineAgainstHandWrittenSql() {
        ComparisonBenchmarkRun.Report report = new ComparisonBenchmarkRun(jdbc, engine, refresh).run(
                Integer.getInteger("benchmark.clients", 5_000_000), Integer.getInteger("benchmark.municipalities", 290),
                Integer.getInteger("benchmark.rounds", 3),
                Integer.getInteger("benchmark.incremental-rows", 10_000));
        if (!report.disagreements().isEmpty()) {
            throw new AssertionError(report.disagreements().size() + " cells disagree, first: " + report.disagreements().get(0));
        }
    }
}
