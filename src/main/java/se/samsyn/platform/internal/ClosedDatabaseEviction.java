package se.samsyn.platform.internal;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Makes the connection pool (HikariCP) drop a connection to an H2 database that has closed
 * itself, so the next connection opens the database file again. H2 closes a file database after
 * a failed write (a full disk); its old connections then answer every statement with error 90098
 * but still pass {@code isValid()}, so without this the pool would keep them until a restart.
 * Set by {@code spring.datasource.hikari.exception-override-class-name}; tested by
 * DatabaseOutageIntegrationTests. PostgreSQL's connection errors (SQLState 08, 57P01) are
 * evicted by Hikari itself. Public only because Hikari creates it from its class name (its
 * constructor must be public); no code calls it.
 */
public class ClosedDatabaseEviction implements SQLExceptionOverride {

    /** Hikari creates this class by name, with this constructor. */
    public ClosedDatabaseEviction() {
    }

    /** MUST_EVICT for H2's 90098 (database closed) and 90121 (closed at shutdown); otherwise Hikari decides. */
    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException sqlException) {
        int code = sqlException.getErrorCode();
        return code == 90098 || code == 90121 ? SQLExceptionOverride.Override.MUST_EVICT : SQLExceptionOverride.Override.CONTINUE_EVICT;
    }
}
