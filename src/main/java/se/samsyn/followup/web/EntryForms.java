package se.samsyn.followup.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.samsyn.followup.BaselineNeedsConfirmation;
import se.samsyn.followup.Catalogue;
import se.samsyn.followup.ClientRecords;
import se.samsyn.followup.EndReason;
import se.samsyn.followup.FollowupRejected;
import se.samsyn.followup.GoalStatus;
import se.samsyn.followup.ItemsUnanswered;
import se.samsyn.followup.LifeArea;
import se.samsyn.followup.TimePoint;
import se.samsyn.shared.Actor;
import se.samsyn.shared.PersonalNumberShape;

/**
 * The client page's forms that record follow-up ({@link ClientRecords}): an episode, a needs
 * assessment, a goal's status, an intervention and a measurement. A refused form is shown again on
 * the client page (422) with everything the user entered and the error next to the field at fault
 * ({@link ClientPage#done}); nothing is stored.
 */
@Controller
class EntryForms {

    private final ClientRecords records;
    private final Catalogue catalogue;
    private final ClientPage page;

    EntryForms(ClientRecords records, Catalogue catalogue, ClientPage page) {
        this.records = records;
        this.catalogue = catalogue;
        this.page = page;
    }

    @PostMapping("/followup/clients/{id}/episodes")
    String episode(@PathVariable long id, @RequestParam(defaultValue = "") String focusArea,
                   @RequestParam(required = false) String startDate, @RequestParam(required = false) String endDate,
                   @RequestParam Map<String, String> params, Model model, HttpServletResponse response,
                   Locale locale, RedirectAttributes redirect) {
        return page.done(id, ClientPage.Form.of("episode", params, "focusArea", "startDate", "endDate"),
                "followup.flash.episode", model, response, locale, redirect,
                () -> records.addEpisode(Actor.current().orElseThrow(), id, focusArea,
                        page.date("start_date", startDate), page.date("end_date", endDate)));
    }

    /**
     * Records a needs assessment from a form with a level select ({@code level-<area>}) and a goal
     * ({@code goal-<area>}) per life area; a level that is not a whole number is refused as out of range.
     */
    @PostMapping("/followup/clients/{id}/needs")
    String needs(@PathVariable long id, @RequestParam(required = false) String assessedOn,
                 @RequestParam Map<String, String> form, Model model, HttpServletResponse response, Locale locale,
                 RedirectAttributes redirect) {
        Map<LifeArea, Integer> levels = new EnumMap<>(LifeArea.class);
        Map<LifeArea, String> goals = new EnumMap<>(LifeArea.class);
        for (LifeArea area : LifeArea.values()) {
            String level = form.get("level-" + area.code());
            if (level != null && !level.isBlank()) {
                try {
                    levels.put(area, Integer.valueOf(level.trim()));
                } catch (NumberFormatException e) {
                    levels.put(area, -1);
                }
            }
            goals.put(area, form.get("goal-" + area.code()));
        }
        return page.done(id, ClientPage.Form.of("needs", form, "assessedOn"), "followup.flash.needs", model, response,
                locale, redirect, () -> records.addNeedAssessment(Actor.current().orElseThrow(), id,
                        page.date("assessed_on", assessedOn), levels, goals));
    }

    @PostMapping("/followup/clients/{id}/needs/{needId}/goal")
    String goal(@PathVariable long id, @PathVariable long needId, @RequestParam(defaultValue = "") String status,
                @RequestParam Map<String, String> params, Model model, HttpServletResponse response, Locale locale,
                RedirectAttributes redirect) {
        GoalStatus goalStatus = GoalStatus.fromCode(status).orElse(null);
        return page.done(id, ClientPage.Form.of("goal-" + needId, params, "status"), "followup.flash.goal", model,
                response, locale, redirect, () -> {
                    if (goalStatus == null) {
                        throw new FollowupRejected("status", "followup.error.goal-status");
                    }
                    records.setGoalStatus(Actor.current().orElseThrow(), id, needId, goalStatus);
                    return true;
                });
    }

    @PostMapping("/followup/clients/{id}/interventions")
    String intervention(@PathVariable long id, @RequestParam(defaultValue = "") String interventionCode,
                        @RequestParam(required = false) String startDate, @RequestParam(required = false) String endDate,
                        @RequestParam(required = false) String endReason, @RequestParam Map<String, String> params,
                        Model model, HttpServletResponse response, Locale locale, RedirectAttributes redirect) {
        return page.done(id, ClientPage.Form.of("intervention", params, "interventionCode", "startDate"),
                "followup.flash.intervention", model, response, locale, redirect, () -> records.addIntervention(
                        Actor.current().orElseThrow(), id, interventionCode, page.date("start_date", startDate),
                        page.date("end_date", endDate),
                        endReason == null || endReason.isBlank() ? null : EndReason.fromCode(endReason).orElse(null)));
    }

    /**
     * What the user entered in a measurement form, kept when the form is shown again after a
     * refusal: answers by item number (absent for an unanswered item).
     */
    record MeasurementForm(String instrumentCode, String measuredOn, String timePoint, Map<Integer, Integer> answers) {
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
                       @RequestParam(required = false) String measuredOn,
                       @RequestParam(required = false) String timePoint,
                       @RequestParam(defaultValue = "false") boolean confirm,
                       @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                       Locale locale, RedirectAttributes redirect) {
        Actor actor = Actor.current().orElseThrow();
        int itemCount = catalogue.instrument(instrumentCode).map(i -> i.items().size()).orElse(0);
        List<Integer> answers = new ArrayList<>();
        Map<Integer, Integer> kept = new HashMap<>();
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
        MeasurementForm entered = new MeasurementForm(instrumentCode,
                measuredOn == null ? null : PersonalNumberShape.masked(measuredOn), timePoint, kept);
        try {
            records.addMeasurement(actor, id, instrumentCode, page.date("measured_on", measuredOn),
                    timePoint == null ? null : TimePoint.fromCode(timePoint).orElse(null), null, answers, confirm);
        } catch (ItemsUnanswered e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("measureForm", entered);
            model.addAttribute("measureError", e.messageKey());
            model.addAttribute("measureErrorArg", e.itemList());
            model.addAttribute("unansweredItems", e.items());
            return page.show(id, model, locale);
        } catch (FollowupRejected e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("measureForm", entered);
            model.addAttribute("measureError", e.messageKey());
            model.addAttribute("measureField", fieldOfMeasurementForm(e.field()));
            return page.show(id, model, locale);
        } catch (BaselineNeedsConfirmation e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("measureForm", entered);
            model.addAttribute("measureConfirm", e);
            return page.show(id, model, locale);
        }
        redirect.addFlashAttribute("flash", "followup.flash.measurement");
        return "redirect:/followup/clients/" + id;
    }

    /**
     * The measurement form's field a refusal is about, by parameter name ({@code measured_on} is
     * {@code measuredOn}, {@code time_point} is {@code timePoint}), so the error stands beside it;
     * null for an error about the answers or the form as a whole, shown above the fields.
     */
    private static String fieldOfMeasurementForm(String field) {
        if (field == null) {
            return null;
        }
        return switch (field) {
            case "measured_on" -> "measuredOn";
            case "time_point" -> "timePoint";
            default -> null;
        };
    }
}
