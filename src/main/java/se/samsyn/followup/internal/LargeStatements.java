package se.samsyn.followup.internal;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Runs the stored outcomes' fills ({@link YearOutcomeTable#PAIRS}, {@link PracticeOutcomeTable#PAIRS})
 * with more sort memory on PostgreSQL: {@code work_mem} {@value #WORK_MEM} for that one statement
 * (set with {@code set_config(…, true)}, so for the transaction only, and set back to the previous
 * value after it), instead of the server's default of 4 MB. The fill of three municipalities at
 * 25,000,000 measurements sorts about half a million rows for its windows, which spilled to disk at
 * 4 MB; the memory is asked for per sort, so {@value #WORK_MEM} is the most one sort of it holds
 * (a larger refresh spills again, with the same result). On other databases (H2) the statement
 * runs as it is.
 */
@Component
class LargeStatements {

    /** The sort memory of one fill statement on PostgreSQL. */
    static final String WORK_MEM = "128MB";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private volatile Boolean postgres;

    LargeStatements(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * Runs {@code statement} in the caller's transaction, on PostgreSQL with {@value #WORK_MEM} of
     * sort memory; returns what it returns (a row count).
     */
    int withSortMemory(java.util.function.IntSupplier statement) {
        if (!onPostgres()) {
            return statement.getAsInt();
        }
        String before = jdbc.sql("SELECT current_setting('work_mem')").query(String.class).single();
        jdbc.sql("SELECT set_config('work_mem', :memory, true)").param("memory", WORK_MEM).query(String.class).single();
        // a failed statement rolls the transaction back, and the setting with it
        int rows = statement.getAsInt();
        jdbc.sql("SELECT set_config('work_mem', :memory, true)").param("memory", before).query(String.class).single();
        return rows;
    }

    /** Whether the database is PostgreSQL (else H2); asked once. */
    boolean onPostgres() {
        Boolean known = postgres;
        if (known == null) {
            try {
                known = "PostgreSQL".equals(JdbcUtils.extractDatabaseMetaData(dataSource,
                        DatabaseMetaData::getDatabaseProductName));
            } catch (MetaDataAccessException e) {
                throw new IllegalStateException("Cannot tell the database product", e);
            }
            postgres = known;
        }
        return known;
    }
}
