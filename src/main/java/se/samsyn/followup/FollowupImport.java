package se.samsyn.followup;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditOutcome;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.cluster.ClusterLocks;
import se.samsyn.followup.FollowupRecords.Instrument;
import se.samsyn.imports.FileProblem;
import se.samsyn.imports.PlainValues;
import se.samsyn.imports.TabularFile;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Scope;
import se.samsyn.shared.SwedishTime;

/**
 * Bulk import from case-management systems, CSV or a JSON array, all-or-nothing per file. The
 * file is read strictly by {@link TabularFile} (UTF-8 only, header and rows required, the same
 * number of fields in every row, objects only, nothing after the array) and its values by
 * {@link PlainValues} (plain decimals, existing dates from 1900 to a year ahead). Rows are written
 * in batches inside one transaction, which is rolled back when any row is bad or the import is a
 * dry run; memory stays bounded by the batch, the client cache and one 64-bit fingerprint per key.
 *
 * <p>Each type has a key ({@link #keyColumns}): a row whose key is not stored is inserted; a row
 * whose key is stored with other values updates the stored row (counted as {@code updated}; each
 * earlier value kept in {@code fup_history} with source {@code import}, and the change audited);
 * a row whose key is stored with the same values is {@code unchanged}. An empty optional value
 * (end date, end reason, goal, goal status) never clears a stored one. A removed entry stays
 * removed (counted as unchanged). A new baseline needing confirmation is a row error
 * ({@link BaselineRule}). The same key twice in one file is an error on the later row naming the earlier. Imports for one unit run one at a time across all instances
 * ({@link ClusterLocks#holdUntilCommit}), so the same file imported twice at once stores each row once.
 */
@Service
public class FollowupImport {

    public static final int MAX_LISTED_ERRORS = 10_000;
    static final int BATCH = 5_000;
    /** Marks a pending row whose client is created with the next batch. */
    private static final String PSEUDONYM_KEY = "pendingClient";
    /** Marks a pending row with its row number in the file. */
    private static final String ROW_KEY = "rowNumber";

    /** The formats an import accepts. */
    public enum Format { CSV, JSON }

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

    private final FollowupRepository repository;
    private final FollowupHistory history;
    private final NamedParameterJdbcTemplate jdbc;
    private final Catalogue catalogue;
    private final Pseudonymiser pseudonymiser;
    private final Organisation organisation;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final ClusterLocks locks;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    FollowupImport(FollowupRepository repository, FollowupHistory history, NamedParameterJdbcTemplate jdbc,
                   Catalogue catalogue, Pseudonymiser pseudonymiser, Organisation organisation, AuditTrail audit,
                   TransactionTemplate transactions, ClusterLocks locks, Clock clock,
                   org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.history = history;
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.pseudonymiser = pseudonymiser;
        this.organisation = organisation;
        this.audit = audit;
        this.transactions = transactions;
        this.locks = locks;
        this.clock = clock;
    }

    /**
     * The columns that identify a stored row of each type, besides the client (and so the unit):
     * a row with the same key and other values is a correction of that row.
     */
    public static List<String> keyColumns(ImportType type) {
        return shape(type).key().stream().map(Column::name).toList();
    }

    /**
     * Imports one file for the actor's own unit, all-or-nothing.
     *
     * @param content the file, closed at the end
     * @param dryRun  validate and count, then roll back
     * @return the outcome; never throws for a bad file or row
     */
    public ImportResult run(Actor actor, ImportType type, Format format, InputStream content, boolean dryRun) {
        String ownUnit = FollowupAccess.unitOf(actor);
        Unit unit = organisation.unit(ownUnit).orElseThrow();
        ImportResult result = transactions.execute(tx -> {
            locks.holdUntilCommit("followup-import-" + unit.code());
            Run run = new Run(actor, type);
            run.read(content, format);
            run.flush();
            boolean rejected = run.errorCount > 0;
            if (rejected || dryRun) {
                tx.setRollbackOnly();
            } else {
                recordAudit(actor, unit, type, run);
                if (run.inserted > 0 || run.updated > 0) {
                    events.publishEvent(new FollowupDataChanged(unit.municipalityCode()));
                }
            }
            String status = rejected ? "rejected" : dryRun ? "valid" : "imported";
            long unchanged = rejected ? 0 : run.rows - run.errorCount - run.inserted - run.updated;
            return new ImportResult(status, run.rows, rejected ? 0 : run.inserted, rejected ? 0 : run.updated,
                    Math.max(0, unchanged), run.errors, run.errorCount);
        });
        if (!"imported".equals(result.status())) {
            transactions.executeWithoutResult(tx -> audit.record(AuditRecord.of(result.auditAction(),
                            AuditCategory.INDIVIDUAL_WRITE).actor(actor)
                    .outcome("rejected".equals(result.status()) ? AuditOutcome.FAILURE : AuditOutcome.SUCCESS)
                    .object("import", type.code()).municipality(unit.municipalityCode()).unit(unit.code())
                    .details("rows=" + result.rows() + "; errors=" + result.errorCount() + "; stored=0").build()));
        }
        return result;
    }

    private void recordAudit(Actor actor, Unit unit, ImportType type, Run run) {
        String county = organisation.countyOf(Scope.municipality(unit.municipalityCode())).orElse(null);
        audit.record(AuditRecord.of("IMPORT_IMPORTED", AuditCategory.INDIVIDUAL_WRITE).actor(actor)
                .outcome(AuditOutcome.SUCCESS).object("import", type.code()).municipality(unit.municipalityCode())
                .county(county).unit(unit.code())
                .details("rows=" + run.rows + "; new=" + run.inserted + "; updated=" + run.updated
                        + "; clients=" + run.clientsTouched.size() + "; clientIds=" + ids(run.clientsTouched))
                .build());
        if (run.updated > 0) {
            audit.record(AuditRecord.of("IMPORT_CORRECTED", AuditCategory.INDIVIDUAL_WRITE).actor(actor)
                    .outcome(AuditOutcome.SUCCESS).object("import", type.code()).municipality(unit.municipalityCode())
                    .county(county).unit(unit.code())
                    .details("updated=" + run.updated + "; fields=" + run.changedFields
                            + "; clientIds=" + ids(run.clientsCorrected))
                    .build());
        }
    }

    private static String ids(Set<Long> ids) {
        return ids.stream().limit(200).map(String::valueOf).collect(Collectors.joining(","))
                + (ids.size() > 200 ? ",…" : "");
    }

    private static Shape shape(ImportType type) {
        return switch (type) {
            case EPISODES -> EPISODE;
            case NEEDS -> NEED;
            case INTERVENTIONS -> INTERVENTION;
            case MEASUREMENTS -> MEASUREMENT;
        };
    }

    /** A client that a pending row names and that is created, if it is new, with the next batch. */
    private record NewClient(Unit unit, String pseudonym, int birthYear, String sex) {
    }

    /** A stored row of the batch's clients: its id, whether it was removed, and its values as text. */
    private record Stored(long id, boolean removed, Map<String, String> values, String answers) {
    }

    /** One import in progress: its counters, its pending batch and its caches. */
    private final class Run {
        private final Actor actor;
        private final ImportType type;
        private final Shape shape;
        private final String ownUnit;
        private final LocalDate today;
        private final Map<String, Optional<Unit>> units = new HashMap<>();
        private final Map<String, Long> clients = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > 200_000;
            }
        };
        private final Set<Long> clientsTouched = new TreeSet<>();
        private final Set<Long> clientsCorrected = new TreeSet<>();
        private final Map<String, Long> changedFields = new java.util.TreeMap<>();
        /** The first row of each key in the file, by a 64-bit fingerprint of unit, pseudonym and key. */
        private final Map<Long, Long> keys = new HashMap<>();
        private final Map<String, Instrument> instruments = new HashMap<>();
        private final Set<String> interventionCodes;
        private final List<MapSqlParameterSource> pending = new ArrayList<>(BATCH);
        private final Map<String, NewClient> unresolved = new HashMap<>();
        private final List<ImportResult.RowError> errors = new ArrayList<>();
        private final MessageDigest digest;
        private long rows;
        private long inserted;
        private long updated;
        private long errorCount;

        Run(Actor actor, ImportType type) {
            this.actor = actor;
            this.type = type;
            this.shape = shape(type);
            this.ownUnit = actor.scope().code();
            this.today = SwedishTime.today(clock);
            catalogue.instruments().forEach(i -> instruments.put(i.code(), i));
            this.interventionCodes = catalogue.interventions().stream()
                    .map(FollowupRecords.InterventionType::code).collect(Collectors.toSet());
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void read(InputStream content, Format format) {
            BufferedInputStream in = new BufferedInputStream(content, 1 << 16);
            List<String> columns = format == Format.CSV && legacyHeader(in) ? type.legacyColumns() : type.columns();
            TabularFile file = type != ImportType.MEASUREMENTS ? new TabularFile(columns, true)
                    : new TabularFile(BaselineRule.columns(columns), columns);
            rows = file.read(in, format == Format.CSV ? TabularFile.Format.CSV : TabularFile.Format.JSON,
                    this::row, this::problem);
        }

        /** Whether the CSV header is the older one of this type (needs without goal_status). */
        private boolean legacyHeader(BufferedInputStream in) {
            if (type.legacyColumns().equals(type.columns())) {
                return false;
            }
            try {
                in.mark(4096);
                byte[] head = in.readNBytes(4096);
                in.reset();
                String text = new String(head, StandardCharsets.UTF_8);
                int end = text.indexOf('\n');
                String line = (end < 0 ? text : text.substring(0, end)).replace("\uFEFF", "").replace("\"", "").trim();
                List<String> header = Arrays.stream(line.split(",", -1)).map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
                return header.equals(type.legacyColumns());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void problem(FileProblem p) {
            error(p.row(), p.field(), p.messageKey(), p.args());
        }

        private void row(long number, Map<String, String> v) {
            int errorsBefore = (int) errorCount;
            PersonalIdentityNumber pnr = null;
            try {
                pnr = PersonalIdentityNumber.parse(v.get("personnummer"), today);
            } catch (InvalidPersonalIdentityNumber e) {
                error(number, "personnummer", e.messageKey());
            }
            String unitCode = v.get("unit_code");
            Optional<Unit> unit = units.computeIfAbsent(unitCode == null ? "" : unitCode, organisation::unit);
            if (unit.isEmpty()) {
                error(number, "unit_code", "import.error.unit-unknown");
            } else if (!unit.get().code().equals(ownUnit)) {
                error(number, "unit_code", "import.error.unit-scope");
            }
            MapSqlParameterSource values = switch (type) {
                case EPISODES -> episode(number, v);
                case NEEDS -> need(number, v);
                case INTERVENTIONS -> intervention(number, v);
                case MEASUREMENTS -> measurement(number, v);
            };
            if (errorCount > errorsBefore) {
                return;
            }
            values.addValue("municipality", unit.get().municipalityCode()).addValue("unit", unit.get().code());
            String pseudonym = pseudonymiser.pseudonym(pnr);
            String clientKey = unit.get().code() + "|" + pseudonym;
            Long earlier = keys.putIfAbsent(fingerprint(clientKey, values), number);
            if (earlier != null) {
                error(number, null, "import.error.duplicate-key", List.of(String.valueOf(earlier)));
                return;
            }
            Long client = clients.get(clientKey);
            if (client != null) {
                values.addValue("client", client);
            } else {
                unresolved.putIfAbsent(clientKey, new NewClient(unit.get(), pseudonym, pnr.birthYear(),
                        pnr.legalSex().code()));
                values.addValue(PSEUDONYM_KEY, clientKey);
            }
            values.addValue(ROW_KEY, number);
            pending.add(values);
            if (pending.size() >= BATCH) {
                flush();
            }
        }

        private long fingerprint(String clientKey, MapSqlParameterSource values) {
            StringBuilder text = new StringBuilder(clientKey);
            for (Column c : shape.key()) {
                text.append('|').append(text(values.getValue(c.param()), c.kind()));
            }
            byte[] hash = digest.digest(text.toString().getBytes(StandardCharsets.UTF_8));
            long fingerprint = 0;
            for (int i = 0; i < 8; i++) {
                fingerprint = (fingerprint << 8) | (hash[i] & 0xff);
            }
            return fingerprint;
        }

        private MapSqlParameterSource episode(long number, Map<String, String> v) {
            report(number, FollowupChecks.focusArea(v.get("focus_area")));
            LocalDate start = date(number, "start_date", v.get("start_date"), true);
            LocalDate end = date(number, "end_date", v.get("end_date"), false);
            if (start != null) {
                report(number, FollowupChecks.period("start_date", start, "end_date", end, today));
            }
            return new MapSqlParameterSource().addValue("focusArea", v.get("focus_area"))
                    .addValue("startDate", start).addValue("endDate", end);
        }

        private MapSqlParameterSource need(long number, Map<String, String> v) {
            LocalDate assessed = date(number, "assessed_on", v.get("assessed_on"), true);
            if (assessed != null) {
                report(number, FollowupChecks.period("assessed_on", assessed, null, null, today));
            }
            Optional<LifeArea> area = LifeArea.fromCode(v.get("life_area"));
            if (area.isEmpty()) {
                error(number, "life_area", "followup.error.life-area");
            }
            Integer level = PlainValues.integer(v.get("level")).orElse(null);
            report(number, FollowupChecks.level(level));
            String goal = blankToNull(v.get("goal"));
            report(number, FollowupChecks.goal(goal));
            String statusCode = blankToNull(v.get("goal_status"));
            Optional<GoalStatus> status = statusCode == null ? Optional.empty() : GoalStatus.fromCode(statusCode);
            if (statusCode != null && status.isEmpty()) {
                error(number, "goal_status", "followup.error.goal-status-unknown");
            } else if (status.isPresent() && goal == null) {
                error(number, "goal_status", "followup.error.no-goal");
            }
            return new MapSqlParameterSource().addValue("assessedOn", assessed)
                    .addValue("lifeArea", area.map(LifeArea::code).orElse(null)).addValue("level", level)
                    .addValue("goal", goal).addValue("goalStatus", status.map(GoalStatus::code).orElse(null));
        }

        private MapSqlParameterSource intervention(long number, Map<String, String> v) {
            if (!interventionCodes.contains(v.get("intervention_code"))) {
                error(number, "intervention_code", "followup.error.intervention-unknown");
            }
            LocalDate start = date(number, "start_date", v.get("start_date"), true);
            LocalDate end = date(number, "end_date", v.get("end_date"), false);
            if (start != null) {
                report(number, FollowupChecks.period("start_date", start, "end_date", end, today));
            }
            String reasonCode = v.get("end_reason");
            Optional<EndReason> reason = reasonCode == null || reasonCode.isBlank() ? Optional.empty()
                    : EndReason.fromCode(reasonCode);
            if (reasonCode != null && !reasonCode.isBlank() && reason.isEmpty()) {
                error(number, "end_reason", "followup.error.end-reason-unknown");
            } else if (end != null && reason.isEmpty()) {
                error(number, "end_reason", "followup.error.end-reason");
            }
            return new MapSqlParameterSource().addValue("code", v.get("intervention_code"))
                    .addValue("startDate", start).addValue("endDate", end)
                    .addValue("endReason", reason.map(EndReason::code).orElse(null));
        }

        private MapSqlParameterSource measurement(long number, Map<String, String> v) {
            Instrument instrument = instruments.get(v.get("instrument_code"));
            if (instrument == null) {
                error(number, "instrument_code", "followup.error.instrument-unknown");
            }
            LocalDate measured = date(number, "measured_on", v.get("measured_on"), true);
            if (measured != null) {
                report(number, FollowupChecks.period("measured_on", measured, null, null, today));
            }
            Optional<TimePoint> point = TimePoint.fromCode(v.get("time_point"));
            if (point.isEmpty()) {
                error(number, "time_point", "followup.error.time-point");
            }
            report(number, BaselineRule.confirmation(v.get("confirm")));
            String text = v.get("score");
            Double score = null;
            if (text != null && !text.isBlank()) {
                Optional<BigDecimal> plain = PlainValues.decimal(text);
                if (plain.isEmpty()) {
                    error(number, "score", "import.error.number");
                } else {
                    score = plain.get().doubleValue();
                }
            }
            if (instrument != null && (score != null || text == null || text.isBlank())) {
                report(number, FollowupChecks.score(score, instrument));
            }
            return new MapSqlParameterSource().addValue("instrument", v.get("instrument_code"))
                    .addValue("measuredOn", measured).addValue("timePoint", point.map(TimePoint::code).orElse(null))
                    .addValue("score", score).addValue("answers", null)
                    .addValue("confirm", BaselineRule.confirmed(v.get("confirm")));
        }

        /**
         * Creates the clients that the pending rows name but the cache does not know, with one batch
         * insert and one look-up per unit, instead of two round trips per new client.
         */
        private void resolveClients() {
            if (unresolved.isEmpty()) {
                return;
            }
            List<MapSqlParameterSource> inserts = new ArrayList<>(unresolved.size());
            Map<String, List<NewClient>> byUnit = new HashMap<>();
            for (NewClient c : unresolved.values()) {
                inserts.add(new MapSqlParameterSource().addValue("municipality", c.unit().municipalityCode())
                        .addValue("unit", c.unit().code()).addValue("pseudonym", c.pseudonym())
                        .addValue("birthYear", c.birthYear()).addValue("sex", c.sex())
                        .addValue("at", java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC)));
                byUnit.computeIfAbsent(c.unit().code(), u -> new ArrayList<>()).add(c);
            }
            repository.insertBatch(FollowupRepository.INSERT_CLIENT, inserts);
            byUnit.forEach((unitCode, list) -> {
                Unit unit = list.get(0).unit();
                repository.clientIds(unit.municipalityCode(), unitCode, list.stream().map(NewClient::pseudonym).toList())
                        .forEach((pseudonym, id) -> clients.put(unitCode + "|" + pseudonym, id));
            });
            for (MapSqlParameterSource row : pending) {
                if (row.hasValue(PSEUDONYM_KEY)) {
                    row.addValue("client", clients.get((String) row.getValue(PSEUDONYM_KEY)));
                }
            }
            unresolved.clear();
        }

        void flush() {
            if (errorCount > 0) {
                // the file will be rolled back anyway; stop writing and only keep validating
                pending.clear();
                unresolved.clear();
                return;
            }
            if (pending.isEmpty()) {
                return;
            }
            resolveClients();
            for (MapSqlParameterSource row : pending) {
                clientsTouched.add((Long) row.getValue("client"));
            }
            Map<String, Stored> stored = stored();
            List<MapSqlParameterSource> inserts = new ArrayList<>();
            List<MapSqlParameterSource> updates = new ArrayList<>();
            List<FollowupHistory.Change> changes = new ArrayList<>();
            for (MapSqlParameterSource row : pending) {
                long client = (Long) row.getValue("client");
                Stored old = stored.get(keyOf(client, row));
                if (old == null) {
                    inserts.add(row);
                } else if (!old.removed()) {
                    correct(row, client, old, updates, changes);
                }
            }
            if (shape == MEASUREMENT) {
                BaselineRule.unconfirmed(jdbc, inserts, ROW_KEY).forEach((n, c) -> error(n, "time_point",
                        BaselineRule.importKey(c), List.of(c.existingOn().toString())));
            }
            inserted += repository.insertBatch(shape.insert(), inserts);
            if (!updates.isEmpty()) {
                jdbc.batchUpdate(updateSql(), updates.toArray(MapSqlParameterSource[]::new));
                history.record(changes, actor.username(), clock.instant(), ChangeSource.IMPORT, null);
                updated += updates.size();
            }
            pending.clear();
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

        /** The stored rows of the pending rows' clients, by client and key, in one query. */
        private Map<String, Stored> stored() {
            List<Long> ids = pending.stream().map(r -> (Long) r.getValue("client")).distinct().toList();
            List<Column> columns = new ArrayList<>(shape.key());
            columns.addAll(shape.values());
            String sql = "SELECT id, client_id, " + columns.stream().map(Column::name).collect(Collectors.joining(", "))
                    + (shape.removable() ? ", removed_at" : "") + (shape == MEASUREMENT ? ", answers" : "")
                    + " FROM " + shape.table() + " WHERE municipality_code = :municipality AND client_id IN (:clients)";
            Map<String, Stored> stored = new HashMap<>();
            jdbc.query(sql, new MapSqlParameterSource("municipality", pending.get(0).getValue("municipality"))
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

        private LocalDate date(long number, String field, String value, boolean required) {
            if (value == null || value.isBlank()) {
                if (required) {
                    error(number, field, "followup.error.date-missing");
                }
                return null;
            }
            PlainValues.DateValue date = PlainValues.date(value, today);
            if (date.problem() != null) {
                error(number, field, date.problem().messageKey());
            }
            return date.date();
        }

        private void report(long number, FollowupChecks.Problem problem) {
            if (problem != null) {
                error(number, problem.field(), problem.messageKey());
            }
        }

        private void error(long number, String field, String key) {
            error(number, field, key, List.of());
        }

        private void error(long number, String field, String key, List<String> args) {
            errorCount++;
            if (errors.size() < MAX_LISTED_ERRORS) {
                errors.add(new ImportResult.RowError(number, field, key, args));
            }
        }
    }

    /** A value as the text compared and kept in the history: ISO dates, plain numbers; null for none. */
    private static String text(Object value, Kind kind) {
        if (value == null) {
            return null;
        }
        return switch (kind) {
            case DECIMAL -> BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
            default -> value.toString();
        };
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Reads an upload's format from its content type: JSON for application/json, CSV otherwise. */
    public static Format formatOf(String contentType, String fileName) {
        return TabularFile.formatOf(contentType, fileName) == TabularFile.Format.JSON ? Format.JSON : Format.CSV;
    }
}
