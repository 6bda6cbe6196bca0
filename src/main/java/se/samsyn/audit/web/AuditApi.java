package se.samsyn.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditQuery;
import se.samsyn.audit.AuditTrail;
import se.samsyn.audit.ChainVerification;
import se.samsyn.shared.Actor;

/** The audit trail over the API, for administrators, within their own scope. */
@RestController
@Tag(name = "Audit", description = "The tamper-evident audit trail")
class AuditApi {

    private final AuditTrail trail;

    AuditApi(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/v1/admin/audit")
    @Operation(summary = "Search the audit trail, newest first")
    AuditAnswers.PageAnswer search(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     @RequestParam(required = false) String actor,
                     @RequestParam(required = false) String action,
                     @RequestParam(required = false)
                     @Parameter(schema = @Schema(type = "string", allowableValues = {"security", "administration",
                             "individual-read", "individual-write"})) AuditCategory category,
                     @RequestParam(required = false) String municipality,
                     @RequestParam(defaultValue = "0") int page,
                     @RequestParam(defaultValue = "50") int size) {
        return AuditAnswers.PageAnswer.of(trail.search(
                new AuditQuery(from, to, actor, action, category, municipality, page, size),
                Actor.current().orElseThrow().scope()));
    }

    @GetMapping("/api/v1/admin/audit/verification")
    @Operation(summary = "Recompute the hash chain and say whether any row was edited, inserted or deleted; "
            + "the verification is itself recorded (AUDIT_CHAIN_VERIFIED)")
    ChainVerification verify() {
        ChainVerification verification = trail.verify();
        TrailReads.verified(trail, Actor.current().orElseThrow(), verification);
        return verification;
    }
}
