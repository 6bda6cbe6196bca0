package se.samsyn.followup.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import se.samsyn.followup.BaselineNeedsConfirmation;
import se.samsyn.followup.ChangeSource;
import se.samsyn.followup.ImportType;
import se.samsyn.imports.ImportSteps;

/**
 * The store step of the follow-up import: creates the clients a batch names that are not stored
 * yet (one batch insert and one look-up per unit), then, per row, inserts a row whose key is not
 * stored, corrects one stored with other values (each earlier value kept in {@code fup_history}
 * with source {@code import}) and leaves one stored with the same values. An empty optional value
 * (end date, end reason, goal, goal status) never clears a stored one; a removed entry stays
 * removed. A new baseline that needs confirmation ({@link BaselineRule}) is a problem of its row. Remembers the clients touched and corrected and the changed fields,
 * for the audit.
 */
final class FollowupRowStore {

    /** At DEBUG, the time each batch took to store, so a batch that slows as the tables grow shows. */
    private static final Logger LOG = LoggerFactory.getLogger(FollowupRowStore.class);

    /** How a stored value is compared with an imported one. */
    private enum Kind { TEXT, DATE, INTEGER, DECIMAL }

    /** A column of a fact table and the parameter that carries its imported value. */
    private record Column(String name, String param, Kind kind) {
    }

    /** Where a type is stored: its table, key, corrigible values and insert statement. */
    private record Shape(String table, String history, List<Column> key, List<Column> values, boolean removable,
                         String insert) {
    }

    private static final Shape EPISODE = new Shape("fup_episode", "episode",
            List.of(new Column("focus_area", "focusArea", Kind.TEXT), new Column("start_date", "startDate", Kind.DATE)),
            List.of(new Column("end_date", "endDate", Kind.DATE)), true, FollowupRepository.INSERT_EPISODE);
    private static final Shape NEED = new Shape("fup_need", "need",
            List.of(new Column("assessed_on", "assessedOn", Kind.DATE), new Column("life_area", "lifeArea", Kind.TEXT)),
            List.of(new Column("level", "level", Kind.INTEGER), new Column("goal", "goal", Kind.TEXT),
                    new Column("goal_status", "goalStatus", Kind.TEXT)), true, """
            INSERT INTO fup_need (municipality_code, client_id, unit_code, assessed_on, life_area, level, goal, goal_status)
            VALUES (:municipality, :client, :unit, :assessedOn, :lifeArea, :level, :goal, :goalStatus)
            ON CONFLICT DO NOTHING""");
    private static final Shape INTERVENTION = new Shape("fup_intervention", "intervention",
            List.of(new Column("intervention_code", "code", Kind.TEXT), new Column("start_date", "startDate", Kind.DATE)),
            List.of(new Column("end_date", "endDate", Kind.DATE), new Column("end_reason", "endReason", Kind.TEXT)),
            true, FollowupRepository.INSERT_INTERVENTION);
    private static final Shape MEASUREMENT = new Shape("fup_measurement", "measurement",
            List.of(new Column("instrument_code", "instrument", Kind.TEXT),
                    new Column("time_point", "timePoint", Kind.TEXT), new Column("measured_on", "measuredOn", Kind.DATE)),
            List.of(new Column("score", "score", Kind.DECIMAL)), true, FollowupRepository.INSERT_MEASUREMENT);

    /** The parameter that carries a checked row's number in the file, for problems found when storing. */
    static final String ROW_NUMBER = "rowNumber";

    /** A stored row of the batch's clients: its id, whether it was removed, and its values as text. */
    private record Stored(long id, boolean removed, Map<String, String> values, String answers) {
    }

    private final Shape shape;
    private final String username;
    private final FollowupRepository repository;
    private final FollowupHistory history;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    /** The COPY path on PostgreSQL for measurements, or null for the batch path (H2, other types). */
    private final StagedMeasurements staged;
    private final Map<String, Long> clients = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > 200_000;
        }
    };
    /**
     * The clients that the current batch's client statement created (COPY path only): they did
     * not exist before it, so no measurement of them is stored and their rows need no probe.
     */
    private Set<Long> createdThisBatch = Set.of();
    final Set<Long> clientsTouched = new TreeSet<>();
    final Set<Long> clientsCorrected = new TreeSet<>();
    final Map<String, Long> changedFields = new TreeMap<>();

    FollowupRowStore(ImportType type, String username, FollowupRepository repository, FollowupHistory history,
                     NamedParameterJdbcTemplate jdbc, Clock clock) {
        this(type, username, repository, history, jdbc, clock, null);
    }

    /**
     * A store step; with a {@code postgres} data source (null elsewhere) a measurement import is
     * stored through {@link StagedMeasurements} ({@code COPY} and set-based merging) instead of
     * batch statements.
     */
    FollowupRowStore(ImportType type, String username, FollowupRepository repository, FollowupHistory history,
                     NamedParameterJdbcTemplate jdbc, Clock clock, javax.sql.DataSource postgres) {
        this.shape = shape(type);
        this.staged = postgres != null && type == ImportType.MEASUREMENTS ? new StagedMeasurements(jdbc, postgres) : null;
        this.username = username;
        this.repository = repository;
        this.history = history;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The key columns of a type, besides the client. */
    static List<String> keyColumns(ImportType type) {
        return shape(type).key().stream().map(Column::name).toList();
    }

    /** The key values of a checked row as text, joined with "|". */
    static String keyOf(ImportType type, MapSqlParameterSource values) {
        return shape(type).key().stream().map(c -> String.valueOf(text(values.getValue(c.param()), c.kind())))
                .collect(Collectors.joining("|"));
    }

    private static Shape shape(ImportType type) {
        return switch (type) {
            case EPISODES -> EPISODE;
            case NEEDS -> NEED;
            case INTERVENTIONS -> INTERVENTION;
            case MEASUREMENTS -> MEASUREMENT;
        };
    }

    /** How many checked rows a batch holds: more on the COPY path, where a batch costs a few statements. */
    int batchSize() {
        return staged == null ? 5_000 : 20_000;
    }

    /** Stores one batch of checked rows, counting created and updated rows. */
    void store(List<ImportedRow> batch, ImportSteps.Tally tally) {
        long start = System.nanoTime();
        storeBatch(batch, tally);
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} batch of {} rows stored in {} ms{}", shape.history(), batch.size(),
                    (System.nanoTime() - start) / 1_000_000, staged == null ? "" : " (" + staged.times.drain() + ")");
        }
    }

    private void storeBatch(List<ImportedRow> batch, ImportSteps.Tally tally) {
        resolveClients(batch);
        List<MapSqlParameterSource> rows = batch.stream().map(ImportedRow::values).toList();
        rows.forEach(row -> clientsTouched.add((Long) row.getValue("client")));
        if (staged != null) {
            storeStaged(rows, tally);
            return;
        }
        Map<String, Stored> stored = stored(rows);
        List<MapSqlParameterSource> inserts = new ArrayList<>();
        List<MapSqlParameterSource> updates = new ArrayList<>();
        List<FollowupHistory.Change> changes = new ArrayList<>();
        for (MapSqlParameterSource row : rows) {
            long client = (Long) row.getValue("client");
            Stored old = stored.get(keyOf(client, row));
            if (old == null) {
                inserts.add(row);
            } else if (!old.removed()) {
                correct(row, client, old, updates, changes);
            }
        }
        if (shape == MEASUREMENT) {
            Map<Long, BaselineNeedsConfirmation> unconfirmed = BaselineRule.unconfirmed(jdbc, inserts, ROW_NUMBER);
            unconfirmed.forEach((row, conflict) -> tally.problem(se.samsyn.imports.FileProblem.of(row, "time_point",
                    BaselineRule.importKey(conflict), conflict.existingOn().toString())));
            if (!unconfirmed.isEmpty()) {
                return;
            }
        }
        tally.created(repository.insertBatch(shape.insert(), inserts));
        if (!updates.isEmpty()) {
            jdbc.batchUpdate(updateSql(), updates.toArray(MapSqlParameterSource[]::new));
            history.record(changes, username, clock.instant(), ChangeSource.IMPORT, null);
            tally.updated(updates.size());
        }
    }

    /**
     * Gives every row its client id, creating the clients the cache does not know with one batch
     * insert and one look-up per unit, instead of two round trips per new client.
     */
    private void resolveClients(List<ImportedRow> batch) {
        // The batch's ids are kept apart from the bounded cache: putting the new clients into the
        // cache may evict one this batch found there a moment before.
        Map<String, Long> ids = new HashMap<>();
        Map<String, ImportedRow> unresolved = new LinkedHashMap<>();
        for (ImportedRow row : batch) {
            String key = row.clientKey();
            Long id = clients.get(key);
            if (id != null) {
                ids.put(key, id);
            } else {
                unresolved.putIfAbsent(key, row);
            }
        }
        createdThisBatch = Set.of();
        if (!unresolved.isEmpty() && staged != null) {
            ImportedRow first = unresolved.values().iterator().next();
            StagedMeasurements.Clients resolved = staged.clients(first.unit().municipalityCode(), first.unit().code(),
                    unresolved.values(), clock.instant());
            resolved.ids().forEach((pseudonym, id) -> ids.put(first.unit().code() + "|" + pseudonym, id));
            createdThisBatch = resolved.created();
        } else if (!unresolved.isEmpty()) {
            List<MapSqlParameterSource> inserts = new ArrayList<>(unresolved.size());
            Map<String, List<ImportedRow>> byUnit = new HashMap<>();
            for (ImportedRow c : unresolved.values()) {
                inserts.add(new MapSqlParameterSource().addValue("municipality", c.unit().municipalityCode())
                        .addValue("unit", c.unit().code()).addValue("pseudonym", c.pseudonym())
                        .addValue("birthYear", c.birthYear()).addValue("sex", c.sex())
                        .addValue("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));
                byUnit.computeIfAbsent(c.unit().code(), u -> new ArrayList<>()).add(c);
            }
            repository.insertBatch(FollowupRepository.INSERT_CLIENT, inserts);
            byUnit.forEach((unitCode, list) -> repository.clientIds(list.get(0).unit().municipalityCode(), unitCode,
                            list.stream().map(ImportedRow::pseudonym).toList())
                    .forEach((pseudonym, id) -> ids.put(unitCode + "|" + pseudonym, id)));
        }
        clients.putAll(ids);
        for (ImportedRow row : batch) {
            row.values().addValue("client", ids.get(row.clientKey()));
        }
    }

    /**
     * The COPY path of {@link #store}. The rows of clients that this batch's client statement
     * created ({@link StagedMeasurements.Clients#created()}) cannot have a stored row: they are
     * copied straight into {@code fup_measurement}. The other rows are staged, the stored rows
     * with their keys are found with one join (removed ones stay removed, others are corrected as
     * on the batch path) and the new ones among them are inserted with one statement. The baseline
     * rule runs on all new rows of the batch (against the stored measurements of the staged rows'
     * clients; a client created now has none) before anything of the batch is inserted.
     */
    private void storeStaged(List<MapSqlParameterSource> rows, ImportSteps.Tally tally) {
        String municipality = (String) rows.get(0).getValue("municipality");
        String unit = (String) rows.get(0).getValue("unit");
        List<MapSqlParameterSource> known = new ArrayList<>();
        List<MapSqlParameterSource> unstored = new ArrayList<>();
        for (MapSqlParameterSource r : rows) {
            (createdThisBatch.contains((Long) r.getValue("client")) ? unstored : known).add(r);
        }
        Set<Long> existing = new java.util.HashSet<>();
        List<MapSqlParameterSource> updates = new ArrayList<>();
        List<FollowupHistory.Change> changes = new ArrayList<>();
        if (!known.isEmpty()) {
            Map<Long, MapSqlParameterSource> byNumber = new HashMap<>();
            known.forEach(r -> byNumber.put((Long) r.getValue(ROW_NUMBER), r));
            staged.load(known);
            staged.matches(municipality, (number, id, client, score, answers, removed) -> {
                existing.add(number);
                if (!removed) {
                    correct(byNumber.get(number), client, new Stored(id, false,
                            Map.of("score", text(score, Kind.DECIMAL)), answers), updates, changes);
                }
            });
        }
        List<MapSqlParameterSource> fresh = rows.stream()
                .filter(r -> !existing.contains((Long) r.getValue(ROW_NUMBER))).toList();
        List<BaselineRule.Row> checked = BaselineRule.rows(fresh, ROW_NUMBER);
        Map<Long, List<BaselineRule.Measured>> before = !BaselineRule.anyUnconfirmedBaseline(checked) ? null
                : known.isEmpty() ? Map.of() : staged.storedForBaselines(municipality);
        long t = System.nanoTime();
        Map<Long, BaselineNeedsConfirmation> unconfirmed = before == null ? Map.of()
                : BaselineRule.unconfirmed(checked, before);
        staged.times.add("baseline-rule", t);
        unconfirmed.forEach((row, conflict) -> tally.problem(se.samsyn.imports.FileProblem.of(row, "time_point",
                BaselineRule.importKey(conflict), conflict.existingOn().toString())));
        if (!unconfirmed.isEmpty()) {
            return;
        }
        if (!known.isEmpty()) {
            tally.created(staged.insertNew(municipality, unit));
        }
        if (!unstored.isEmpty()) {
            tally.created(staged.copyNew(municipality, unit, unstored));
        }
        if (!updates.isEmpty()) {
            t = System.nanoTime();
            jdbc.batchUpdate(updateSql(), updates.toArray(MapSqlParameterSource[]::new));
            history.record(changes, username, clock.instant(), ChangeSource.IMPORT, null);
            tally.updated(updates.size());
            staged.times.add("corrections", t);
        }
    }

    /** Adds an update when the row's non-empty values differ from the stored ones. */
    private void correct(MapSqlParameterSource row, long client, Stored old, List<MapSqlParameterSource> updates,
                         List<FollowupHistory.Change> changes) {
        MapSqlParameterSource update = new MapSqlParameterSource().addValue("id", old.id());
        boolean changed = false;
        String municipality = (String) row.getValue("municipality");
        for (Column c : shape.values()) {
            Object value = row.getValue(c.param());
            String now = text(value, c.kind());
            String before = old.values().get(c.name());
            if (now == null || now.equals(before)) {
                update.addValue(c.param(), before == null ? null : typed(before, c.kind()));
            } else {
                update.addValue(c.param(), value);
                changes.add(new FollowupHistory.Change(municipality, shape.history(), old.id(), client, c.name(),
                        before, now));
                changedFields.merge(c.name(), 1L, Long::sum);
                changed = true;
            }
        }
        if (changed) {
            if (shape == MEASUREMENT && old.answers() != null) {
                changes.add(new FollowupHistory.Change(municipality, shape.history(), old.id(), client, "answers",
                        old.answers(), null));
            }
            updates.add(update);
            clientsCorrected.add(client);
        }
    }

    private String updateSql() {
        String set = shape.values().stream().map(c -> c.name() + " = :" + c.param()).collect(Collectors.joining(", "));
        return "UPDATE " + shape.table() + " SET " + set + (shape == MEASUREMENT ? ", answers = NULL" : "")
                + " WHERE id = :id";
    }

    /** The stored rows of the batch's clients, by client and key, in one query. */
    private Map<String, Stored> stored(List<MapSqlParameterSource> rows) {
        List<Long> ids = rows.stream().map(r -> (Long) r.getValue("client")).distinct().toList();
        List<Column> columns = new ArrayList<>(shape.key());
        columns.addAll(shape.values());
        String sql = "SELECT id, client_id, " + columns.stream().map(Column::name).collect(Collectors.joining(", "))
                + (shape.removable() ? ", removed_at" : "") + (shape == MEASUREMENT ? ", answers" : "")
                + " FROM " + shape.table() + " WHERE municipality_code = :municipality AND client_id IN (:clients)";
        Map<String, Stored> stored = new HashMap<>();
        jdbc.query(sql, new MapSqlParameterSource("municipality", rows.get(0).getValue("municipality"))
                .addValue("clients", ids), (ResultSet rs) -> {
                    Map<String, String> values = new HashMap<>();
                    StringBuilder key = new StringBuilder().append(rs.getLong("client_id"));
                    for (Column c : shape.key()) {
                        key.append('|').append(column(rs, c));
                    }
                    for (Column c : shape.values()) {
                        values.put(c.name(), column(rs, c));
                    }
                    stored.put(key.toString(), new Stored(rs.getLong("id"),
                            shape.removable() && rs.getObject("removed_at") != null, values,
                            shape == MEASUREMENT ? rs.getString("answers") : null));
                });
        return stored;
    }

    private String keyOf(long client, MapSqlParameterSource row) {
        StringBuilder key = new StringBuilder().append(client);
        for (Column c : shape.key()) {
            key.append('|').append(text(row.getValue(c.param()), c.kind()));
        }
        return key.toString();
    }

    /** A value as the text compared and kept in the history: ISO dates, plain numbers; null for none. */
    private static String text(Object value, Kind kind) {
        if (value == null) {
            return null;
        }
        return kind == Kind.DECIMAL
                ? BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString()
                : value.toString();
    }

    private static Object typed(String text, Kind kind) {
        return switch (kind) {
            case TEXT -> text;
            case DATE -> LocalDate.parse(text);
            case INTEGER -> Integer.valueOf(text);
            case DECIMAL -> Double.valueOf(text);
        };
    }

    private static String column(ResultSet rs, Column c) throws SQLException {
        return switch (c.kind()) {
            case DATE -> {
                LocalDate d = rs.getObject(c.name(), LocalDate.class);
                yield d == null ? null : d.toString();
            }
            case DECIMAL -> {
                double d = rs.getDouble(c.name());
                yield rs.wasNull() ? null : text(d, Kind.DECIMAL);
            }
            default -> rs.getString(c.name());
        };
    }
}
