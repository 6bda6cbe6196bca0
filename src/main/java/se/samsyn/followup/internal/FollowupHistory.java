package se.samsyn.followup.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.samsyn.followup.ChangeSource;
import se.samsyn.followup.HistoryEntry;

/**
 * The kept history of corrections ({@code fup_history}): one row per changed field of a stored
 * episode, need, intervention or measurement, written in the transaction of the change and never
 * updated or deleted.
 */
@Repository
class FollowupHistory {

    /**
     * One changed field. {@code table} is the record type without the {@code fup_} prefix
     * ({@code episode}, {@code need}, {@code intervention}, {@code measurement}); values as text.
     */
    record Change(String municipality, String table, long rowId, long clientId, String field, String oldValue,
                  String newValue) {
    }

    private static final String INSERT = """
            INSERT INTO fup_history (municipality_code, table_name, row_id, client_id, field, old_value, new_value,
                                     changed_by, changed_at, source, reason)
            VALUES (:municipality, :table, :rowId, :clientId, :field, :oldValue, :newValue, :by, :at, :source, :reason)""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    FollowupHistory(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Keeps the given changes, made by {@code by} at {@code at}, in one batch. */
    void record(List<Change> changes, String by, Instant at, ChangeSource source, String reason) {
        if (changes.isEmpty()) {
            return;
        }
        OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        batch.batchUpdate(INSERT, changes.stream().map(c -> new MapSqlParameterSource()
                .addValue("municipality", c.municipality()).addValue("table", c.table()).addValue("rowId", c.rowId())
                .addValue("clientId", c.clientId()).addValue("field", c.field())
                .addValue("oldValue", clip(c.oldValue())).addValue("newValue", clip(c.newValue()))
                .addValue("by", by).addValue("at", when).addValue("source", source.code())
                .addValue("reason", reason)).toArray(MapSqlParameterSource[]::new));
    }

    /** A client's kept changes, newest first. */
    List<HistoryEntry> forClient(long clientId) {
        return jdbc.sql("""
                SELECT table_name, row_id, field, old_value, new_value, changed_by, changed_at, source, reason
                FROM fup_history WHERE client_id = :c ORDER BY changed_at DESC, id DESC""")
                .param("c", clientId)
                .query((rs, n) -> {
                    String source = rs.getString(8);
                    return new HistoryEntry(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant(),
                            Arrays.stream(ChangeSource.values()).filter(s -> s.code().equals(source))
                                    .findFirst().orElseThrow(), rs.getString(9));
                })
                .list();
    }

    private static String clip(String value) {
        return value == null || value.length() <= 200 ? value : value.substring(0, 200);
    }
}
