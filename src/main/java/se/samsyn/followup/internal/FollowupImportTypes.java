package se.samsyn.followup.internal;

import java.time.Clock;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import se.samsyn.audit.AuditTrail;
import se.samsyn.cluster.ClusterLocks;
import se.samsyn.followup.Catalogue;
import se.samsyn.followup.ImportType;
import se.samsyn.imports.ImportSteps;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Actor;
import se.samsyn.shared.SwedishTime;

/**
 * The follow-up import types (episodes, needs, interventions, measurements) as steps of the
 * {@link se.samsyn.imports.ImportPipeline}: hands out a fresh row rule and store step for each run.
 */
@Component
class FollowupImportTypes {

    private final FollowupRepository repository;
    private final FollowupHistory history;
    private final NamedParameterJdbcTemplate jdbc;
    private final Catalogue catalogue;
    private final Pseudonymiser pseudonymiser;
    private final Organisation organisation;
    private final AuditTrail audit;
    private final ClusterLocks locks;
    private final Clock clock;
    private final ChangedClients changed;
    private final javax.sql.DataSource dataSource;
    private volatile Boolean postgres;

    FollowupImportTypes(FollowupRepository repository, FollowupHistory history, NamedParameterJdbcTemplate jdbc,
                        Catalogue catalogue, Pseudonymiser pseudonymiser, Organisation organisation, AuditTrail audit,
                        ClusterLocks locks, Clock clock, ChangedClients changed, javax.sql.DataSource dataSource) {
        this.dataSource = dataSource;
        this.repository = repository;
        this.history = history;
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.pseudonymiser = pseudonymiser;
        this.organisation = organisation;
        this.audit = audit;
        this.locks = locks;
        this.clock = clock;
        this.changed = changed;
    }

    /**
     * Whether the database is PostgreSQL (asked once, from the connection's metadata): there the
     * measurement import stores through {@code COPY} and set-based merging; elsewhere (H2) through
     * batch statements.
     */
    private boolean onPostgres() {
        Boolean known = postgres;
        if (known == null) {
            try {
                known = "PostgreSQL".equals(org.springframework.jdbc.support.JdbcUtils.extractDatabaseMetaData(
                        dataSource, java.sql.DatabaseMetaData::getDatabaseProductName));
            } catch (org.springframework.jdbc.support.MetaDataAccessException e) {
                throw new IllegalStateException("Cannot tell the database product", e);
            }
            postgres = known;
        }
        return known;
    }

    /** The steps of one import of {@code type} by {@code actor} into their own {@code unit}. */
    ImportSteps<?> steps(Actor actor, Unit unit, ImportType type) {
        FollowupRowRule rule = new FollowupRowRule(type, unit, SwedishTime.today(clock), organisation,
                pseudonymiser, catalogue);
        FollowupRowStore store = new FollowupRowStore(type, actor.username(), repository, history, jdbc, clock,
                onPostgres() ? dataSource : null);
        return new FollowupImportRun(actor, unit, type, rule, store, organisation, audit, locks, changed);
    }
}
