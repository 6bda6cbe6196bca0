package se.samsyn.followup.web;

import java.math.BigDecimal;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.samsyn.followup.Catalogue;
import se.samsyn.followup.ChangeSource;
import se.samsyn.followup.ClientFile;
import se.samsyn.followup.EndReason;
import se.samsyn.followup.EntryCorrections;
import se.samsyn.followup.FollowupRejected;
import se.samsyn.imports.PlainValues;
import se.samsyn.shared.Actor;

/**
 * The client page's forms to end, correct and remove episodes, needs, interventions and
 * measurements ({@link EntryCorrections}, source {@code page}). A removal takes two steps: the
 * reason, then a confirmation section on the client page (no script needed). A refused form is
 * shown again on the client page (422) with what the user typed and the error next to the field at
 * fault ({@link ClientPage#done}); nothing is changed.
 */
@Controller
class CorrectionPages {

    private final EntryCorrections corrections;
    private final Catalogue catalogue;
    private final MessageSource messages;
    private final ClientPage page;

    CorrectionPages(EntryCorrections corrections, Catalogue catalogue, MessageSource messages, ClientPage page) {
        this.corrections = corrections;
        this.catalogue = catalogue;
        this.messages = messages;
        this.page = page;
    }

    /** A removal waiting for its confirmation: what (episodes, needs, interventions, measurements), which, shown as, and why. */
    record PendingRemoval(String kind, long id, String description, String reason) {
    }

    @PostMapping("/followup/clients/{id}/episodes/{episodeId}/correct")
    String correctEpisode(@PathVariable long id, @PathVariable long episodeId,
                          @RequestParam(required = false) String startDate, @RequestParam(required = false) String endDate,
                          @RequestParam Map<String, String> params, Model model, HttpServletResponse response,
                          Locale locale, RedirectAttributes redirect) {
        return page.done(id, ClientPage.Form.of("episode-correct-" + episodeId, params, "startDate", "endDate"),
                "followup.flash.episode-corrected", model, response, locale, redirect, () -> corrections.correctEpisode(
                        Actor.current().orElseThrow(), id, episodeId, page.date("start_date", startDate),
                        page.date("end_date", endDate), ChangeSource.PAGE));
    }

    @PostMapping("/followup/clients/{id}/episodes/{episodeId}/end")
    String endEpisode(@PathVariable long id, @PathVariable long episodeId,
                      @RequestParam(required = false) String endDate, @RequestParam Map<String, String> params,
                      Model model, HttpServletResponse response, Locale locale, RedirectAttributes redirect) {
        return page.done(id, ClientPage.Form.of("episode-end-" + episodeId, params, "endDate"),
                "followup.flash.episode-ended", model, response, locale, redirect, () -> {
                    LocalDate end = page.date("end_date", endDate);
                    if (end == null) {
                        throw new FollowupRejected("end_date", "followup.error.date-missing");
                    }
                    return corrections.correctEpisode(Actor.current().orElseThrow(), id, episodeId, null, end,
                            ChangeSource.PAGE);
                });
    }

    @PostMapping("/followup/clients/{id}/interventions/{interventionId}/correct")
    String correctIntervention(@PathVariable long id, @PathVariable long interventionId,
                               @RequestParam(required = false) String startDate,
                               @RequestParam(required = false) String endDate,
                               @RequestParam(required = false) String endReason, @RequestParam Map<String, String> params,
                               Model model, HttpServletResponse response, Locale locale, RedirectAttributes redirect) {
        return page.done(id, ClientPage.Form.of("intervention-correct-" + interventionId, params, "startDate",
                        "endDate", "endReason"), "followup.flash.intervention-corrected", model, response, locale,
                redirect, () -> corrections.correctIntervention(Actor.current().orElseThrow(), id, interventionId,
                        page.date("start_date", startDate), page.date("end_date", endDate), endReason(endReason),
                        ChangeSource.PAGE));
    }

    /** Corrects a need's level and goal (a blank goal keeps the stored one). */
    @PostMapping("/followup/clients/{id}/needs/{needId}/correct")
    String correctNeed(@PathVariable long id, @PathVariable long needId,
                       @RequestParam(required = false) String level, @RequestParam(required = false) String goal,
                       @RequestParam Map<String, String> params, Model model, HttpServletResponse response,
                       Locale locale, RedirectAttributes redirect) {
        return page.done(id, ClientPage.Form.of("need-correct-" + needId, params, "level", "goal"),
                "followup.flash.need-corrected", model, response, locale, redirect, () -> corrections.correctNeed(
                        Actor.current().orElseThrow(), id, needId, level(level), goal, ChangeSource.PAGE));
    }

    /**
     * Corrects a wrongly entered score, written as a plain decimal with a point or a comma
     * ({@code 62.5}, {@code 62,5}); anything else is refused with {@code import.error.number}.
     */
    @PostMapping("/followup/clients/{id}/measurements/{measurementId}/correct")
    String correctMeasurement(@PathVariable long id, @PathVariable long measurementId,
                              @RequestParam(defaultValue = "") String score, @RequestParam Map<String, String> params,
                              Model model, HttpServletResponse response, Locale locale, RedirectAttributes redirect) {
        return page.done(id, ClientPage.Form.of("measurement-correct-" + measurementId, params, "score"),
                "followup.flash.measurement-corrected", model, response, locale, redirect,
                () -> corrections.correctMeasurement(Actor.current().orElseThrow(), id, measurementId, score(score),
                        ChangeSource.PAGE));
    }

    /** A level from a form: null when blank, refused when not a whole number. */
    static Integer level(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return PlainValues.integer(text.strip())
                .orElseThrow(() -> new FollowupRejected("level", "followup.error.level"));
    }

    /** A score from a form: a plain decimal with a point or a comma; blank is a missing score. */
    static Double score(String text) {
        if (text == null || text.isBlank()) {
            throw new FollowupRejected("score", "followup.error.score-missing");
        }
        return PlainValues.decimal(text)
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
                  @RequestParam Map<String, String> params, Model model, HttpServletResponse response, Locale locale,
                  RedirectAttributes redirect) {
        Actor actor = Actor.current().orElseThrow();
        if (confirmed || reason.isBlank() || reason.strip().length() > EntryCorrections.MAX_REASON) {
            return page.done(id, ClientPage.Form.of(singular(kind) + "-remove-" + entryId, params, "reason"),
                    "followup.flash." + singular(kind) + "-removed", model, response, locale, redirect, () -> {
                switch (kind) {
                    case "episodes" -> corrections.removeEpisode(actor, id, entryId, reason, ChangeSource.PAGE);
                    case "needs" -> corrections.removeNeed(actor, id, entryId, reason, ChangeSource.PAGE);
                    case "interventions" -> corrections.removeIntervention(actor, id, entryId, reason, ChangeSource.PAGE);
                    default -> corrections.removeMeasurement(actor, id, entryId, reason, ChangeSource.PAGE);
                }
                return true;
            });
        }
        String shown = page.show(id, model, locale);
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
                                    BigDecimal.valueOf(m.score()).stripTrailingZeros().toPlainString(), locale))
                    .orElse(null);
        };
        if (description == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("pendingRemoval", new PendingRemoval(kind, entryId, description, reason.strip()));
        return shown;
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

    @PostMapping("/followup/clients/{id}/interventions/{interventionId}/end")
    String endIntervention(@PathVariable long id, @PathVariable long interventionId,
                           @RequestParam(required = false) String endDate,
                           @RequestParam(required = false) String endReason, @RequestParam Map<String, String> params,
                           Model model, HttpServletResponse response, Locale locale, RedirectAttributes redirect) {
        return page.done(id, ClientPage.Form.of("intervention-end-" + interventionId, params, "endDate", "endReason"),
                "followup.flash.intervention-ended", model, response, locale, redirect, () -> {
                    LocalDate end = page.date("end_date", endDate);
                    if (end == null) {
                        throw new FollowupRejected("end_date", "followup.error.date-missing");
                    }
                    if (endReason == null || endReason.isBlank()) {
                        throw new FollowupRejected("end_reason", "followup.error.end-reason");
                    }
                    return corrections.correctIntervention(Actor.current().orElseThrow(), id, interventionId, null,
                            end, endReason(endReason), ChangeSource.PAGE);
                });
    }
}
