package se.samsyn.prevention.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.samsyn.imports.AllowedCode;
import se.samsyn.imports.HeldUploads;
import se.samsyn.imports.ImportReport;
import se.samsyn.imports.ImportTemplate;
import se.samsyn.imports.PlainValues;
import se.samsyn.imports.TabularFile;
import se.samsyn.organisation.Organisation;
import se.samsyn.prevention.Activity;
import se.samsyn.prevention.ActivityCatalogue;
import se.samsyn.prevention.ActivityDraft;
import se.samsyn.prevention.ActivityKind;
import se.samsyn.prevention.ActivityNotFound;
import se.samsyn.prevention.PreventionRejected;
import se.samsyn.prevention.PreventiveActivities;
import se.samsyn.prevention.ReachRow;
import se.samsyn.shared.Actor;
import se.samsyn.shared.ScopeType;
import se.samsyn.shared.SwedishTime;

/**
 * The pages of preventive work: the start page (the activities the reader sees), a new activity,
 * an activity's page (reach per month and year against the target group, the month's reach form,
 * the reach import, the anonymous answers and their result). The services check every permission;
 * what the reader may not see answers 404.
 */
@Controller
class PreventionPages {

    private final PreventiveActivities activities;
    private final ActivityCatalogue catalogue;
    private final Organisation organisation;
    private final HeldUploads held;

    PreventionPages(PreventiveActivities activities, ActivityCatalogue catalogue, Organisation organisation,
                    HeldUploads held) {
        this.activities = activities;
        this.catalogue = catalogue;
        this.organisation = organisation;
        this.held = held;
    }

    @GetMapping("/prevention")
    String start(Model model) {
        Actor actor = Actor.current().orElseThrow();
        model.addAttribute("activities", activities.activities(actor));
        model.addAttribute("kinds", kindsByCode());
        model.addAttribute("mayCreate", !activities.recordingUnits(actor).isEmpty());
        model.addAttribute("balanceMunicipality", balanceMunicipality(actor));
        model.addAttribute("mayKeep", catalogue.mayKeep(actor));
        return "prevention/start";
    }

    /** The municipality whose balance the start page links to: the reader's own, if it has one. */
    private String balanceMunicipality(Actor actor) {
        if (actor.scope().type() == ScopeType.MUNICIPALITY) {
            return actor.scope().code();
        }
        if (actor.scope().type() == ScopeType.UNIT) {
            return organisation.unit(actor.scope().code()).map(u -> u.municipalityCode()).orElse(null);
        }
        return null;
    }

    @GetMapping("/prevention/activities/new")
    String newActivity(Model model) {
        Actor actor = Actor.current().orElseThrow();
        List<String> units = activities.recordingUnits(actor);
        if (units.isEmpty()) {
            throw new ActivityNotFound();
        }
        model.addAttribute("units", units.stream().map(u -> organisation.unit(u).orElseThrow()).toList());
        model.addAttribute("kinds", catalogue.kinds());
        model.addAttribute("questionnaires", catalogue.questionnaires());
        model.addAttribute("bands", ReachRow.AGE_BANDS);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "prevention/new";
    }

    @PostMapping("/prevention/activities")
    String create(@RequestParam MultiValueMap<String, String> form, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = Actor.current().orElseThrow();
        try {
            ActivityDraft draft = new ActivityDraft(form.getFirst("unitCode"), form.getFirst("district"),
                    form.getFirst("kindCode"), form.getFirst("title"), form.getFirst("targetSex"),
                    form.getOrDefault("targetBands", List.of()), form.getFirst("describedGroup"),
                    integer(form.getFirst("estimatedSize"), "estimatedSize", "prevention.error.target-group"),
                    date(form.getFirst("startsOn"), "startsOn"), optionalDate(form.getFirst("endsOn"), "endsOn"),
                    form.getFirst("instrumentCode"));
            Activity created = activities.create(actor, draft);
            redirect.addFlashAttribute("flash", "prevention.flash.created");
            redirect.addFlashAttribute("flashArg", created.title());
            return "redirect:/prevention/activities/" + created.id();
        } catch (PreventionRejected e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("formError", e.messageKey());
            model.addAttribute("formField", e.field());
            model.addAttribute("form", form.toSingleValueMap());
            model.addAttribute("formBands", form.getOrDefault("targetBands", List.of()));
            return newActivity(model);
        }
    }

    @GetMapping("/prevention/activities/{id}")
    String activity(@PathVariable long id, Model model) {
        Actor actor = Actor.current().orElseThrow();
        Activity activity = activities.activity(actor, id);
        model.addAttribute("activity", activity);
        model.addAttribute("kind", catalogue.kind(activity.kindCode()).orElse(null));
        model.addAttribute("unit", organisation.unit(activity.unitCode()).orElse(null));
        model.addAttribute("municipalityName", organisation.municipality(activity.municipalityCode())
                .map(m -> m.name()).orElse(activity.municipalityCode()));
        model.addAttribute("reach", activities.reach(actor, id));
        model.addAttribute("outcome", activities.outcome(actor, id));
        model.addAttribute("questionnaire", activity.instrumentCode() == null ? null
                : catalogue.questionnaire(activity.instrumentCode()).orElse(null));
        model.addAttribute("mayRecord", activities.mayRecord(actor, activity));
        model.addAttribute("formBands", activity.targetBands().isEmpty() ? ReachRow.AGE_BANDS : activity.targetBands());
        model.addAttribute("formSexes", "T".equals(activity.targetSex()) ? ReachRow.SEXES : List.of(activity.targetSex()));
        model.addAttribute("columns", String.join(",", PreventiveActivities.IMPORT_COLUMNS));
        model.addAttribute("codes", importCodes());
        model.addAttribute("heldMinutes", HeldUploads.LIFE.toMinutes());
        if (!model.containsAttribute("month")) {
            model.addAttribute("month", YearMonth.now().minusMonths(1).toString());
        }
        return "prevention/activity";
    }

    @PostMapping("/prevention/activities/{id}/reach")
    String recordReach(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model,
                       HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = Actor.current().orElseThrow();
        try {
            YearMonth month = month(form.getFirst("month"));
            List<ReachRow> rows = new ArrayList<>();
            for (String sex : ReachRow.SEXES) {
                for (int b = 0; b < ReachRow.AGE_BANDS.size(); b++) {
                    String p = form.getFirst("p_" + sex + "_" + b);
                    String c = form.getFirst("c_" + sex + "_" + b);
                    if ((p == null || p.isBlank()) && (c == null || c.isBlank())) {
                        continue;
                    }
                    int participants = integer(blankZero(p), "participants", "prevention.error.participants");
                    int contacts = integer(blankZero(c), "contacts", "prevention.error.contacts");
                    rows.add(new ReachRow(month, sex, ReachRow.AGE_BANDS.get(b), participants, contacts));
                }
            }
            activities.recordReach(actor, id, month, rows);
            redirect.addFlashAttribute("flash", "prevention.flash.reach");
            redirect.addFlashAttribute("flashArg", month.toString());
            return "redirect:/prevention/activities/" + id;
        } catch (PreventionRejected e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("reachError", e.messageKey());
            model.addAttribute("month", form.getFirst("month"));
            return activity(id, model);
        }
    }

    /** The allowed codes of the reach import's coded columns, from the lists the row rule checks. */
    static Map<String, List<AllowedCode>> importCodes() {
        Map<String, List<AllowedCode>> codes = new LinkedHashMap<>();
        codes.put("sex", ReachRow.SEXES.stream().map(s -> AllowedCode.keyed(s, "prevention.sex." + s)).toList());
        codes.put("age_band", ReachRow.AGE_BANDS.stream().map(b -> AllowedCode.keyed(b, "prevention.band." + b)).toList());
        return codes;
    }

    /**
     * The activity's import template: the header row and {@link PreventiveActivities#importExample},
     * as CSV or JSON; 404 when the reader may not see the activity.
     */
    @GetMapping("/prevention/activities/{id}/import/template.{format:csv|json}")
    ResponseEntity<byte[]> importTemplate(@PathVariable long id, @PathVariable String format) {
        Activity activity = activities.activity(Actor.current().orElseThrow(), id);
        List<List<String>> rows = List.of(PreventiveActivities.importExample(activity, LocalDate.now(SwedishTime.ZONE)));
        boolean json = "json".equals(format);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("samsyn-rackvidd-" + id + "." + format).build().toString())
                .contentType(json ? new MediaType("application", "json", StandardCharsets.UTF_8)
                        : new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(json ? ImportTemplate.json(PreventiveActivities.IMPORT_COLUMNS, rows)
                        : ImportTemplate.csv(PreventiveActivities.IMPORT_COLUMNS, rows));
    }

    @PostMapping("/prevention/activities/{id}/import")
    String importReach(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
                       @RequestParam(defaultValue = "false") boolean dryRun, Model model,
                       HttpServletResponse response) throws IOException {
        Actor actor = Actor.current().orElseThrow();
        if (file == null || file.isEmpty()) {
            activities.activity(actor, id);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("uploadError", "import.error.no-file");
            return activity(id, model);
        }
        byte[] content = file.getBytes();
        ImportReport report = runImport(actor, id, file.getContentType(), file.getOriginalFilename(), content, dryRun);
        if (report.rejected()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        if (dryRun && "valid".equals(report.status())) {
            held.hold(actor.username(), importKind(id), file.getOriginalFilename(), file.getContentType(), content)
                    .ifPresent(token -> model.addAttribute("heldToken", token));
        }
        model.addAttribute("result", report);
        model.addAttribute("fileName", file.getOriginalFilename());
        return activity(id, model);
    }

    /** "Importera nu": stores the file held after a good dry run for this activity, without a second upload. */
    @PostMapping("/prevention/activities/{id}/import/held")
    String importHeld(@PathVariable long id, @RequestParam(defaultValue = "") String token, Model model,
                      HttpServletResponse response)
            throws IOException {
        Actor actor = Actor.current().orElseThrow();
        activities.activity(actor, id);
        var file = held.take(token, actor.username(), importKind(id));
        if (file.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("uploadError", "imports.error.held-gone");
            return activity(id, model);
        }
        ImportReport answer = runImport(actor, id, file.get().contentType(), file.get().fileName(),
                file.get().content(), false);
        if (answer.rejected()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        model.addAttribute("result", answer);
        model.addAttribute("fileName", file.get().fileName());
        return activity(id, model);
    }

    private ImportReport runImport(Actor actor, long id, String contentType, String fileName, byte[] content,
                                   boolean dryRun) throws IOException {
        try (InputStream in = new ByteArrayInputStream(content)) {
            return activities.importReach(actor, id, in, TabularFile.formatOf(contentType, fileName), dryRun);
        }
    }

    private static String importKind(long id) {
        return "prevention:reach:" + id;
    }

    @PostMapping("/prevention/activities/{id}/answers")
    String recordAnswers(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model,
                         HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = Actor.current().orElseThrow();
        try {
            YearMonth month = month(form.getFirst("answerMonth"));
            List<Integer> before = new ArrayList<>();
            List<Integer> after = new ArrayList<>();
            for (int i = 1; i <= 20; i++) {
                if (form.containsKey("before" + i)) {
                    before.add(integer(form.getFirst("before" + i), "before", "prevention.error.answers"));
                }
                if (form.containsKey("after" + i)) {
                    after.add(integer(form.getFirst("after" + i), "after", "prevention.error.answers"));
                }
            }
            activities.recordAnswers(actor, id, month, before, after);
            redirect.addFlashAttribute("flash", "prevention.flash.answers");
            redirect.addFlashAttribute("flashArg", month.toString());
            return "redirect:/prevention/activities/" + id;
        } catch (PreventionRejected e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("answerError", e.messageKey());
            return activity(id, model);
        }
    }

    private Map<String, ActivityKind> kindsByCode() {
        return catalogue.kinds().stream().collect(Collectors.toMap(ActivityKind::code, Function.identity()));
    }

    private static String blankZero(String s) {
        return s == null || s.isBlank() ? "0" : s;
    }

    static YearMonth month(String text) {
        try {
            return YearMonth.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw new PreventionRejected("month", "prevention.error.month");
        }
    }

    static Integer integer(String text, String field, String key) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return PlainValues.integer(text).orElseThrow(() -> new PreventionRejected(field, key));
    }

    private static LocalDate date(String text, String field) {
        PlainValues.DateValue d = PlainValues.date(text, LocalDate.now().plusYears(5));
        if (d.problem() != null) {
            throw new PreventionRejected(field, "prevention.error." + ("startsOn".equals(field) ? "starts-on" : "ends-on"));
        }
        return d.date();
    }

    private static LocalDate optionalDate(String text, String field) {
        return text == null || text.isBlank() ? null : date(text, field);
    }
}
