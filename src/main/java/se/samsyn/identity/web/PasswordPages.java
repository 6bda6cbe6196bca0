package se.samsyn.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.samsyn.identity.AccountRejected;
import se.samsyn.identity.Accounts;
import se.samsyn.identity.PasswordChangeFilter;
import se.samsyn.shared.Actor;

/**
 * The signed-in person's own password: the current one, a new one following the account rules
 * and a confirmation. A refusal shows the page again with the error beside its field (the
 * password fields are never filled in again); success ends a required change and goes to the
 * start page. The rules and the audit are in {@link Accounts#changeOwnPassword}.
 */
@Controller
class PasswordPages {

    private final Accounts accounts;

    PasswordPages(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping(PasswordChangeFilter.CHANGE_PAGE)
    String form(Model model) {
        model.addAttribute("required", accounts.passwordChangeRequired(Actor.current().orElseThrow().username()));
        return "identity/password";
    }

    @PostMapping(PasswordChangeFilter.CHANGE_PAGE)
    String change(@RequestParam(defaultValue = "") String currentPassword,
                  @RequestParam(defaultValue = "") String newPassword,
                  @RequestParam(defaultValue = "") String confirmation,
                  HttpServletRequest request, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = Actor.current().orElseThrow();
        try {
            accounts.changeOwnPassword(actor, currentPassword, newPassword, confirmation);
        } catch (AccountRejected e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("required", accounts.passwordChangeRequired(actor.username()));
            model.addAttribute("errorField", e.field());
            model.addAttribute("errorKey", e.messageKey());
            return "identity/password";
        }
        PasswordChangeFilter.mark(request, false);
        redirect.addFlashAttribute("flash", "password.flash.changed");
        return "redirect:/";
    }
}
