package se.samsyn.comparison.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import se.samsyn.TestDatabases;
import se.samsyn.cluster.ClusterLocks;
import se.samsyn.prevention.PreventionChanged;

/**
 * The gathered refresh on a migrated database, H2 and PostgreSQL: a change announced while a
 * refresh runs is still pending when it ends and is refreshed by the next run; the requests the
 * refresh saw are gone.
 */
class RefreshRequestsTests {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aChangeAnnouncedDuringARefreshIsRefreshedByTheNextRun(String database) throws Exception {
        DataSource data = database.equals("h2")
                ? new DriverManagerDataSource("jdbc:h2:mem:refresh_requests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000", "sa", "")
                : new DriverManagerDataSource(TestDatabases.jdbcUrl(TestDatabases.createDatabase("refresh_requests")),
                        "postgres", "postgres");
        Flyway.configure().dataSource(data).locations("classpath:db/migration").load().migrate();
        JdbcClient jdbc = JdbcClient.create(data);
        ComparisonEngine engine = mock(ComparisonEngine.class);
        ClusterLocks locks = mock(ClusterLocks.class);
        when(locks.runIfFree(anyString(), any())).thenAnswer(call -> {
            call.<Runnable>getArgument(1).run();
            return true;
        });
        ResultRefresh refresh = new ResultRefresh(engine, jdbc, locks, Clock.systemUTC(),
                new DataSourceTransactionManager(data), mock(se.samsyn.followup.PracticeOutcomes.class),
                mock(ResultProvenance.class), "jdbc:h2:mem:");

        refresh.on(new PreventionChanged("1280"));
        doAnswer(call -> {
            // another transaction announces a change while this refresh runs
            Thread other = new Thread(() -> refresh.on(new PreventionChanged("1281")));
            other.start();
            other.join();
            return 0;
        }).doReturn(0).when(engine).refreshComputed();

        refresh.refreshChangedFollowup();
        assertThat(pending(jdbc)).as("the change made during the refresh").hasSize(1);

        refresh.refreshChangedFollowup();
        assertThat(pending(jdbc)).isEmpty();
        refresh.refreshChangedFollowup();
        verify(engine, times(2)).refreshComputed();
    }

    /**
     * A municipality's stored outcomes are refreshed by its changed clients only when every request
     * of it named them: 1280's two changes did, one of 0180's did not (bulk data found by the
     * recount, say), so 0180 is rebuilt whole; both municipalities' results are refreshed.
     */
    @org.junit.jupiter.api.Test
    void onlyAMunicipalityWhoseEveryChangeRecordedItsClientsIsRefreshedByThem() {
        DataSource data = new DriverManagerDataSource("jdbc:h2:mem:refresh_by_clients;MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(data).locations("classpath:db/migration").load().migrate();
        JdbcClient jdbc = JdbcClient.create(data);
        ComparisonEngine engine = mock(ComparisonEngine.class);
        ClusterLocks locks = mock(ClusterLocks.class);
        when(locks.runIfFree(anyString(), any())).thenAnswer(call -> {
            call.<Runnable>getArgument(1).run();
            return true;
        });
        se.samsyn.followup.PracticeOutcomes practice = mock(se.samsyn.followup.PracticeOutcomes.class);
        ResultRefresh refresh = new ResultRefresh(engine, jdbc, locks, Clock.systemUTC(),
                new DataSourceTransactionManager(data), practice, mock(ResultProvenance.class), "jdbc:h2:mem:");

        refresh.on(new se.samsyn.followup.FollowupDataChanged("1280", true));
        refresh.on(new se.samsyn.followup.FollowupDataChanged("0180", true));
        refresh.on(new se.samsyn.followup.FollowupDataChanged("1280", true));
        refresh.on(new se.samsyn.followup.FollowupDataChanged("0180"));
        refresh.refreshChangedFollowup();

        verify(engine).refreshMunicipalities(java.util.Set.of("0180", "1280"));
        verify(practice).refresh(java.util.Set.of("0180", "1280"), java.util.Set.of("1280"));
        assertThat(pending(jdbc)).isEmpty();
    }

    private static List<Long> pending(JdbcClient jdbc) {
        return jdbc.sql("SELECT id FROM cmp_refresh_pending").query(Long.class).list();
    }
}
