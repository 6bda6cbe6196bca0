package se.samsyn.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
import se.samsyn.audit.ChainVerification;
import se.samsyn.shared.Actor;

/**
 * The audit trail for administrators: search within their own scope, and verify the chain. Rows
 * are shown in words ({@link AuditWording}); the action filter is a picker of named actions. A
 * verification and an export are themselves recorded ({@link TrailReads}).
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

    /**
     * The entries matching the filters within the viewer's scope as CSV (UTF-8 with a byte order
     * mark, oldest first), written to the response while the database streams them, so the trail
     * is never held in memory. Cells that a spreadsheet would read as a formula are quoted as
     * text ({@link se.samsyn.shared.SpreadsheetText}).
     */
    @GetMapping("/admin/audit/export.csv")
    void export(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) String actor,
                @RequestParam(required = false) String action,
                @RequestParam(required = false) AuditCategory category,
                @RequestParam(required = false) String municipality,
                HttpServletResponse response) throws IOException {
        Actor viewer = Actor.current().orElseThrow();
        AuditQuery query = new AuditQuery(from, to, actor, action, category, municipality, 0, 50);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("samsyn-granskningslogg.csv").build().toString());
        var out = response.getOutputStream();
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader("seq", "occurred_at", "actor", "actor_role", "actor_scope",
                        "action", "category", "outcome", "object_type", "object_id", "municipality_code",
                        "county_code", "unit_code", "details").get())) {
            long[] written = {0};
            trail.forEach(query, viewer.scope(), e -> {
                written[0]++;
                try {
                    printer.printRecord(se.samsyn.shared.SpreadsheetText.cells(e.seq(), e.occurredAt().toString(),
                            e.actor(), e.actorRole(), e.actorScope(), e.action(), e.category().code(),
                            e.outcome().code(), e.objectType(), e.objectId(), e.municipalityCode(),
                            e.countyCode(), e.unitCode(), e.details()));
                } catch (IOException failed) {
                    throw new UncheckedIOException(failed);
                }
            });
            printer.flush();
            TrailReads.exported(trail, viewer, written[0]);
        }
    }

    /**
     * Verifies the chain and redirects to the search page, which shows the result once (post,
     * redirect, get: reloading the page does not verify again).
     */
    @PostMapping("/admin/audit/verify")
    String verify(org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        ChainVerification verification = trail.verify();
        TrailReads.verified(trail, Actor.current().orElseThrow(), verification);
        redirect.addFlashAttribute("verification", verification);
        return "redirect:/admin/audit";
    }
}
