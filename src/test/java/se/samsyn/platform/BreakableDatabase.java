package se.samsyn.platform;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A test DataSource that can be broken on purpose: {@link #close()} makes every statement fail as
 * H2 fails after it has closed itself (error 90098, "The database has been closed");
 * {@link #failBatchInto(String, int)} lets the first n batches into a table pass and fails the
 * next one as a full PostgreSQL disk does (SQLState 53100); {@link #heal()} undoes both.
 * Commit, rollback and close always pass, so a failed transaction is rolled back for real.
 */
final class BreakableDatabase extends DelegatingDataSource {

    private static volatile BreakableDatabase current;

    private volatile boolean closed;
    private volatile String failingTable;
    private final AtomicInteger batchesLeft = new AtomicInteger();

    BreakableDatabase(DataSource target) {
        super(target);
    }

    /** The database of the running test context. */
    static BreakableDatabase current() {
        return current;
    }

    /** Wraps the application's DataSource; register as a static bean in the test's configuration. */
    static BeanPostProcessor wrapper() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && !(bean instanceof BreakableDatabase)) {
                    current = new BreakableDatabase(dataSource);
                    return current;
                }
                return bean;
            }
        };
    }

    void close() {
        closed = true;
    }

    void failBatchInto(String table, int passingBatches) {
        batchesLeft.set(passingBatches);
        failingTable = table.toLowerCase(Locale.ROOT);
    }

    void heal() {
        closed = false;
        failingTable = null;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(super.getConnection(username, password));
    }

    private Connection wrap(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (closed && (name.startsWith("prepare") || name.equals("createStatement"))) {
                throw new SQLNonTransientConnectionException("The database has been closed [90098-240]", "90098", 90098);
            }
            Object result = invoke(connection, method, args);
            if (result instanceof PreparedStatement statement && name.equals("prepareStatement")
                    && args != null && args[0] instanceof String sql) {
                return watch(statement, sql.toLowerCase(Locale.ROOT));
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler);
    }

    private PreparedStatement watch(PreparedStatement statement, String sql) {
        InvocationHandler handler = (proxy, method, args) -> {
            String table = failingTable;
            if (table != null && method.getName().equals("executeBatch") && sql.contains("insert into " + table)
                    && batchesLeft.getAndDecrement() <= 0) {
                throw new BatchUpdateException("could not extend file: No space left on device", "53100", 0, new int[0]);
            }
            return invoke(statement, method, args);
        };
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, handler);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
