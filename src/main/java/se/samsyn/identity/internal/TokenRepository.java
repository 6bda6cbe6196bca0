package se.samsyn.identity.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class TokenRepository {

    record StoredToken(long id, long userId, String name, String prefix, Instant createdAt, Instant expiresAt,
                       Instant revokedAt, Instant lastUsedAt) {
    }

    private static final String COLUMNS = "id, user_id, name, token_prefix, created_at, expires_at, revoked_at, last_used_at";

    private final JdbcClient jdbc;

    TokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long userId, String name, String prefix, String hash, Instant createdAt, Instant expiresAt) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO idn_api_token (user_id, name, token_prefix, token_hash, created_at, expires_at)
                VALUES (:user, :name, :prefix, :hash, :created, :expires)
                """)
                .param("user", userId)
                .param("name", name)
                .param("prefix", prefix)
                .param("hash", hash)
                .param("created", utc(createdAt))
                .param("expires", utc(expiresAt))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    List<StoredToken> forUser(long userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM idn_api_token WHERE user_id = :user ORDER BY id DESC")
                .param("user", userId)
                .query((rs, n) -> token(rs))
                .list();
    }

    Optional<StoredToken> byHash(String hash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM idn_api_token WHERE token_hash = :hash")
                .param("hash", hash)
                .query((rs, n) -> token(rs))
                .optional();
    }

    Optional<StoredToken> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM idn_api_token WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> token(rs))
                .optional();
    }

    void revoke(long id, Instant at) {
        jdbc.sql("UPDATE idn_api_token SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                .param("at", utc(at)).param("id", id).update();
    }

    void touch(long id, Instant at) {
        jdbc.sql("UPDATE idn_api_token SET last_used_at = :at WHERE id = :id")
                .param("at", utc(at)).param("id", id).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static StoredToken token(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StoredToken(rs.getLong("id"), rs.getLong("user_id"), rs.getString("name"),
                rs.getString("token_prefix"), instant(rs.getObject("created_at", OffsetDateTime.class)),
                instant(rs.getObject("expires_at", OffsetDateTime.class)),
                instant(rs.getObject("revoked_at", OffsetDateTime.class)),
                instant(rs.getObject("last_used_at", OffsetDateTime.class)));
    }
}
