package se.samsyn.followup.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.samsyn.followup.ClientRecords;
import se.samsyn.followup.FollowupRejected;
import se.samsyn.shared.Actor;
import se.samsyn.shared.ScopeType;

/**
 * The case worker's way to a client: the start page with the recent clients of the unit, the
 * look-up from a personal identity number (which is never put in a URL, a page or a log), and the
 * client's page ({@link ClientPage}). Recording forms are {@link EntryForms}; ending, correcting and
 * removing entries are {@link CorrectionPages}.
 */
@Controller
class ClientPages {

    private final ClientRecords records;
    private final ClientPage page;

    ClientPages(ClientRecords records, ClientPage page) {
        this.records = records;
        this.page = page;
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
    String lookup(@RequestParam(defaultValue = "") String personnummer, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = Actor.current().orElseThrow();
        try {
            ClientRecords.Lookup found = records.lookup(actor, personnummer);
            redirect.addFlashAttribute("flash", found.created() ? "followup.flash.client-created" : "followup.flash.client-found");
            redirect.addFlashAttribute("flashArg", found.client().id());
            return "redirect:/followup/clients/" + found.client().id();
        } catch (FollowupRejected e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("lookupError", e.messageKey());
            // the user's own text goes back into the field only (never to a log or the audit trail)
            model.addAttribute("typedPersonnummer", personnummer.length() > 13 ? personnummer.substring(0, 13) : personnummer);
            return start(model);
        }
    }

    @GetMapping("/followup/clients/{id}")
    String client(@PathVariable long id, Model model, Locale locale) {
        return page.show(id, model, locale);
    }
}
