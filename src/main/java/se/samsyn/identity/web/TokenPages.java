package se.samsyn.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.samsyn.identity.AccountRejected;
import se.samsyn.identity.ApiTokens;
import se.samsyn.identity.CreatedToken;
import se.samsyn.shared.Actor;

/** The signed-in user's personal API tokens: create (shown once), list and revoke. */
@Controller
class TokenPages {

    private final ApiTokens tokens;
    private final java.time.Clock clock;

    TokenPages(ApiTokens tokens, java.time.Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping("/account/tokens")
    String list(Model model) {
        model.addAttribute("tokens", tokens.list(Actor.current().orElseThrow()));
        model.addAttribute("now", clock.instant());
        return "identity/tokens";
    }

    @PostMapping("/account/tokens")
    String create(@RequestParam String name, @RequestParam(defaultValue = "90") int validDays,
                  RedirectAttributes redirect) {
        try {
            CreatedToken created = tokens.create(Actor.current().orElseThrow(), name, validDays);
            redirect.addFlashAttribute("createdSecret", created.secret());
        } catch (AccountRejected e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/account/tokens";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(Actor.current().orElseThrow(), id);
        redirect.addFlashAttribute("flash", "token.flash.revoked");
        return "redirect:/account/tokens";
    }
}
