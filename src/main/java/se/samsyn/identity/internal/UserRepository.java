package se.samsyn.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;
import se.samsyn.shared.ScopeType;
import se.samsyn.identity.UserAccount;

@Repository
class UserRepository {

    /** An account with the fields that only this module sees. */
    record StoredUser(UserAccount account, String passwordHash, int failedLogins, boolean passwordChangeRequired) {
    }

    private static final String COLUMNS = """
            id, username, password_hash, role, scope_type, scope_code, enabled, failed_logins,
            locked_until, created_at, created_by, password_change_required""";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredUser> findByUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM idn_user WHERE username = :username")
                .param("username", username)
                .query((rs, n) -> stored(rs))
                .optional();
    }

    Optional<StoredUser> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM idn_user WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> stored(rs))
                .optional();
    }

    /**
     * The accounts whose scope is one of {@code within}'s, matching the query, by username:
     * {@code limit} rows from {@code offset}, or every row when {@code limit} is null.
     */
    List<UserAccount> within(ManagedScopes within, se.samsyn.identity.AccountQuery query, Long offset, Integer limit) {
        java.util.Map<String, Object> params = new java.util.HashMap<>(within.params());
        StringBuilder where = new StringBuilder(" WHERE (").append(within.sql()).append(')');
        if (query != null && query.search() != null) {
            where.append(" AND LOWER(username) LIKE :search ESCAPE '\\'");
            params.put("search", "%" + query.search().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        if (query != null && query.role() != null) {
            where.append(" AND role = :role");
            params.put("role", query.role().name());
        }
        String page = "";
        if (limit != null) {
            page = " LIMIT :limit OFFSET :offset";
            params.put("limit", limit);
            params.put("offset", offset);
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM idn_user" + where + " ORDER BY username" + page)
                .params(params)
                .query((rs, n) -> stored(rs).account())
                .list();
    }

    long insert(String username, String passwordHash, Role role, Scope scope, String createdBy, Instant at) {
        return insert(username, passwordHash, role, scope, createdBy, at, false);
    }

    /** Inserts an account; a taken username raises {@link org.springframework.dao.DuplicateKeyException}. */
    long insert(String username, String passwordHash, Role role, Scope scope, String createdBy, Instant at,
                boolean passwordChangeRequired) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO idn_user (username, password_hash, role, scope_type, scope_code, enabled,
                                      failed_logins, created_at, created_by, password_change_required)
                VALUES (:username, :hash, :role, :scopeType, :scopeCode, TRUE, 0, :at, :by, :changeRequired)
                """)
                .param("changeRequired", passwordChangeRequired)
                .param("username", username)
                .param("hash", passwordHash)
                .param("role", role.name())
                .param("scopeType", scope.type().name())
                .param("scopeCode", scope.code())
                .param("at", utc(at))
                .param("by", createdBy)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void update(long id, Role role, Scope scope, boolean enabled) {
        jdbc.sql("""
                UPDATE idn_user SET role = :role, scope_type = :scopeType, scope_code = :scopeCode, enabled = :enabled
                WHERE id = :id
                """)
                .param("role", role.name())
                .param("scopeType", scope.type().name())
                .param("scopeCode", scope.code())
                .param("enabled", enabled)
                .param("id", id)
                .update();
    }

    void setPassword(long id, String hash) {
        jdbc.sql("UPDATE idn_user SET password_hash = :hash WHERE id = :id")
                .param("hash", hash).param("id", id).update();
    }

    /** Sets a password the account holder chose, which also ends a required change. */
    void setOwnPassword(long id, String hash) {
        jdbc.sql("UPDATE idn_user SET password_hash = :hash, password_change_required = FALSE WHERE id = :id")
                .param("hash", hash).param("id", id).update();
    }

    void requirePasswordChange(long id) {
        jdbc.sql("UPDATE idn_user SET password_change_required = TRUE WHERE id = :id").param("id", id).update();
    }

    /** Whether an enabled account has the administrator role with the nation as its scope. */
    boolean activeNationalAdministratorExists() {
        return jdbc.sql("""
                SELECT COUNT(*) FROM idn_user
                WHERE role = 'ADMINISTRATOR' AND scope_type = 'NATION' AND enabled = TRUE
                """).query(Integer.class).single() > 0;
    }

    /**
     * Reserves one password check for a login attempt, atomically in one statement (issue 12 point
     * 4): the failure count goes up by one before the password is checked, but only while the
     * account is enabled, not locked, and under {@code max} failures in a row; an expired lock
     * starts a new count at 1. Returns whether the check may run. A success clears the count
     * ({@link #clearFailures}); so however many attempts race, at most {@code max} wrong passwords
     * are checked before the lock.
     */
    boolean reservePasswordCheck(long id, int max, Instant now) {
        return jdbc.sql("""
                UPDATE idn_user
                SET failed_logins = CASE WHEN locked_until IS NOT NULL AND locked_until <= :now THEN 1
                                         ELSE failed_logins + 1 END,
                    locked_until = CASE WHEN locked_until IS NOT NULL AND locked_until <= :now THEN NULL
                                        ELSE locked_until END
                WHERE id = :id AND enabled = TRUE
                  AND ((locked_until IS NULL AND failed_logins < :max) OR locked_until <= :now)
                """)
                .param("id", id).param("max", max).param("now", utc(now))
                .update() == 1;
    }

    /** Gives back a reserved check that never ran (the password checks were saturated). */
    void refundPasswordCheck(long id) {
        jdbc.sql("UPDATE idn_user SET failed_logins = failed_logins - 1 WHERE id = :id AND failed_logins > 0")
                .param("id", id).update();
    }

    /** Locks the account until {@code until} if its failures in a row reached {@code max}; returns whether it did. */
    boolean lockAtLimit(long id, int max, Instant until) {
        return jdbc.sql("""
                UPDATE idn_user SET locked_until = :until
                WHERE id = :id AND failed_logins >= :max AND locked_until IS NULL
                """)
                .param("until", utc(until)).param("id", id).param("max", max).update() == 1;
    }

    void recordFailure(long id, int failedLogins, Instant lockedUntil) {
        jdbc.sql("UPDATE idn_user SET failed_logins = :failed, locked_until = :until WHERE id = :id")
                .param("failed", failedLogins)
                .param("until", lockedUntil == null ? null : utc(lockedUntil))
                .param("id", id)
                .update();
    }

    void clearFailures(long id) {
        jdbc.sql("UPDATE idn_user SET failed_logins = 0, locked_until = NULL WHERE id = :id")
                .param("id", id).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static StoredUser stored(ResultSet rs) throws SQLException {
        OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
        UserAccount account = new UserAccount(rs.getLong("id"), rs.getString("username"),
                Role.valueOf(rs.getString("role")),
                new Scope(ScopeType.valueOf(rs.getString("scope_type")), rs.getString("scope_code")),
                rs.getBoolean("enabled"), locked == null ? null : locked.toInstant(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"));
        return new StoredUser(account, rs.getString("password_hash"), rs.getInt("failed_logins"),
                rs.getBoolean("password_change_required"));
    }
}
