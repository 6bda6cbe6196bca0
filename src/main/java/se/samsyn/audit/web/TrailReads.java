package se.samsyn.audit.web;

import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditOutcome;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.audit.ChainVerification;
import se.samsyn.shared.Actor;
import se.samsyn.shared.ScopeType;

/**
 * Reading the trail is itself recorded: a verification of the chain ({@code AUDIT_CHAIN_VERIFIED},
 * with the entries checked and, when broken, the first broken entry; outcome failure when broken)
 * and an export ({@code AUDIT_EXPORTED}, with the number of entries written), both in the security
 * category and placed in the administrator's municipality when the account has one, so a municipal
 * administrator finds them in their own search.
 */
final class TrailReads {

    private TrailReads() {
    }

    /** Records that {@code actor} verified the chain and what it found. */
    static void verified(AuditTrail trail, Actor actor, ChainVerification result) {
        String details = "entries=" + result.checkedEntries() + "; intact=" + result.intact()
                + (result.firstBrokenSeq() == null ? "" : "; firstBroken=" + result.firstBrokenSeq());
        trail.record(placed(AuditRecord.of("AUDIT_CHAIN_VERIFIED", AuditCategory.SECURITY).actor(actor)
                .outcome(result.intact() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE).details(details), actor).build());
    }

    /** Records that {@code actor} exported {@code entries} rows of the trail. */
    static void exported(AuditTrail trail, Actor actor, long entries) {
        trail.record(placed(AuditRecord.of("AUDIT_EXPORTED", AuditCategory.SECURITY).actor(actor)
                .details("entries=" + entries), actor).build());
    }

    private static AuditRecord.Builder placed(AuditRecord.Builder record, Actor actor) {
        return actor.scope().type() == ScopeType.MUNICIPALITY ? record.municipality(actor.scope().code()) : record;
    }
}
