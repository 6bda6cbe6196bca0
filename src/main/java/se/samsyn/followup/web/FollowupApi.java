package se.samsyn.followup.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import se.samsyn.followup.Catalogue;
import se.samsyn.followup.ChangeSource;
import se.samsyn.followup.ClientFile;
import se.samsyn.followup.EndReason;
import se.samsyn.followup.EntryCorrections;
import se.samsyn.followup.HistoryEntry;
import se.samsyn.followup.Instrument;
import se.samsyn.followup.InterventionType;
import se.samsyn.imports.PlainValues;
import se.samsyn.followup.ClientRecords;
import se.samsyn.followup.FollowupImport;
import se.samsyn.followup.FollowupRejected;
import se.samsyn.followup.ImportResult;
import se.samsyn.followup.ImportType;
import se.samsyn.followup.NeedsReport;
import se.samsyn.followup.PublishedCounts;
import se.samsyn.followup.OutcomeReport;
import se.samsyn.followup.OutcomeReports;
import se.samsyn.followup.TimePoint;
import se.samsyn.shared.Actor;
import se.samsyn.shared.ScopeType;

/** The follow-up API: bulk import, client look-up and file, corrections and history, reports and the catalogue. */
@RestController
@Tag(name = "Follow-up", description = "Systematic follow-up of needs, interventions and outcomes")
class FollowupApi {

    private final FollowupImport importer;
    private final ClientRecords records;
    private final OutcomeReports reports;
    private final Catalogue catalogue;
    private final MessageSource messages;
    private final EntryCorrections corrections;
    private final Clock clock;

    private final PublishedCounts published;

    FollowupApi(FollowupImport importer, ClientRecords records, OutcomeReports reports, Catalogue catalogue,
                MessageSource messages, EntryCorrections corrections, Clock clock, PublishedCounts published) {
        this.published = published;
        this.corrections = corrections;
        this.clock = clock;
        this.importer = importer;
        this.records = records;
        this.reports = reports;
        this.catalogue = catalogue;
        this.messages = messages;
    }

    /** A rejected row: its number, the column (or null), the message key and the message in the caller's language. */
    record RowErrorView(long row, String field, String messageKey, List<String> args, String message) {
    }

    /** An import's outcome, as {@link ImportResult} with each error's message formatted. */
    record ImportView(String status, long rows, long imported, long updated, long unchanged, long errorCount,
                      List<RowErrorView> errors) {
    }

    @PostMapping("/api/v1/followup/imports")
    @Operation(summary = "Import episodes, needs, interventions or measurements, all-or-nothing",
            description = "The body is CSV (text/csv, UTF-8, comma, header row) or a JSON array of objects with "
                    + "the same field names; a multipart upload with a part named 'file' also works. Columns for "
                    + "each type are listed in the README. Every bad row is reported; nothing is stored unless "
                    + "every row is valid. A row whose key is stored with other values corrects the stored row "
                    + "(counted as updated, the earlier values kept in the client's history). A new baseline "
                    + "measurement that is the client's second for the instrument, or is dated after a follow-up, "
                    + "is a row error unless the row's optional confirm column says yes (ja, yes, true, 1). "
                    + "With dryRun=true nothing is stored either way.")
    ResponseEntity<ImportView> importFile(
            @Parameter(description = "episodes, needs, interventions or measurements") @RequestParam String type,
            @RequestParam(defaultValue = "false") boolean dryRun, HttpServletRequest request, Locale locale)
            throws IOException {
        ImportType importType = ImportType.fromCode(type)
                .orElseThrow(() -> new FollowupRejected("type", "import.error.type"));
        ImportResult result;
        if (request instanceof MultipartHttpServletRequest multipart && multipart.getFile("file") != null) {
            MultipartFile file = multipart.getFile("file");
            try (InputStream in = file.getInputStream()) {
                result = importer.run(Actor.current().orElseThrow(), importType,
                        FollowupImport.formatOf(file.getContentType(), file.getOriginalFilename()), in, dryRun);
            }
        } else {
            try (InputStream in = request.getInputStream()) {
                result = importer.run(Actor.current().orElseThrow(), importType,
                        FollowupImport.formatOf(request.getContentType(), null), in, dryRun);
            }
        }
        ImportView view = new ImportView(result.status(), result.rows(), result.imported(), result.updated(),
                result.unchanged(), result.errorCount(), result.errors().stream()
                .map(e -> new RowErrorView(e.row(), e.field(), e.messageKey(), e.args(),
                        messages.getMessage(e.messageKey(), e.args().toArray(), e.messageKey(), locale)))
                .toList());
        return ResponseEntity.status("rejected".equals(result.status()) ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
                .body(view);
    }

    record LookupRequest(@NotBlank(message = "{followup.pnr.format}") String personnummer) {
    }

    @PostMapping("/api/v1/followup/clients/lookup")
    @Operation(summary = "Find or create a client of the caller's unit from a personal identity number",
            description = "The number is validated, turned into a keyed pseudonym and never stored.")
    ClientRecords.Lookup lookup(@Valid @RequestBody LookupRequest request) {
        return records.lookup(Actor.current().orElseThrow(), request.personnummer());
    }

    @GetMapping("/api/v1/followup/clients/{id}")
    @Operation(summary = "A client's file: episodes, needs, interventions and measurements (own unit only)")
    ClientFile client(@PathVariable long id) {
        return records.file(Actor.current().orElseThrow(), id);
    }

    /**
     * A measurement to record: item {@code answers} in item order ({@code null} for an unanswered
     * item), or a {@code score} in the instrument's units when there are no answers; {@code confirm}
     * stores a second or late baseline.
     */
    record MeasurementRequest(String instrumentCode, LocalDate measuredOn, String timePoint, Double score,
                              List<Integer> answers, Boolean confirm) {
    }

    /** The stored measurement's score, in the instrument's units. */
    record MeasurementView(String instrumentCode, LocalDate measuredOn, String timePoint, double score) {
    }

    @PostMapping("/api/v1/followup/clients/{id}/measurements")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a measurement for a client of the caller's unit",
            description = "answers: one per item in item order, null for an unanswered item; or score without "
                    + "answers. Unanswered items give 422 with code 'items-unanswered' and the item numbers in "
                    + "'items'. A second baseline for the instrument, or a baseline dated after a follow-up, gives "
                    + "409 with code 'baseline-needs-confirmation' and stores nothing, unless confirm=true is sent "
                    + "(in the body or as a query parameter).")
    MeasurementView addMeasurement(@PathVariable long id, @RequestBody MeasurementRequest request,
                                   @RequestParam(defaultValue = "false") boolean confirm) {
        TimePoint timePoint = request.timePoint() == null ? null : TimePoint.fromCode(request.timePoint())
                .orElseThrow(() -> new FollowupRejected("time_point", "followup.error.time-point"));
        boolean confirmed = confirm || Boolean.TRUE.equals(request.confirm());
        double score = records.addMeasurement(Actor.current().orElseThrow(), id, request.instrumentCode(),
                request.measuredOn(), timePoint, request.score(), request.answers(), confirmed);
        return new MeasurementView(request.instrumentCode(), request.measuredOn(), timePoint.code(), score);
    }

    /**
     * A correction of an episode or intervention: dates as {@code yyyy-MM-dd}, the end reason as
     * its code; a field left out (or null) stays as stored.
     */
    record CorrectionRequest(String startDate, String endDate, String endReason) {
    }

    /** How many fields a correction changed (0 when the values were stored already). */
    record CorrectionView(int changedFields) {
    }

    /** Why an entry is removed (required, at most 500 characters). */
    record RemovalRequest(String reason) {
    }

    @RequestMapping(path = "/api/v1/followup/clients/{id}/episodes/{episodeId}",
            method = {RequestMethod.PUT, RequestMethod.PATCH})
    @Operation(summary = "End or correct an episode of a client of the caller's unit",
            description = "Body {startDate, endDate} (yyyy-MM-dd); fields left out stay as stored. The earlier "
                    + "values are kept in the client's history. 404 outside the unit, 422 with the field for bad input.")
    CorrectionView correctEpisode(@PathVariable long id, @PathVariable long episodeId,
                                  @RequestBody CorrectionRequest request) {
        return new CorrectionView(corrections.correctEpisode(Actor.current().orElseThrow(), id, episodeId,
                date("startDate", request.startDate()), date("endDate", request.endDate()), ChangeSource.API));
    }

    @RequestMapping(path = "/api/v1/followup/clients/{id}/interventions/{interventionId}",
            method = {RequestMethod.PUT, RequestMethod.PATCH})
    @Operation(summary = "End or correct an intervention of a client of the caller's unit",
            description = "Body {startDate, endDate, endReason}; fields left out stay as stored; an end date needs "
                    + "an end reason (completed, interrupted-by-client, interrupted-by-service, moved).")
    CorrectionView correctIntervention(@PathVariable long id, @PathVariable long interventionId,
                                       @RequestBody CorrectionRequest request) {
        EndReason reason = null;
        if (request.endReason() != null && !request.endReason().isBlank()) {
            reason = EndReason.fromCode(request.endReason().strip())
                    .orElseThrow(() -> new FollowupRejected("endReason", "followup.error.end-reason-unknown"));
        }
        return new CorrectionView(corrections.correctIntervention(Actor.current().orElseThrow(), id, interventionId,
                date("startDate", request.startDate()), date("endDate", request.endDate()), reason, ChangeSource.API));
    }

    /**
     * A correction of a need: the level 0–4 and the goal (at most 100 characters); a field left
     * out (or null, or a blank goal) stays as stored.
     */
    record NeedCorrectionRequest(Integer level, String goal) {
    }

    /** A correction of a measurement's score, in the instrument's units (WHO-5: 0–100). */
    record ScoreCorrectionRequest(Double score) {
    }

    @RequestMapping(path = "/api/v1/followup/clients/{id}/needs/{needId}",
            method = {RequestMethod.PUT, RequestMethod.PATCH})
    @Operation(summary = "Correct a need of a client of the caller's unit",
            description = "Body {level, goal}; fields left out stay as stored. The earlier values are kept in the "
                    + "client's history. 404 outside the unit, 422 with the field for bad input.")
    CorrectionView correctNeed(@PathVariable long id, @PathVariable long needId,
                               @RequestBody NeedCorrectionRequest request) {
        return new CorrectionView(corrections.correctNeed(Actor.current().orElseThrow(), id, needId,
                request.level(), request.goal(), ChangeSource.API));
    }

    @RequestMapping(path = "/api/v1/followup/clients/{id}/measurements/{measurementId}",
            method = {RequestMethod.PUT, RequestMethod.PATCH})
    @Operation(summary = "Correct a wrongly entered score of a client of the caller's unit",
            description = "Body {score} in the instrument's units, within its scale. The earlier score (and the item "
                    + "answers it was scored from, which are cleared) is kept in the client's history; reports show "
                    + "the new score. 404 outside the unit, 422 with the field for bad input.")
    CorrectionView correctMeasurement(@PathVariable long id, @PathVariable long measurementId,
                                      @RequestBody ScoreCorrectionRequest request) {
        return new CorrectionView(corrections.correctMeasurement(Actor.current().orElseThrow(), id, measurementId,
                request.score(), ChangeSource.API));
    }

    @DeleteMapping("/api/v1/followup/clients/{id}/{kind:episodes|needs|interventions|measurements}/{entryId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a wrongly entered episode, need, intervention or measurement, with a reason",
            description = "Body {reason} or ?reason= (the query wins). The entry is marked removed: reports and the "
                    + "client file leave it out, the history keeps what it was with the reason. 404 outside the "
                    + "unit or for an entry removed already, 422 with the field 'reason' without a reason.")
    void remove(@PathVariable long id,
                @Parameter(schema = @Schema(allowableValues = {"episodes", "needs", "interventions", "measurements"}))
                @PathVariable String kind, @PathVariable long entryId,
                @RequestParam(required = false) String reason, @RequestBody(required = false) RemovalRequest body) {
        Removal removal = switch (kind) {
            case "episodes" -> corrections::removeEpisode;
            case "needs" -> corrections::removeNeed;
            case "interventions" -> corrections::removeIntervention;
            default -> corrections::removeMeasurement;
        };
        removal.remove(Actor.current().orElseThrow(), id, entryId,
                reason != null ? reason : body == null ? null : body.reason(), ChangeSource.API);
    }

    @GetMapping("/api/v1/followup/clients/{id}/history")
    @Operation(summary = "A client's corrections and removals, newest first (own unit only)")
    List<HistoryEntry> history(@PathVariable long id) {
        return corrections.history(Actor.current().orElseThrow(), id);
    }

    private LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        PlainValues.DateValue value = PlainValues.date(text, LocalDate.now(clock.withZone(se.samsyn.shared.SwedishTime.ZONE)));
        if (value.problem() != null) {
            throw new FollowupRejected(field, value.problem().messageKey());
        }
        return value.date();
    }

    /** One of {@link EntryCorrections}' removals. */
    private interface Removal {
        void remove(Actor actor, long clientId, long entryId, String reason, ChangeSource source);
    }


    @GetMapping("/api/v1/followup/reports/outcomes")
    @Operation(summary = "Outcome report per intervention and sex, suppressed under 5 outside the owning unit",
            description = "level is UNIT, MUNICIPALITY, REGION or NATION with code (unit code, municipality code, "
                    + "county code); both default to the caller's own scope. The period is year (a calendar year) "
                    + "or from and to (yyyy-MM-dd); year wins when both are sent. Outside the owning unit, where "
                    + "small counts are suppressed, only one whole calendar year is answered (year=2025, or "
                    + "from=2025-01-01&to=2025-12-31): any other period gives 422 with field 'from', since two "
                    + "reports over periods that differ a little could be subtracted to reveal hidden counts "
                    + "(ADR 0015). Outside the owning unit the report is the stored one, computed in the "
                    + "background after a change: Last-Modified says when its clients were read. 503 when none is "
                    + "stored yet.")
    ResponseEntity<OutcomeReport> outcomes(@RequestParam(defaultValue = "who5") String instrument,
                           @RequestParam(required = false) Integer year,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                           @RequestParam(required = false) ScopeType level,
                           @RequestParam(required = false) String code) {
        Actor actor = Actor.current().orElseThrow();
        ReportPeriod period = ReportPeriod.of(year, from, to);
        // read before the report, so the figures are at least as fresh as it says
        java.util.Optional<java.time.Instant> asOf = reports.outcomesAsOf();
        OutcomeReport report = reports.outcomes(actor, instrument, period.from(), period.to(),
                ReportScopes.of(actor, level, code));
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (report.asOfLastRefresh()) {
            asOf.ifPresent(answer::lastModified);
        }
        return answer.body(report);
    }

    @GetMapping("/api/v1/followup/reports/needs")
    @Operation(summary = "Needs per life area at the latest assessment, and goal attainment",
            description = "Outside the owning unit the figures are the stored ones, computed in the background after "
                    + "a change: Last-Modified says when their counts were read. 503 when none is stored yet.")
    ResponseEntity<NeedsReport> needs(@RequestParam(required = false) ScopeType level,
                                      @RequestParam(required = false) String code) {
        Actor actor = Actor.current().orElseThrow();
        // read before the report, so the figures are at least as fresh as it says
        java.util.Optional<java.time.Instant> asOf = published.needsAsOf();
        NeedsReport report = reports.needs(actor, ReportScopes.of(actor, level, code));
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (report.suppressionApplies()) {
            asOf.ifPresent(answer::lastModified);
        }
        return answer.body(report);
    }

    @GetMapping("/api/v1/followup/interventions")
    @Operation(summary = "The intervention catalogue")
    List<InterventionType> interventions() {
        return catalogue.interventions();
    }

    @PostMapping("/api/v1/followup/interventions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an intervention to the catalogue (national analysts)")
    InterventionType addIntervention(@Valid @RequestBody InterventionRequest type) {
        return catalogue.addIntervention(Actor.current().orElseThrow(), type.toType());
    }

    @GetMapping("/api/v1/followup/instruments")
    @Operation(summary = "The outcome instruments")
    List<Instrument> instruments() {
        return catalogue.instruments();
    }

    @PostMapping("/api/v1/followup/instruments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Define an instrument (national analysts)")
    Instrument addInstrument(@Valid @RequestBody InstrumentRequest instrument) {
        return catalogue.addInstrument(Actor.current().orElseThrow(), instrument.toInstrument());
    }
}
