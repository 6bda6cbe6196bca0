package se.samsyn.comparison.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The comparison engine benchmark at a small size (2,000 clients in 20 municipalities, 12,000
 * measurements; 400 incremental rows; few clients in many municipalities would make it a
 * benchmark of secondary suppression instead), in every build so that it cannot rot: it must pass its own
 * checks (every cell agrees with the hand-written SQL both ways, the incremental refresh equals a
 * full one) and measure every seeded follow-up indicator. No time is asserted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"samsyn.demo=false", "samsyn.data-dir=target/test-data", "samsyn.comparison.refresh-delay=1000d"})
class ComparisonEngineBenchmarkTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry, "comparison_benchmark_small");
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
    void theSmallBenchmarkPassesItsOwnChecks() {
        ComparisonBenchmarkRun.Report report = new ComparisonBenchmarkRun(jdbc, engine, refresh, transactions, practice).run(2_000, 20, 3, 400,
                new String[] {url, "postgres", "postgres", "target/test-data"});

        assertThat(report.disagreements()).isEmpty();
        assertThat(report.measurements()).isEqualTo(2_000 * 5 + 400 * 5);
        for (String id : ComparisonBenchmarkRun.HAND_WRITTEN.keySet()) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM cmp_result WHERE indicator_id = :id AND n > 0").param("id", id)
                    .query(Integer.class).single()).as("%s has data", id).isPositive();
        }
        assertThat(report.cells()).isPositive();
        assertThat(report.startSeconds()).as("a second instance started on the current results").isPositive();
    }

    @Test
    void theMedianOfRoundsIsTheMiddleOne() {
        assertThat(ComparisonBenchmarkRun.median(java.util.List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(ComparisonBenchmarkRun.median(java.util.List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
    }
}
