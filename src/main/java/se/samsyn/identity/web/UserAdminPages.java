package se.samsyn.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.samsyn.identity.AccountRejected;
import se.samsyn.identity.AccountPage;
import se.samsyn.identity.AccountQuery;
import se.samsyn.identity.Accounts;
import se.samsyn.identity.UserAccount;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;
import se.samsyn.shared.ScopeType;

/** User administration, limited to the accounts within the administrator's scope. */
@Controller
class UserAdminPages {

    private final Accounts accounts;
    private final Clock clock;

    UserAdminPages(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * The form for a new account and one page of the accounts in the administrator's scope,
     * searched by part of the username ({@code q}) and by role, {@value AccountQuery#DEFAULT_SIZE}
     * per page from page 0.
     */
    @GetMapping("/admin/users")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
                @RequestParam(defaultValue = "0") int page, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", UserForm.empty());
        }
        model.addAttribute("userQuery", new AccountQuery(q, role, page, AccountQuery.DEFAULT_SIZE));
        return page(model);
    }

    @PostMapping("/admin/users")
    String create(@ModelAttribute("form") UserForm form, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        try {
            UserAccount created = accounts.create(Actor.current().orElseThrow(), form.username(), form.password(),
                    form.role(), form.scope());
            redirect.addFlashAttribute("flash", "account.flash.created");
            redirect.addFlashAttribute("flashArg", created.username());
            return "redirect:/admin/users";
        } catch (AccountRejected e) {
            model.addAttribute("formError", e.messageKey());
            model.addAttribute("formErrorField", e.field());
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("form", new UserForm(form.username(), "", form.role(), form.scopeType(),
                    form.scopeCode(), true));
            return page(model);
        }
    }

    @GetMapping("/admin/users/{id}")
    String edit(@PathVariable long id, Model model) {
        UserAccount account = accounts.get(Actor.current().orElseThrow(), id);
        return userPage(account, model);
    }

    private String userPage(UserAccount account, Model model) {
        model.addAttribute("account", account);
        model.addAttribute("locked", account.lockedAt(clock.instant()));
        model.addAttribute("roles", Role.values());
        model.addAttribute("scopeTypes", ScopeType.values());
        return "identity/user";
    }

    /**
     * Changes an account's role, scope and whether it is enabled. A refusal (an unknown scope, one
     * outside the administrator's, a role that does not fit) shows the page again with 422, the
     * message and the other fields as they were sent.
     */
    @PostMapping("/admin/users/{id}")
    String change(@PathVariable long id, @ModelAttribute UserForm form, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        Actor actor = Actor.current().orElseThrow();
        try {
            accounts.change(actor, id, form.role(), form.scope(), form.enabled() != null && form.enabled());
            redirect.addFlashAttribute("flash", "account.flash.changed");
        } catch (AccountRejected e) {
            UserAccount stored = accounts.get(actor, id);
            Scope sent = form.scope();
            UserAccount account = new UserAccount(stored.id(), stored.username(),
                    form.role() == null ? stored.role() : form.role(), sent == null ? stored.scope() : sent,
                    form.enabled() != null && form.enabled(), stored.lockedUntil(), stored.createdAt(), stored.createdBy());
            model.addAttribute("formError", e.messageKey());
            model.addAttribute("formErrorField", e.field());
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return userPage(account, model);
        }
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/password")
    String password(@PathVariable long id, @RequestParam String password, RedirectAttributes redirect) {
        try {
            accounts.setPassword(Actor.current().orElseThrow(), id, password);
            redirect.addFlashAttribute("flash", "account.flash.password");
        } catch (AccountRejected e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/unlock")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        accounts.unlock(Actor.current().orElseThrow(), id);
        redirect.addFlashAttribute("flash", "account.flash.unlocked");
        return "redirect:/admin/users/" + id;
    }

    private String page(Model model) {
        if (!model.containsAttribute("userQuery")) {
            model.addAttribute("userQuery", AccountQuery.firstPage());
        }
        AccountPage shown = accounts.page(Actor.current().orElseThrow(), (AccountQuery) model.getAttribute("userQuery"));
        model.addAttribute("userPage", shown);
        model.addAttribute("users", shown.accounts());
        model.addAttribute("now", clock.instant());
        model.addAttribute("roles", Role.values());
        model.addAttribute("scopeTypes", ScopeType.values());
        return "identity/users";
    }
}
