package se.samsyn.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditEntry;
import se.samsyn.audit.AuditOutcome;
import se.samsyn.audit.AuditQuery;
import se.samsyn.audit.AuditRecord;
import se.samsyn.shared.Scope;
import se.samsyn.shared.SwedishTime;

@Repository
class AuditEventRepository {

    /**
     * The head of the chain: the last row's sequence number and hash, and the first keyed row's
     * sequence number with its HMAC (null until the first keyed row is written).
     */
    record ChainHead(long lastSeq, String lastHash, Long keyedFrom, String keyedFromMac) {
    }

    private static final String COLUMNS = """
            seq, occurred_at, actor, actor_role, actor_scope_type, actor_scope_code, action, category,
            outcome, object_type, object_id, municipality_code, county_code, unit_code, details,
            client_address, previous_hash, hash""";

    /**
     * Rows fetched per round trip when walking the trail. PostgreSQL's driver streams through a
     * cursor only with a fetch size inside a transaction (callers hold a read-only one); without
     * it, the whole result is held in memory.
     */
    static final int FETCH_SIZE = 1000;

    private final JdbcClient jdbc;

    AuditEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ChainHead lockHead() {
        return jdbc.sql("SELECT last_seq, last_hash, keyed_from, keyed_from_mac FROM aud_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> head(rs))
                .single();
    }

    ChainHead readHead() {
        return jdbc.sql("SELECT last_seq, last_hash, keyed_from, keyed_from_mac FROM aud_chain_head WHERE id = 1")
                .query((rs, n) -> head(rs))
                .single();
    }

    private static ChainHead head(ResultSet rs) throws SQLException {
        long keyedFrom = rs.getLong(3);
        Long marker = rs.wasNull() ? null : keyedFrom;
        return new ChainHead(rs.getLong(1), rs.getString(2), marker, rs.getString(4));
    }

    /**
     * Marks the first keyed row, unless a marker exists or the head moved since {@code lastSeq}
     * was read (another instance starting at the same moment); one atomic statement.
     */
    void markKeyedFrom(long lastSeq, long seq, String mac) {
        jdbc.sql("""
                UPDATE aud_chain_head SET keyed_from = :seq, keyed_from_mac = :mac
                WHERE id = 1 AND keyed_from IS NULL AND last_seq = :last
                """)
                .param("seq", seq).param("mac", mac).param("last", lastSeq).update();
    }

    void moveHead(long seq, String hash) {
        jdbc.sql("UPDATE aud_chain_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                .param("seq", seq)
                .param("hash", hash)
                .update();
    }

    void insert(long seq, Instant at, AuditRecord r, String previousHash, String hash, String algorithm) {
        jdbc.sql("""
                INSERT INTO aud_event (seq, occurred_at, actor, actor_role, actor_scope_type, actor_scope_code,
                    action, category, outcome, object_type, object_id, municipality_code, county_code,
                    unit_code, details, client_address, previous_hash, hash, hash_algorithm)
                VALUES (:seq, :at, :actor, :role, :scopeType, :scopeCode, :action, :category, :outcome,
                    :objectType, :objectId, :municipality, :county, :unit, :details, :address, :previous, :hash,
                    :algorithm)
                """)
                .param("algorithm", algorithm)
                .param("seq", seq)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("actor", r.actor())
                .param("role", r.actorDetails() == null ? null : r.actorDetails().role().name())
                .param("scopeType", r.actorDetails() == null ? null : r.actorDetails().scope().type().name())
                .param("scopeCode", r.actorDetails() == null ? null : r.actorDetails().scope().code())
                .param("action", r.action())
                .param("category", r.category().name())
                .param("outcome", r.outcome().name())
                .param("objectType", r.objectType())
                .param("objectId", r.objectId())
                .param("municipality", r.municipalityCode())
                .param("county", r.countyCode())
                .param("unit", r.unitCode())
                .param("details", r.details())
                .param("address", r.clientAddress())
                .param("previous", previousHash)
                .param("hash", hash)
                .update();
    }

    List<AuditEntry> find(AuditQuery query, Scope visibility) {
        Filter filter = Filter.of(query, visibility);
        filter.params.put("limit", query.size());
        filter.params.put("offset", (long) query.page() * query.size());
        return jdbc.sql("SELECT " + COLUMNS + " FROM aud_event" + filter.where
                        + " ORDER BY seq DESC LIMIT :limit OFFSET :offset")
                .params(filter.params)
                .query((rs, n) -> entry(rs))
                .list();
    }

    /**
     * The number of matching rows, counted no further than {@code limit}: the database stops
     * reading after {@code limit} rows, so the cost does not grow with the trail.
     */
    long countUpTo(AuditQuery query, Scope visibility, long limit) {
        Filter filter = Filter.of(query, visibility);
        filter.params.put("countLimit", limit);
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM aud_event" + filter.where
                        + " ORDER BY seq DESC LIMIT :countLimit) counted")
                .params(filter.params)
                .query(Long.class)
                .single();
    }

    /** Every matching row, oldest first, to {@code consumer}, read {@link #FETCH_SIZE} rows at a time. */
    void stream(AuditQuery query, Scope visibility, Consumer<AuditEntry> consumer) {
        Filter filter = Filter.of(query, visibility);
        jdbc.sql("SELECT " + COLUMNS + " FROM aud_event" + filter.where + " ORDER BY seq")
                .withFetchSize(FETCH_SIZE)
                .params(filter.params)
                .query(rs -> {
                    consumer.accept(entry(rs));
                });
    }

    /** Every row with its hash algorithm, in sequence order, read {@link #FETCH_SIZE} rows at a time. */
    void streamForVerification(Consumer<AuditHash.StoredRow> walk) {
        jdbc.sql("SELECT " + COLUMNS + ", hash_algorithm FROM aud_event ORDER BY seq")
                .withFetchSize(FETCH_SIZE)
                .query(rs -> {
                    walk.accept(new AuditHash.StoredRow(rs.getLong("seq"), instant(rs),
                            rs.getString("actor"), rs.getString("actor_role"), rs.getString("actor_scope_type"),
                            rs.getString("actor_scope_code"), rs.getString("action"), rs.getString("category"),
                            rs.getString("outcome"), rs.getString("object_type"), rs.getString("object_id"),
                            rs.getString("municipality_code"), rs.getString("county_code"),
                            rs.getString("unit_code"), rs.getString("details"), rs.getString("client_address"),
                            rs.getString("previous_hash"), rs.getString("hash"), rs.getString("hash_algorithm")));
                });
    }

    private static Instant instant(ResultSet rs) throws SQLException {
        return rs.getObject("occurred_at", OffsetDateTime.class).toInstant();
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        String scopeType = rs.getString("actor_scope_type");
        String scope = scopeType == null ? null
                : scopeType.toLowerCase(java.util.Locale.ROOT) + ":" + rs.getString("actor_scope_code");
        return new AuditEntry(rs.getLong("seq"), instant(rs), rs.getString("actor"), rs.getString("actor_role"),
                scope, rs.getString("action"), AuditCategory.valueOf(rs.getString("category")),
                AuditOutcome.valueOf(rs.getString("outcome")), rs.getString("object_type"),
                rs.getString("object_id"), rs.getString("municipality_code"), rs.getString("county_code"),
                rs.getString("unit_code"), rs.getString("details"));
    }

    /**
     * The WHERE clause is assembled only from the fixed fragments below; every value travels as a
     * named parameter.
     */
    private record Filter(String where, Map<String, Object> params) {

        static Filter of(AuditQuery q, Scope visibility) {
            List<String> clauses = new ArrayList<>();
            Map<String, Object> params = new HashMap<>();
            switch (visibility.type()) {
                case NATION -> { }
                case REGION -> {
                    clauses.add("county_code = :visibleCounty");
                    params.put("visibleCounty", visibility.code());
                }
                case MUNICIPALITY -> {
                    clauses.add("municipality_code = :visibleMunicipality");
                    params.put("visibleMunicipality", visibility.code());
                }
                case UNIT -> {
                    clauses.add("unit_code = :visibleUnit");
                    params.put("visibleUnit", visibility.code());
                }
            }
            if (q.from() != null) {
                clauses.add("occurred_at >= :from");
                params.put("from", SwedishTime.startOfDay(q.from()).atOffset(ZoneOffset.UTC));
            }
            if (q.to() != null) {
                clauses.add("occurred_at < :to");
                params.put("to", SwedishTime.endOfDay(q.to()).atOffset(ZoneOffset.UTC));
            }
            if (q.actor() != null) {
                clauses.add("actor = :actor");
                params.put("actor", q.actor());
            }
            if (q.action() != null) {
                clauses.add("action = :action");
                params.put("action", q.action());
            }
            if (q.category() != null) {
                clauses.add("category = :category");
                params.put("category", q.category().name());
            }
            if (q.municipalityCode() != null) {
                clauses.add("municipality_code = :municipality");
                params.put("municipality", q.municipalityCode());
            }
            String where = clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
            return new Filter(where, params);
        }
    }
}
