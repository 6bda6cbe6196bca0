package se.samsyn.followup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditOutcome;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.followup.FollowupRecords.Instrument;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Scope;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import se.samsyn.shared.SwedishTime;

/**
 * Bulk import from case-management systems, CSV or a JSON array, all-or-nothing per file. Rows
 * are read as a stream and written in batches inside one transaction, which is rolled back when
 * any row is bad or the import is a dry run; memory stays bounded by the batch and the client
 * cache, not by the file. A row that is already stored counts as unchanged.
 */
@Service
public class FollowupImport {

    public static final int MAX_LISTED_ERRORS = 10_000;
    static final int BATCH = 5_000;
    /** Marks a pending row whose client is created with the next batch. */
    private static final String PSEUDONYM_KEY = "pendingClient";
    /** Rows are read one object at a time from the array, so the rest of the array is expected. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    /** The formats an import accepts. */
    public enum Format { CSV, JSON }

    private final FollowupRepository repository;
    private final Catalogue catalogue;
    private final Pseudonymiser pseudonymiser;
    private final Organisation organisation;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    FollowupImport(FollowupRepository repository, Catalogue catalogue, Pseudonymiser pseudonymiser,
                   Organisation organisation, AuditTrail audit, TransactionTemplate transactions, Clock clock,
                   org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.catalogue = catalogue;
        this.pseudonymiser = pseudonymiser;
        this.organisation = organisation;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    public ImportResult run(Actor actor, ImportType type, Format format, InputStream content, boolean dryRun) {
        String ownUnit = FollowupAccess.unitOf(actor);
        Unit unit = organisation.unit(ownUnit).orElseThrow();
        ImportResult result = transactions.execute(tx -> {
            Run run = new Run(actor, type);
            if (format == Format.CSV) {
                run.csv(content);
            } else {
                run.json(content);
            }
            run.flush();
            boolean rejected = run.errorCount > 0;
            if (rejected || dryRun) {
                tx.setRollbackOnly();
            } else {
                recordAudit(actor, unit, type, run, AuditOutcome.SUCCESS);
                if (run.inserted > 0) {
                    events.publishEvent(new FollowupDataChanged(unit.municipalityCode()));
                }
            }
            String status = rejected ? "rejected" : dryRun ? "valid" : "imported";
            long imported = rejected || dryRun ? 0 : run.inserted;
            long unchanged = rejected ? 0 : run.rows - run.errorCount - run.inserted;
            if (dryRun && !rejected) {
                // a dry run reports what would be new
                imported = run.inserted;
            }
            return new ImportResult(status, run.rows, rejected ? 0 : imported, unchanged, run.errors, run.errorCount);
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

    private void recordAudit(Actor actor, Unit unit, ImportType type, Run run, AuditOutcome outcome) {
        audit.record(AuditRecord.of("IMPORT_IMPORTED", AuditCategory.INDIVIDUAL_WRITE).actor(actor).outcome(outcome)
                .object("import", type.code()).municipality(unit.municipalityCode())
                .county(organisation.countyOf(Scope.municipality(unit.municipalityCode())).orElse(null))
                .unit(unit.code())
                .details("rows=" + run.rows + "; new=" + run.inserted + "; clients=" + run.clientsTouched.size()
                        + "; clientIds=" + run.clientsTouched.stream().limit(200).map(String::valueOf)
                        .collect(Collectors.joining(",")) + (run.clientsTouched.size() > 200 ? ",…" : ""))
                .build());
    }

    /** A client that a pending row names and that is created, if it is new, with the next batch. */
    private record NewClient(Unit unit, String pseudonym, int birthYear, String sex) {
    }

    /** One import in progress: its counters, its pending batch and its caches. */
    private final class Run {
        private final Actor actor;
        private final ImportType type;
        private final String ownUnit;
        private final LocalDate today;
        private final Map<String, Optional<Unit>> units = new HashMap<>();
        private final Map<String, Long> clients = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > 200_000;
            }
        };
        private final Set<Long> clientsTouched = new java.util.TreeSet<>();
        private final Map<String, Instrument> instruments = new HashMap<>();
        private final Set<String> interventionCodes;
        private final List<MapSqlParameterSource> pending = new ArrayList<>(BATCH);
        private final Map<String, NewClient> unresolved = new HashMap<>();
        private final List<ImportResult.RowError> errors = new ArrayList<>();
        private long rows;
        private long inserted;
        private long errorCount;

        Run(Actor actor, ImportType type) {
            this.actor = actor;
            this.type = type;
            this.ownUnit = actor.scope().code();
            this.today = SwedishTime.today(clock);
            catalogue.instruments().forEach(i -> instruments.put(i.code(), i));
            this.interventionCodes = catalogue.interventions().stream()
                    .map(FollowupRecords.InterventionType::code).collect(Collectors.toSet());
        }

        void csv(InputStream content) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true).setTrim(true).get();
            try (CSVParser parser = CSVParser.parse(reader, format)) {
                List<String> header = parser.getHeaderNames().stream()
                        .map(h -> h.startsWith("\uFEFF") ? h.substring(1) : h).toList();
                if (!header.equals(type.columns())) {
                    error(1, null, "import.error.header");
                    return;
                }
                for (CSVRecord record : parser) {
                    Map<String, String> values = new HashMap<>();
                    for (int i = 0; i < header.size(); i++) {
                        values.put(header.get(i), i < record.size() ? record.get(i) : "");
                    }
                    row(record.getRecordNumber() + 1, values);
                }
            } catch (IOException | UncheckedIOException | IllegalStateException e) {
                error(rows + 2, null, e.getCause() instanceof java.nio.charset.CharacterCodingException
                        || e instanceof java.nio.charset.CharacterCodingException ? "import.error.encoding" : "import.error.malformed");
            }
        }

        void json(InputStream content) {
            try (JsonParser parser = JSON.createParser(content)) {
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    error(0, null, "import.error.json-array");
                    return;
                }
                long number = 0;
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    number++;
                    JsonNode node = JSON.readTree(parser);
                    Map<String, String> values = new HashMap<>();
                    for (String column : type.columns()) {
                        JsonNode v = node.get(column);
                        values.put(column, v == null || v.isNull() ? "" : v.asString());
                    }
                    row(number, values);
                }
            } catch (JacksonException e) {
                error(rows + 1, null, "import.error.malformed");
            }
        }

        private void row(long number, Map<String, String> v) {
            rows++;
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
            Long client = clients.get(unit.get().code() + "|" + pseudonym);
            if (client != null) {
                values.addValue("client", client);
            } else {
                unresolved.putIfAbsent(unit.get().code() + "|" + pseudonym, new NewClient(unit.get(), pseudonym,
                        pnr.birthYear(), pnr.legalSex().code()));
                values.addValue(PSEUDONYM_KEY, unit.get().code() + "|" + pseudonym);
            }
            pending.add(values);
            if (pending.size() >= BATCH) {
                flush();
            }
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
            Integer level = integer(v.get("level"));
            report(number, FollowupChecks.level(level));
            String goal = v.get("goal") == null || v.get("goal").isBlank() ? null : v.get("goal");
            report(number, FollowupChecks.goal(goal));
            return new MapSqlParameterSource().addValue("assessedOn", assessed)
                    .addValue("lifeArea", area.map(LifeArea::code).orElse(null)).addValue("level", level)
                    .addValue("goal", goal);
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
            Double score = decimal(v.get("score"));
            if (instrument != null) {
                report(number, FollowupChecks.score(score, instrument));
            }
            return new MapSqlParameterSource().addValue("instrument", v.get("instrument_code"))
                    .addValue("measuredOn", measured).addValue("timePoint", point.map(TimePoint::code).orElse(null))
                    .addValue("score", score).addValue("answers", null);
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
            resolveClients();
            for (MapSqlParameterSource row : pending) {
                clientsTouched.add((Long) row.getValue("client"));
            }
            inserted += repository.insertBatch(insertSql(), pending);
            pending.clear();
        }

        private String insertSql() {
            return switch (type) {
                case EPISODES -> FollowupRepository.INSERT_EPISODE;
                case NEEDS -> FollowupRepository.INSERT_NEED;
                case INTERVENTIONS -> FollowupRepository.INSERT_INTERVENTION;
                case MEASUREMENTS -> FollowupRepository.INSERT_MEASUREMENT;
            };
        }

        private LocalDate date(long number, String field, String value, boolean required) {
            if (value == null || value.isBlank()) {
                if (required) {
                    error(number, field, "followup.error.date-missing");
                }
                return null;
            }
            try {
                return LocalDate.parse(value.trim());
            } catch (DateTimeParseException e) {
                error(number, field, "import.error.date-format");
                return null;
            }
        }

        private void report(long number, FollowupChecks.Problem problem) {
            if (problem != null) {
                error(number, problem.field(), problem.messageKey());
            }
        }

        private void error(long number, String field, String key) {
            errorCount++;
            if (errors.size() < MAX_LISTED_ERRORS) {
                errors.add(new ImportResult.RowError(number, field, key));
            }
        }

        private Integer integer(String value) {
            try {
                return value == null ? null : Integer.valueOf(value.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private Double decimal(String value) {
            try {
                return value == null || value.isBlank() ? null : Double.valueOf(value.trim().replace(',', '.'));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /** Reads an upload's format from its content type: JSON for application/json, CSV otherwise. */
    public static Format formatOf(String contentType, String fileName) {
        boolean json = (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("json"))
                || (fileName != null && fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".json"));
        return json ? Format.JSON : Format.CSV;
    }

}
