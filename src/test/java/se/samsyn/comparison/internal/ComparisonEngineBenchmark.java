package se.samsyn.comparison.internal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.test.context.DynamicPropertySource;
import se.samsyn.TestDatabases;
import se.samsyn.followup.PracticeOutcomes;

/**
 * Not a test: the comparison engine benchmark ({@link ComparisonBenchmarkRun}), excluded from the
 * normal run. By default 4,166,667 clients (a WHO-5 baseline and four yearly follow-ups each, a
 * severity baseline and four ratings for a fifth: 25,000,000 measurements over 290 municipalities
 * and 2021-2025), three rounds, 10,000 incremental rows, then a second instance started on the
 * database. Run with
 * {@code ./mvnw test -Dtest=ComparisonEngineBenchmark -Dbenchmark.clients=4166667 -Dbenchmark.rounds=3}.
 * Fails when any cell disagrees, when the incremental refresh differs from a full one, or when
 * the second instance refreshes any indicator at start-up. {@code -Dbenchmark.hand-written=false}
 * leaves the hand-written queries out (no ratio, no comparison with them; the incremental refresh is
 * still checked against a full refresh), for the national size on a small machine;
 * {@code -Dbenchmark.practice-outcomes=false} leaves out the stored practice and calendar-year
 * outcomes of every municipality (filled after the generation, checked against a rebuild after
 * the incremental refresh).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"samsyn.demo=false", "samsyn.data-dir=target/benchmark-data", "logging.level.se.samsyn=WARN",
                "logging.level.se.samsyn.comparison.internal.ComparisonEngine=DEBUG",
                "logging.level.se.samsyn.comparison.internal.ResultRefresh=DEBUG",
                "logging.level.se.samsyn.comparison.internal.ResultComputation=DEBUG",
                "logging.level.se.samsyn.followup.internal.PracticeOutcomeTable=DEBUG",
                "logging.level.se.samsyn.followup.internal.YearOutcomeTable=DEBUG",
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

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    PracticeOutcomes practice;

    @Value("${spring.datasource.url}")
    String url;

    @Test
    void engineAgainstHandWrittenSql() {
        ComparisonBenchmarkRun.Report report = new ComparisonBenchmarkRun(jdbc, engine, refresh, transactions, practice).run(
                Integer.getInteger("benchmark.clients", 4_166_667), Integer.getInteger("benchmark.municipalities", 290),
                Integer.getInteger("benchmark.rounds", 3),
                Integer.getInteger("benchmark.incremental-rows", 10_000), new String[] {url, "postgres", "postgres", "target/benchmark-data"},
                !"false".equals(System.getProperty("benchmark.hand-written")));
        if (!report.disagreements().isEmpty()) {
            throw new AssertionError(report.disagreements().size() + " cells disagree, first: " + report.disagreements().get(0));
        }
    }
}
