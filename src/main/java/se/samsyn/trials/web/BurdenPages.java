package se.samsyn.trials.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.samsyn.shared.Actor;
import se.samsyn.trials.Rating;
import se.samsyn.trials.Trial;
import se.samsyn.trials.TrialBurden;
import se.samsyn.trials.TrialRejected;
import se.samsyn.trials.Trials;

/**
 * The few-seconds forms for the staff of a trial unit: the minutes of one use, and the anonymous
 * rating (six raw NASA-TLX scales and "did the tool help?"). Anyone who may not record gets 404.
 */
@Controller
class BurdenPages {

    private final Trials trials;
    private final TrialBurden burden;
    private final java.time.Clock clock;

    BurdenPages(Trials trials, TrialBurden burden, java.time.Clock clock) {
        this.trials = trials;
        this.burden = burden;
        this.clock = clock;
    }

    @GetMapping("/trials/{id}/record")
    String record(@PathVariable long id, Model model) {
        Actor actor = Actor.current().orElseThrow();
        Trial trial = trials.trial(id);
        if (!trials.mayRecord(actor, trial)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("trial", trial);
        model.addAttribute("groupMinimum", burden.groupMinimum());
        model.addAttribute("today", se.samsyn.shared.SwedishTime.today(clock));
        model.addAttribute("scales", new String[] {"mental", "physical", "temporal", "performance", "effort", "frustration"});
        return "trials/record";
    }

    @PostMapping("/trials/{id}/uses")
    String use(@PathVariable long id, @RequestParam(required = false) String usedOn,
               @RequestParam(required = false) String minutes, Model model,
               HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = Actor.current().orElseThrow();
        try {
            LocalDate day = parseDate(usedOn, "usedOn");
            burden.recordUse(actor, id, day, number(minutes, "minutes"), "page");
        } catch (TrialRejected e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("formError", e.messageKey());
            model.addAttribute("formField", e.field());
            return record(id, model);
        }
        redirect.addFlashAttribute("flash", "trials.flash.use-recorded");
        return "redirect:/trials/" + id + "/record";
    }

    @PostMapping("/trials/{id}/ratings")
    String rate(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = Actor.current().orElseThrow();
        try {
            String helped = form.getFirst("helped");
            if (!"yes".equals(helped) && !"no".equals(helped)) {
                throw new TrialRejected("helped", "trials.error.helped");
            }
            Rating rating = new Rating(number(form.getFirst("mental"), "mental"), number(form.getFirst("physical"), "physical"),
                    number(form.getFirst("temporal"), "temporal"), number(form.getFirst("performance"), "performance"),
                    number(form.getFirst("effort"), "effort"), number(form.getFirst("frustration"), "frustration"),
                    "yes".equals(helped));
            burden.rate(actor, id, null, rating);
        } catch (TrialRejected e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("ratingError", e.messageKey());
            model.addAttribute("ratingField", e.field());
            return record(id, model);
        }
        redirect.addFlashAttribute("flash", "trials.flash.rated");
        return "redirect:/trials/" + id + "/record";
    }

    static int number(String value, String field) {
        try {
            return Integer.parseInt(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw new TrialRejected(field, "trials.error." + (field.equals("minutes") ? "minutes" : "scale"));
        }
    }

    static LocalDate parseDate(String value, String field) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new TrialRejected(field, se.samsyn.shared.DateText.problemKey(value, "trials.error." + field));
        }
    }
}
