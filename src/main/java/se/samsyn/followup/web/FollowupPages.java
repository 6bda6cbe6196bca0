package se.samsyn.followup.web;

import se.samsyn.followup.Instrument;
import se.samsyn.followup.Measurement;
import se.samsyn.followup.Need;
import se.samsyn.followup.ClientFile;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import se.samsyn.followup.BaselineNeedsConfirmation;
import se.samsyn.followup.Catalogue;
import se.samsyn.followup.ItemsUnanswered;
import se.samsyn.followup.ChangeSource;
import se.samsyn.followup.ClientRecords;
import se.samsyn.followup.EndReason;
import se.samsyn.followup.EntryCorrections;
import se.samsyn.followup.HistoryEntry;
import se.samsyn.followup.FollowupRejected;
import se.samsyn.followup.GoalStatus;
import se.samsyn.followup.LifeArea;
import se.samsyn.followup.TimePoint;
import se.samsyn.organisation.FocusArea;
import se.samsyn.shared.Actor;
import se.samsyn.shared.ScopeType;
import se.samsyn.shared.SwedishTime;

/**
 * The case worker's pages: find or create a client from a personal identity number (which is
 * never put in a URL, a page or a log), the client's file, forms to record follow-up, and forms
 * to end, correct and remove episodes and interventions, with the history of corrections. A
 * removal takes two steps: the reason, then a confirmation page section (no script needed).
 */
@Controller
class FollowupPages {

    /** The zone every time on the page is shown in. */
    static final ZoneId ZONE = SwedishTime.ZONE;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final ClientRecords records;
    private final EntryCorrections corrections;
    private final Catalogue catalogue;
    private final Clock clock;
    private final MessageSource messages;

    FollowupPages(ClientRecords records, EntryCorrections corrections, Catalogue catalogue, Clock clock,
                  MessageSource messages) {
        this.clock = clock;
        this.messages = messages;
        this.records = records;
        this.corrections = corrections;
        this.catalogue = catalogue;
    }

    /** A removal waiting for its confirmation: what (episodes, needs, interventions, measurements), which, shown as, and why. */
    record PendingRemoval(String kind, long id, String description, String reason) {
    }

    /**
     * One row of the correction history as shown: the time in Stockholm time, the entry by what it is
     * and the old and new values in the reader's language ({@link HistoryWording}), the rest as kept.
     */
    record HistoryRow(String when, String who, String entry, String fieldKey, String from, String to,
                      String sourceKey, String reason) {
        static HistoryRow of(HistoryEntry e, HistoryWording wording) {
            return new HistoryRow(WHEN.format(e.changedAt().atZone(ZONE)), e.changedBy(), wording.entry(e),
                    e.fieldKey(), wording.value(e, e.oldValue()), wording.value(e, e.newValue()),
                    e.source().messageKey(), e.reason());
        }
    }

    @GetMapping("/followup")
    String start(Model model) {
        Actor actor = Actor.current().orElseThrow();
        boolean recorder = actor.role().seesIndividuals() && actor.scope().type() == ScopeType.UNIT;
        model.addAttribute("recorder", recorder);
        if (recorder) {
            model.addAttribute("clients", records.recentClients(actor));
        }
        return "followup/start";
    }

    @PostMapping("/followup/clients")
    String lookup(@RequestParam(defaultValue = "") String personnummer, Model model, RedirectAttributes redirect) {
        Actor actor = Actor.current().orElseThrow();
        try {
            ClientRecords.Lookup found = records.lookup(actor, personnummer);
            redirect.addFlashAttribute("flash", found.created() ? "followup.flash.client-created" : "followup.flash.client-found");
            redirect.addFlashAttribute("flashArg", found.client().id());
            return "redirect:/followup/clients/" + found.client().id();
        } catch (FollowupRejected e) {
            model.addAttribute("lookupError", e.messageKey());
            return start(model);
        }
    }

    @GetMapping("/followup/clients/{id}")
    String client(@PathVariable long id, Model model, Locale locale) {
        ClientFile file = records.file(Actor.current().orElseThrow(), id);
        List<Instrument> instruments = catalogue.instruments();
        HistoryWording wording = new HistoryWording(messages, locale, file, instruments, catalogue.interventions());
        model.addAttribute("history", corrections.history(Actor.current().orElseThrow(), id).stream()
                .map(e -> HistoryRow.of(e, wording)).toList());
        Map<String, String> instrumentNames = new java.util.HashMap<>();
        for (Measurement m : file.measurements()) {
            instrumentNames.put(m.instrumentCode(),
                    HistoryWording.instrumentName(m.instrumentCode(), instruments, locale));
        }
        model.addAttribute("instrumentNames", instrumentNames);
        TreeSet<LocalDate> dates = new TreeSet<>();
        Map<LifeArea, Map<LocalDate, Integer>> grid = new EnumMap<>(LifeArea.class);
        for (LifeArea area : LifeArea.values()) {
            grid.put(area, new java.util.HashMap<>());
        }
        for (Need need : file.needs()) {
            dates.add(need.assessedOn());
            grid.get(need.lifeArea()).put(need.assessedOn(), need.level());
        }
        model.addAttribute("file", file);
        model.addAttribute("assessmentDates", new ArrayList<>(dates));
        model.addAttribute("levelGrid", grid);
        model.addAttribute("goals", file.needs().stream().filter(n -> n.goal() != null).toList());
        model.addAttribute("lifeAreas", LifeArea.values());
        model.addAttribute("focusAreas", FocusArea.values());
        model.addAttribute("interventionTypes", catalogue.interventions());
        model.addAttribute("instruments", instruments);
        model.addAttribute("timePoints", TimePoint.values());
        model.addAttribute("endReasons", EndReason.values());
        model.addAttribute("goalStatuses", GoalStatus.values());
        model.addAttribute("today", SwedishTime.today(clock));
        return "followup/client";
    }

    @PostMapping("/followup/clients/{id}/episodes/{episodeId}/correct")
    String correctEpisode(@PathVariable long id, @PathVariable long episodeId,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
                          RedirectAttributes redirect) {
        return done(id, redirect, "followup.flash.episode-corrected", () -> corrections.correctEpisode(
                Actor.current().orElseThrow(), id, episodeId, startDate, endDate, ChangeSource.PAGE));
    }

    @PostMapping("/followup/clients/{id}/episodes/{episodeId}/end")
    String endEpisode(@PathVariable long id, @PathVariable long episodeId,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
                      RedirectAttributes redirect) {
        return done(id, redirect, "followup.flash.episode-ended", () -> {
            if (endDate == null) {
                throw new FollowupRejected("end_date", "followup.error.date-missing");
            }
            return corrections.correctEpisode(Actor.current().orElseThrow(), id, episodeId, null, endDate,
                    ChangeSource.PAGE);
        });
    }

    @PostMapping("/followup/clients/{id}/interventions/{interventionId}/correct")
    String correctIntervention(@PathVariable long id, @PathVariable long interventionId,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
                               @RequestParam(required = false) String endReason, RedirectAttributes redirect) {
        return done(id, redirect, "followup.flash.intervention-corrected", () -> corrections.correctIntervention(
                Actor.current().orElseThrow(), id, interventionId, startDate, endDate, endReason(endReason),
                ChangeSource.PAGE));
    }

    /** Corrects a need's level and goal (a blank goal keeps the stored one). */
    @PostMapping("/followup/clients/{id}/needs/{needId}/correct")
    String correctNeed(@PathVariable long id, @PathVariable long needId,
                       @RequestParam(required = false) String level, @RequestParam(required = false) String goal,
                       RedirectAttributes redirect) {
        return done(id, redirect, "followup.flash.need-corrected", () -> corrections.correctNeed(
                Actor.current().orElseThrow(), id, needId, level(level), goal, ChangeSource.PAGE));
    }

    /**
     * Corrects a wrongly entered score, written as a plain decimal with a point or a comma
     * ({@code 62.5}, {@code 62,5}); anything else is refused with {@code import.error.number}.
     */
    @PostMapping("/followup/clients/{id}/measurements/{measurementId}/correct")
    String correctMeasurement(@PathVariable long id, @PathVariable long measurementId,
                              @RequestParam(defaultValue = "") String score, RedirectAttributes redirect) {
        return done(id, redirect, "followup.flash.measurement-corrected", () -> corrections.correctMeasurement(
                Actor.current().orElseThrow(), id, measurementId, score(score), ChangeSource.PAGE));
    }

    /** A level from a form: null when blank, refused when not a whole number. */
    static Integer level(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return se.samsyn.imports.PlainValues.integer(text.strip())
                .orElseThrow(() -> new FollowupRejected("level", "followup.error.level"));
    }

    /** A score from a form: a plain decimal with a point or a comma; blank is a missing score. */
    static Double score(String text) {
        if (text == null || text.isBlank()) {
            throw new FollowupRejected("score", "followup.error.score-missing");
        }
        return se.samsyn.imports.PlainValues.decimal(text)
                .map(java.math.BigDecimal::doubleValue)
                .orElseThrow(() -> new FollowupRejected("score", "import.error.number"));
    }

    /**
     * Removes an episode, need, intervention or measurement in two steps: without
     * {@code confirmed}, shows the client page with a confirmation of what will be removed and
     * why; with it, removes.
     */
    @PostMapping("/followup/clients/{id}/{kind:episodes|needs|interventions|measurements}/{entryId}/remove")
    String remove(@PathVariable long id, @PathVariable String kind, @PathVariable long entryId,
                  @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "false") boolean confirmed,
                  Model model, Locale locale, RedirectAttributes redirect) {
        Actor actor = Actor.current().orElseThrow();
        if (confirmed || reason.isBlank() || reason.strip().length() > EntryCorrections.MAX_REASON) {
            return done(id, redirect, "followup.flash." + singular(kind) + "-removed", () -> {
                switch (kind) {
                    case "episodes" -> corrections.removeEpisode(actor, id, entryId, reason, ChangeSource.PAGE);
                    case "needs" -> corrections.removeNeed(actor, id, entryId, reason, ChangeSource.PAGE);
                    case "interventions" -> corrections.removeIntervention(actor, id, entryId, reason, ChangeSource.PAGE);
                    default -> corrections.removeMeasurement(actor, id, entryId, reason, ChangeSource.PAGE);
                }
                return true;
            });
        }
        String page = client(id, model, locale);
        ClientFile file = (ClientFile) model.getAttribute("file");
        String description = switch (kind) {
            case "episodes" -> file.episodes().stream().filter(e -> e.id() == entryId).findFirst()
                    .map(e -> messages.getMessage("focus-area." + e.focusArea(), null, locale) + " " + e.startDate()
                            + "–" + (e.endDate() == null ? "" : e.endDate()))
                    .orElse(null);
            case "needs" -> file.needs().stream().filter(n -> n.id() == entryId).findFirst()
                    .map(n -> messages.getMessage(n.lifeArea().messageKey(), null, locale) + " " + n.assessedOn()
                            + ": " + n.level()).orElse(null);
            case "interventions" -> file.interventions().stream().filter(i -> i.id() == entryId).findFirst()
                    .map(i -> i.interventionName() + " " + i.startDate() + "–" + (i.endDate() == null ? "" : i.endDate()))
                    .orElse(null);
            default -> file.measurements().stream().filter(m -> m.id() == entryId).findFirst()
                    .map(m -> HistoryWording.instrumentName(m.instrumentCode(), catalogue.instruments(), locale) + " "
                            + messages.getMessage(m.timePoint().messageKey(), null, locale).toLowerCase(locale) + " "
                            + m.measuredOn() + ": " + HistoryWording.decimal(
                                    java.math.BigDecimal.valueOf(m.score()).stripTrailingZeros().toPlainString(), locale))
                    .orElse(null);
        };
        if (description == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("pendingRemoval", new PendingRemoval(kind, entryId, description, reason.strip()));
        return page;
    }

    private static String singular(String kind) {
        return kind.substring(0, kind.length() - 1);
    }

    private static EndReason endReason(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return EndReason.fromCode(code).orElseThrow(() ->
                new FollowupRejected("end_reason", "followup.error.end-reason-unknown"));
    }

    @PostMapping("/followup/clients/{id}/episodes")
    String episode(@PathVariable long id, @RequestParam String focusArea,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
                   RedirectAttributes redirect) {
        return done(id, redirect, "followup.flash.episode",
                () -> records.addEpisode(Actor.current().orElseThrow(), id, focusArea, startDate, endDate));
    }

    @PostMapping("/followup/clients/{id}/needs")
    String needs(@PathVariable long id,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate assessedOn,
                 @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<LifeArea, Integer> levels = new EnumMap<>(LifeArea.class);
        Map<LifeArea, String> goals = new EnumMap<>(LifeArea.class);
        for (LifeArea area : LifeArea.values()) {
            String level = form.get("level-" + area.code());
            if (level != null && !level.isBlank()) {
                try {
                    levels.put(area, Integer.valueOf(level));
                } catch (NumberFormatException e) {
                    levels.put(area, -1);
                }
            }
            goals.put(area, form.get("goal-" + area.code()));
        }
        return done(id, redirect, "followup.flash.needs",
                () -> records.addNeedAssessment(Actor.current().orElseThrow(), id, assessedOn, levels, goals));
    }

    @PostMapping("/followup/clients/{id}/needs/{needId}/goal")
    String goal(@PathVariable long id, @PathVariable long needId, @RequestParam String status, RedirectAttributes redirect) {
        GoalStatus goalStatus = GoalStatus.fromCode(status).orElse(null);
        return done(id, redirect, "followup.flash.goal", () -> {
            if (goalStatus == null) {
                throw new FollowupRejected("status", "followup.error.goal-status");
            }
            records.setGoalStatus(Actor.current().orElseThrow(), id, needId, goalStatus);
            return true;
        });
    }

    @PostMapping("/followup/clients/{id}/interventions")
    String intervention(@PathVariable long id, @RequestParam String interventionCode,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
                        @RequestParam(required = false) String endReason, RedirectAttributes redirect) {
        return done(id, redirect, "followup.flash.intervention", () -> records.addIntervention(
                Actor.current().orElseThrow(), id, interventionCode, startDate, endDate,
                endReason == null || endReason.isBlank() ? null : EndReason.fromCode(endReason).orElse(null)));
    }

    @PostMapping("/followup/clients/{id}/interventions/{interventionId}/end")
    String endIntervention(@PathVariable long id, @PathVariable long interventionId,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
                           @RequestParam(required = false) String endReason, RedirectAttributes redirect) {
        return done(id, redirect, "followup.flash.intervention-ended", () -> {
            if (endDate == null || endReason == null || endReason.isBlank()) {
                throw new FollowupRejected("end_reason", "followup.error.end-reason");
            }
            return corrections.correctIntervention(Actor.current().orElseThrow(), id, interventionId, null, endDate,
                    endReason(endReason), ChangeSource.PAGE);
        });
    }

    /**
     * What the user entered in a measurement form, kept when the form is shown again after a
     * refusal: answers by item number (absent for an unanswered item).
     */
    record MeasurementForm(String instrumentCode, LocalDate measuredOn, String timePoint, Map<Integer, Integer> answers) {
    }

    /**
     * Records a measurement from a form with one select per item ({@code item-1} … {@code item-n},
     * empty when unanswered). Unanswered items, another refusal, or a second or late baseline show
     * the client page again with everything the user entered (422, or 409 with a "Spara ändå" button
     * that resends the form with confirm=true); nothing is stored until the form is complete and,
     * for such a baseline, confirmed.
     */
    @PostMapping("/followup/clients/{id}/measurements")
    String measurement(@PathVariable long id, @RequestParam(defaultValue = "") String instrumentCode,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate measuredOn,
                       @RequestParam(required = false) String timePoint,
                       @RequestParam(defaultValue = "false") boolean confirm,
                       @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                       Locale locale, RedirectAttributes redirect) {
        Actor actor = Actor.current().orElseThrow();
        int itemCount = catalogue.instrument(instrumentCode).map(i -> i.items().size()).orElse(0);
        List<Integer> answers = new ArrayList<>();
        Map<Integer, Integer> kept = new java.util.HashMap<>();
        for (int item = 1; item <= itemCount || form.containsKey("item-" + item); item++) {
            String given = form.get("item-" + item);
            Integer answer = null;
            if (given != null && !given.isBlank()) {
                try {
                    answer = Integer.valueOf(given.trim());
                    kept.put(item, answer);
                } catch (NumberFormatException e) {
                    answer = Integer.MIN_VALUE;
                }
            }
            answers.add(answer);
        }
        MeasurementForm entered = new MeasurementForm(instrumentCode, measuredOn, timePoint, kept);
        try {
            records.addMeasurement(actor, id, instrumentCode, measuredOn,
                    timePoint == null ? null : TimePoint.fromCode(timePoint).orElse(null), null, answers, confirm);
        } catch (ItemsUnanswered e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("measureForm", entered);
            model.addAttribute("measureError", e.messageKey());
            model.addAttribute("measureErrorArg", e.itemList());
            model.addAttribute("unansweredItems", e.items());
            return client(id, model, locale);
        } catch (FollowupRejected e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("measureForm", entered);
            model.addAttribute("measureError", e.messageKey());
            return client(id, model, locale);
        } catch (BaselineNeedsConfirmation e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("measureForm", entered);
            model.addAttribute("measureConfirm", e);
            return client(id, model, locale);
        }
        redirect.addFlashAttribute("flash", "followup.flash.measurement");
        return "redirect:/followup/clients/" + id;
    }

    private interface Recording {
        Object run();
    }

    private static String done(long id, RedirectAttributes redirect, String flash, Recording recording) {
        try {
            recording.run();
            redirect.addFlashAttribute("flash", flash);
        } catch (FollowupRejected e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/followup/clients/" + id;
    }
}
