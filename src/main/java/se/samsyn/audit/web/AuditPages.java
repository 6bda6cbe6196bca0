package se.samsyn.audit.web;

import java.time.LocalDate;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditPage;
import se.samsyn.audit.AuditQuery;
import se.samsyn.audit.AuditTrail;
import se.samsyn.shared.Actor;

/**
 * The audit trail for administrators: search within their own scope, and verify the chain. Rows
 * are shown in words ({@link AuditWording}); the action filter is a picker of named actions.
 */
@Controller
class AuditPages {

    private final AuditTrail trail;
    private final AuditWording wording;

    AuditPages(AuditTrail trail, AuditWording wording) {
        this.trail = trail;
        this.wording = wording;
    }

    @GetMapping("/admin/audit")
    String search(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(required = false) String actor,
                  @RequestParam(required = false) String action,
                  @RequestParam(required = false) AuditCategory category,
                  @RequestParam(required = false) String municipality,
                  @RequestParam(defaultValue = "0") int page,
                  Locale locale, Model model) {
        Actor viewer = Actor.current().orElseThrow();
        AuditQuery query = new AuditQuery(from, to, actor, action, category, municipality, page, 50);
        model.addAttribute("query", query);
        AuditPage result = trail.search(query, viewer.scope());
        model.addAttribute("result", result);
        model.addAttribute("lines", result.entries().stream().map(e -> wording.line(e, locale)).toList());
        model.addAttribute("actions", wording.actions(locale));
        model.addAttribute("municipalities", wording.municipalities(locale));
        model.addAttribute("categories", AuditCategory.values());
        return "audit/audit";
    }

    @PostMapping("/admin/audit/verify")
    String verify(Locale locale, Model model) {
        model.addAttribute("verification", trail.verify());
        return search(null, null, null, null, null, null, 0, locale, model);
    }
}
