package se.samsyn.cluster.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Readiness's proof that the database can be written, not only reached: it updates the one row of
 * {@code cls_heartbeat} and commits. Any failure (closed or read-only database,
 * full disk, no connection) makes it DOWN, and so {@code /actuator/health/readiness}; the health
 * group is configured in application.yml ({@code management.endpoint.health.group.readiness}).
 * The indicator's name is {@code databaseWrite}. Details (for administrators only) name the
 * exception's class, never its message. A change of state is logged once, at WARN going down and
 * at INFO coming back.
 */
@Component("databaseWriteHealthIndicator")
class DatabaseWriteHealth implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(DatabaseWriteHealth.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private volatile boolean lastUp = true;

    DatabaseWriteHealth(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        // No transaction timeout: on H2 a statement's query timeout stays on the pooled connection and
        // would later cancel a long import running on it.
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public Health health() {
        try {
            transaction.executeWithoutResult(tx -> {
                int updated = jdbc.sql("UPDATE cls_heartbeat SET beat_at = CURRENT_TIMESTAMP WHERE id = 1").update();
                if (updated == 0) {
                    jdbc.sql("INSERT INTO cls_heartbeat (id, beat_at) VALUES (1, CURRENT_TIMESTAMP)").update();
                }
            });
            if (!lastUp) {
                log.info("The database accepts writes again");
                lastUp = true;
            }
            return Health.up().withDetail("write", "committed").build();
        } catch (RuntimeException e) {
            if (lastUp) {
                log.warn("The database does not accept writes; readiness is DOWN: {}", e.toString());
                lastUp = false;
            }
            return Health.down().withDetail("error", e.getClass().getName()).build();
        }
    }
}
