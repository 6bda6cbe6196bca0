package se.samsyn.platform.internal;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a database that cannot be reached, read or written from every other error, so that it is
 * answered with 503 and a plain explanation instead of a 500. The rule, over the cause chain:
 * Spring's {@link DataAccessResourceFailureException} (which includes
 * {@code CannotGetJdbcConnectionException}) or {@link CannotCreateTransactionException}; a JDBC
 * connection exception; SQLState class 08 (connection), 53 (insufficient resources, for example
 * PostgreSQL's 53100 disk full), 57P01–57P03 (shut down) or 25006 (read-only transaction); or
 * H2's codes 90098 (database closed), 90121 (closed at shutdown), 90097 (read only) and 50000
 * with a failed file write ("MVStoreException ... Writing to ... failed", a full disk).
 */
final class DatabaseOutage {

    private static final Set<Integer> H2_CLOSED = Set.of(90098, 90121, 90097);
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "25006");

    private DatabaseOutage() {
    }

    /** Whether {@code failure}, or anything in its cause chain, says the database is unavailable. */
    static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && isOutage(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOutage(SQLException sql) {
        String state = sql.getSQLState();
        if (state != null && (state.startsWith("08") || state.startsWith("53") || STATES.contains(state))) {
            return true;
        }
        if (H2_CLOSED.contains(sql.getErrorCode())) {
            return true;
        }
        if (state == null && "Connection is closed".equals(sql.getMessage())) {
            // HikariCP's answer on a connection it has already evicted after a connection failure
            // (no SQL state), seen when a transaction is rolled back after the server went away
            return true;
        }
        String message = String.valueOf(sql.getMessage());
        return sql.getErrorCode() == 50000 && message.contains("MVStoreException") && message.contains("Writing to");
    }
}
