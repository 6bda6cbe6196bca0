package se.samsyn.comparison.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import se.samsyn.TestDatabases;
import se.samsyn.cluster.ClusterLocks;
import se.samsyn.followup.FollowupDataChanged;
import se.samsyn.followup.PracticeOutcomes;

/**
 * A gathered refresh of some municipalities whose stored outcomes (refreshed beside the results on
 * a second connection) or results fail, on a migrated database, H2 and PostgreSQL: the refresh
 * fails with the failure, the results' writes are rolled back, and every request stays pending for
 * the next run, which refreshes both. What each part writes is stood in for by one row of
 * {@code cmp_refresh_pending} under a scope no refresh reads or removes ({@code test:results},
 * {@code test:outcomes}), written in that part's own transaction.
 */
class RefreshFailureTests {

    private ResultRefresh refresh;

    @AfterEach
    void stop() throws InterruptedException {
        if (refresh != null) {
            refresh.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void whenTheOutcomesFailTheResultsAreRolledBackAndTheRequestsStay(String database) {
        JdbcClient jdbc = setUp(database, "refresh_outcomes_fail");
        doAnswer(call -> mark(jdbc, "test:results", 2)).when(engine).refreshMunicipalities(any());
        doThrow(new IllegalStateException("outcomes failed")).when(practice).refresh(any(), any());

        assertThatThrownBy(refresh::refreshChangedFollowup).isInstanceOf(IllegalStateException.class)
                .hasMessage("outcomes failed");
        assertThat(scopes(jdbc)).containsExactly("followup:0180", "followup:1280/clients");

        // the next run, with nothing failing, does both and removes the requests
        org.mockito.Mockito.reset(practice);
        doAnswer(call -> mark(jdbc, "test:outcomes", null)).when(practice).refresh(any(), any());
        refresh.refreshChangedFollowup();
        assertThat(scopes(jdbc)).containsExactly("test:outcomes", "test:results");
        verify(practice).refresh(Set.of("0180", "1280"), Set.of("1280"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void whenTheResultsFailTheOutcomesHaveCommittedAndTheRequestsStay(String database) {
        JdbcClient jdbc = setUp(database, "refresh_results_fail");
        doAnswer(call -> {
            mark(jdbc, "test:results", 2);
            throw new IllegalStateException("results failed");
        }).when(engine).refreshMunicipalities(any());
        doAnswer(call -> mark(jdbc, "test:outcomes", null)).when(practice).refresh(any(), any());

        assertThatThrownBy(refresh::refreshChangedFollowup).hasMessage("results failed");
        // the outcomes' own transaction committed first; the results' rolled back
        assertThat(scopes(jdbc)).containsExactly("followup:0180", "followup:1280/clients", "test:outcomes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void whenBothFailTheResultsFailureCarriesTheOutcomesFailure(String database) {
        JdbcClient jdbc = setUp(database, "refresh_both_fail");
        doThrow(new IllegalStateException("results failed")).when(engine).refreshMunicipalities(any());
        doThrow(new IllegalArgumentException("outcomes failed")).when(practice).refresh(any(), any());

        assertThatThrownBy(refresh::refreshChangedFollowup).hasMessage("results failed")
                .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage)
                        .containsExactly("outcomes failed"));
        assertThat(scopes(jdbc)).containsExactly("followup:0180", "followup:1280/clients");
    }

    private ComparisonEngine engine;
    private PracticeOutcomes practice;

    /** A migrated database with two municipalities' changes requested: 0180 whole, 1280 by its clients. */
    private JdbcClient setUp(String database, String name) {
        DataSource data = database.equals("h2")
                ? new DriverManagerDataSource("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000", "sa", "")
                : new DriverManagerDataSource(TestDatabases.jdbcUrl(TestDatabases.createDatabase(name)),
                        "postgres", "postgres");
        Flyway.configure().dataSource(data).locations("classpath:db/migration").load().migrate();
        JdbcClient jdbc = JdbcClient.create(data);
        engine = mock(ComparisonEngine.class);
        practice = mock(PracticeOutcomes.class);
        ClusterLocks locks = mock(ClusterLocks.class);
        when(locks.runIfFree(anyString(), any())).thenAnswer(call -> {
            call.<Runnable>getArgument(1).run();
            return true;
        });
        refresh = new ResultRefresh(engine, jdbc, locks, Clock.systemUTC(), new DataSourceTransactionManager(data),
                practice, mock(ResultProvenance.class),
                database.equals("h2") ? "jdbc:h2:mem:" : "jdbc:postgresql:");
        refresh.on(new FollowupDataChanged("0180"));
        refresh.on(new FollowupDataChanged("1280", true));
        assertThat(scopes(jdbc)).containsExactly("followup:0180", "followup:1280/clients");
        return jdbc;
    }

    /** One row written in the caller's transaction, standing in for a part's writes. */
    private static Object mark(JdbcClient jdbc, String scope, Object returned) {
        jdbc.sql("INSERT INTO cmp_refresh_pending (scope, requested_at) VALUES (:scope, CURRENT_TIMESTAMP)")
                .param("scope", scope).update();
        return returned;
    }

    private static List<String> scopes(JdbcClient jdbc) {
        return jdbc.sql("SELECT scope FROM cmp_refresh_pending ORDER BY scope").query(String.class).list();
    }
}
