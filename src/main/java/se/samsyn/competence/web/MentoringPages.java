package se.samsyn.competence.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.samsyn.competence.CompetenceRejected;
import se.samsyn.competence.Introductions;
import se.samsyn.imports.PlainValues;
import se.samsyn.shared.Actor;
import se.samsyn.shared.SwedishTime;

/**
 * The mentor's page: the introductions whose mentor is linked to the signed-in account, with only the
 * items the mentor guides, each ticked off here. {@link Introductions} checks that the account is the
 * introduction's mentor and the item one the mentor guides (anything else answers 404, audited), and
 * audits every read and tick.
 */
@Controller
class MentoringPages {

    private final Introductions introductions;
    private final Clock clock;

    MentoringPages(Introductions introductions, Clock clock) {
        this.introductions = introductions;
        this.clock = clock;
    }

    @GetMapping("/competence/mentoring")
    String mentoring(Model model) {
        model.addAttribute("mentorships", introductions.mentoring(Actor.current().orElseThrow()));
        model.addAttribute("today", SwedishTime.today(clock));
        return "competence/mentoring";
    }

    @PostMapping("/competence/mentoring/{id}/items/{item}")
    String check(@PathVariable long id, @PathVariable long item, @RequestParam(required = false) String doneOn,
                 Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            PlainValues.DateValue day = PlainValues.date(doneOn, SwedishTime.today(clock).plusYears(5));
            if (day.problem() != null) {
                throw new CompetenceRejected("doneOn", day.problem().messageKey());
            }
            introductions.checkAsMentor(Actor.current().orElseThrow(), id, item, day.date());
            redirect.addFlashAttribute("flash", "competence.flash.item-checked");
            redirect.addFlashAttribute("flashArg", doneOn);
            return "redirect:/competence/mentoring";
        } catch (CompetenceRejected e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("mentoringError", e.messageKey());
            return mentoring(model);
        }
    }
}
