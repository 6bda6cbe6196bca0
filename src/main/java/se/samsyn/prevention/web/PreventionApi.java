package se.samsyn.prevention.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import se.samsyn.imports.ImportAnswer;
import se.samsyn.imports.ImportReport;
import se.samsyn.imports.TabularFile;
import se.samsyn.prevention.Activity;
import se.samsyn.prevention.ActivityCatalogue;
import se.samsyn.prevention.ActivityDraft;
import se.samsyn.prevention.ActivityKind;
import se.samsyn.prevention.BalanceRow;
import se.samsyn.prevention.OutcomeSummary;
import se.samsyn.prevention.PreventionFigures;
import se.samsyn.prevention.PreventiveActivities;
import se.samsyn.prevention.Questionnaire;
import se.samsyn.prevention.ReachRow;
import se.samsyn.prevention.ReachSummary;
import se.samsyn.shared.Actor;

/**
 * The preventive-work API, for a case-management or activity system and for analysts: the kind
 * catalogue, a unit's activities, their monthly reach by sex and age band (set per month or
 * imported), anonymous answer pairs and results, and a municipality's balance. The same
 * permissions and audit as the pages ({@link PreventiveActivities}); counts only, never a person.
 */
@RestController
@Tag(name = "Preventive work", description = "Preventive activities without individual records: reach, anonymous results, balance")
class PreventionApi {

    private final PreventiveActivities activities;
    private final ActivityCatalogue catalogue;
    private final PreventionFigures figures;
    private final MessageSource messages;

    PreventionApi(PreventiveActivities activities, ActivityCatalogue catalogue, PreventionFigures figures,
                  MessageSource messages) {
        this.activities = activities;
        this.catalogue = catalogue;
        this.figures = figures;
        this.messages = messages;
    }

    /** A new activity as the API takes it; fields as in {@link Activity}, dates as yyyy-MM-dd. */
    record ActivityRequest(@NotBlank(message = "{prevention.api.required}") String unitCode, String district,
                           @NotBlank(message = "{prevention.api.required}") String kindCode,
                           @NotBlank(message = "{prevention.api.required}") String title,
                           @NotBlank(message = "{prevention.api.required}") @Pattern(regexp = "K|M|T",
                                   message = "{prevention.api.sex}") String targetSex,
                           List<String> targetBands, String describedGroup,
                           @Min(value = 1, message = "{prevention.api.count}") Integer estimatedSize,
                           @NotNull(message = "{prevention.api.required}") LocalDate startsOn, LocalDate endsOn,
                           String instrumentCode) {
    }

    /** One sex and age band of a month's reach. */
    record ReachCount(@NotBlank(message = "{prevention.api.required}") @Pattern(regexp = "K|M",
                              message = "{prevention.api.sex}") String sex,
                      @NotBlank(message = "{prevention.api.required}") String ageBand,
                      @Min(value = 0, message = "{prevention.api.count}") int participants,
                      @Min(value = 0, message = "{prevention.api.count}") int contacts) {
    }

    /** One month's reach: a count per sex and age band. */
    record ReachMonth(@NotEmpty(message = "{prevention.api.required}") List<@Valid @NotNull ReachCount> counts) {
    }

    /** An anonymous answer pair: the item answers before and after, in the month of the after answer. */
    record AnswerPair(@NotNull(message = "{prevention.api.required}") YearMonth month,
                      @NotEmpty(message = "{prevention.api.required}") List<@NotNull @Min(value = 0, message = "{prevention.api.answer}")
                              @Max(value = 100, message = "{prevention.api.answer}") Integer> before,
                      @NotEmpty(message = "{prevention.api.required}") List<@NotNull @Min(value = 0, message = "{prevention.api.answer}")
                              @Max(value = 100, message = "{prevention.api.answer}") Integer> after) {
    }

    @GetMapping("/api/v1/prevention/kinds")
    @Operation(summary = "The national catalogue of activity kinds")
    List<ActivityKind> kinds() {
        return catalogue.kinds();
    }

    @GetMapping("/api/v1/prevention/questionnaires")
    @Operation(summary = "The anonymous questionnaires (WHO-5 first)")
    List<Questionnaire> questionnaires() {
        return catalogue.questionnaires();
    }

    @GetMapping("/api/v1/prevention/activities")
    @Operation(summary = "The activities the caller sees, newest first")
    List<Activity> activities() {
        return activities.activities(Actor.current().orElseThrow());
    }

    @PostMapping("/api/v1/prevention/activities")
    @Operation(summary = "Create an activity for one of the caller's units (audited)")
    ResponseEntity<Activity> create(@Valid @RequestBody ActivityRequest r) {
        Activity created = activities.create(Actor.current().orElseThrow(), new ActivityDraft(r.unitCode(), r.district(),
                r.kindCode(), r.title(), r.targetSex(), r.targetBands() == null ? List.of() : r.targetBands(),
                r.describedGroup(), r.estimatedSize(), r.startsOn(), r.endsOn(), r.instrumentCode()));
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    @GetMapping("/api/v1/prevention/activities/{id}")
    @Operation(summary = "One activity")
    Activity activity(@PathVariable long id) {
        return activities.activity(Actor.current().orElseThrow(), id);
    }

    @GetMapping("/api/v1/prevention/activities/{id}/reach")
    @Operation(summary = "The activity's reach: rows, monthly totals and yearly reach per 1,000 of the target group")
    ReachSummary reach(@PathVariable long id) {
        return activities.reach(Actor.current().orElseThrow(), id);
    }

    @PutMapping("/api/v1/prevention/activities/{id}/reach/{month}")
    @Operation(summary = "Set one month's reach (yyyy-MM) for the sexes and bands given; earlier values kept in the history (audited)")
    ResponseEntity<ReachSummary> setReach(@PathVariable long id, @PathVariable YearMonth month,
                                          @Valid @RequestBody ReachMonth body) {
        Actor actor = Actor.current().orElseThrow();
        activities.recordReach(actor, id, month, body.counts().stream()
                .map(c -> new ReachRow(month, c.sex(), c.ageBand(), c.participants(), c.contacts())).toList());
        return ResponseEntity.ok(activities.reach(actor, id));
    }

    @PostMapping("/api/v1/prevention/activities/{id}/reach/imports")
    @Operation(summary = "Import reach rows, all-or-nothing",
            description = "CSV (text/csv, UTF-8, header row) or a JSON array with the columns month (yyyy-MM), sex "
                    + "(K, M), age_band, participants, contacts; a multipart part named 'file' also works. Every bad "
                    + "row is listed and nothing is stored unless all are valid; a file with a column or value that "
                    + "could identify a person is refused whole. dryRun=true stores nothing.")
    ResponseEntity<ImportAnswer> importReach(@PathVariable long id, @RequestParam(defaultValue = "false") boolean dryRun,
                                           HttpServletRequest request, Locale locale) throws IOException {
        Actor actor = Actor.current().orElseThrow();
        ImportReport r;
        if (request instanceof MultipartHttpServletRequest multipart && multipart.getFile("file") != null) {
            MultipartFile file = multipart.getFile("file");
            try (InputStream in = file.getInputStream()) {
                r = activities.importReach(actor, id, in, TabularFile.formatOf(file.getContentType(),
                        file.getOriginalFilename()), dryRun);
            }
        } else {
            try (InputStream in = request.getInputStream()) {
                r = activities.importReach(actor, id, in, TabularFile.formatOf(request.getContentType(), null), dryRun);
            }
        }
        return ResponseEntity.status(r.rejected() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
                .body(ImportAnswer.of(r, messages, locale));
    }

    @PostMapping("/api/v1/prevention/activities/{id}/answers")
    @Operation(summary = "Record one anonymous answer pair; only the two scores are stored (audited without them)")
    ResponseEntity<Void> answer(@PathVariable long id, @Valid @RequestBody AnswerPair pair) {
        activities.recordAnswers(Actor.current().orElseThrow(), id, pair.month(), pair.before(), pair.after());
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @GetMapping("/api/v1/prevention/activities/{id}/outcome")
    @Operation(summary = "The activity's anonymous result, withheld under five answer pairs; empty when it collects none")
    ResponseEntity<OutcomeSummary> outcome(@PathVariable long id) {
        OutcomeSummary outcome = activities.outcome(Actor.current().orElseThrow(), id);
        return outcome == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(outcome);
    }

    @GetMapping("/api/v1/prevention/municipalities/{code}/balance")
    @Operation(summary = "Per year and focus area: clients in casework beside persons reached by preventive work (1-4 withheld)")
    List<BalanceRow> balance(@PathVariable String code, @RequestParam(defaultValue = "5") int years) {
        return figures.balance(Actor.current().orElseThrow(), code, Math.min(10, Math.max(2, years)));
    }
}
