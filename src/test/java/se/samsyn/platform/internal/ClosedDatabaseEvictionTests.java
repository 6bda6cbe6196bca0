package se.samsyn.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * An H2 file database that closed itself (as after a full disk) is opened again by the pool's next
 * connection once its broken connections are dropped: with {@link ClosedDatabaseEviction} a pool of
 * one connection recovers after one failed statement, without it the broken connection stays.
 * The close is made with H2's SHUTDOWN IMMEDIATELY from another connection (error 90121; after a
 * failed write H2 answers 90098, which is evicted the same way).
 */
class ClosedDatabaseEvictionTests {

    static HikariDataSource pool(Path folder, boolean evict) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + folder.resolve("db").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=FALSE");
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(1);
        if (evict) {
            config.setExceptionOverrideClassName(ClosedDatabaseEviction.class.getName());
        }
        return new HikariDataSource(config);
    }

    static int count(HikariDataSource pool) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static void closeDatabaseBehindThePool(HikariDataSource pool) throws SQLException {
        try (Connection other = DriverManager.getConnection(pool.getJdbcUrl(), "sa", "");
             Statement s = other.createStatement()) {
            s.execute("SHUTDOWN IMMEDIATELY");
        } catch (SQLException expected) {
            // H2 may report the shutdown itself on the connection that asked for it
        }
    }

    @Test
    void theNextConnectionOpensTheDatabaseAgain() throws Exception {
        Path folder = Files.createTempDirectory(Path.of("target"), "evict");
        try (HikariDataSource pool = pool(folder, true)) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
                s.execute("INSERT INTO t VALUES (1), (2), (3)");
                s.execute("CHECKPOINT"); // on disk now: SHUTDOWN IMMEDIATELY drops what H2 has not yet written
            }
            closeDatabaseBehindThePool(pool);

            assertThatThrownBy(() -> count(pool)).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isIn(90098, 90121));
            assertThat(count(pool)).isEqualTo(3);
        }
    }

    @Test
    void withoutTheOverrideTheBrokenConnectionStaysInThePool() throws Exception {
        Path folder = Files.createTempDirectory(Path.of("target"), "noevict");
        try (HikariDataSource pool = pool(folder, false)) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            }
            closeDatabaseBehindThePool(pool);

            assertThatThrownBy(() -> count(pool)).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> count(pool)).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isIn(90098, 90121));
        }
    }

    @Test
    void outagesAreToldFromOtherErrors() {
        assertThat(DatabaseOutage.isOutage(new RuntimeException(new SQLException("closed", "90098", 90098)))).isTrue();
        assertThat(DatabaseOutage.isOutage(new SQLException("disk full", "53100"))).isTrue();
        assertThat(DatabaseOutage.isOutage(new SQLException("read only", "25006"))).isTrue();
        assertThat(DatabaseOutage.isOutage(new SQLException("General error: \"org.h2.mvstore.MVStoreException: "
                + "Writing to sun.nio.ch.FileChannelImpl@1 failed; length 2220032 at 610304\"", "HY000", 50000))).isTrue();
        assertThat(DatabaseOutage.isOutage(new CannotGetJdbcConnectionException("no connection"))).isTrue();
        assertThat(DatabaseOutage.isOutage(new DataAccessResourceFailureException("gone"))).isTrue();
        assertThat(DatabaseOutage.isOutage(new org.springframework.transaction.TransactionSystemException(
                "JDBC rollback failed", new SQLException("Connection is closed")))).isTrue();
        assertThat(DatabaseOutage.isOutage(new SQLException("Connection is closed", "23505"))).isFalse();
        assertThat(DatabaseOutage.isOutage(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseOutage.isOutage(new SQLException("General error", "HY000", 50000))).isFalse();
        assertThat(DatabaseOutage.isOutage(new IllegalStateException("bug"))).isFalse();
    }
}
