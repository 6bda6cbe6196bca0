package se.samsyn.audit;

import java.time.LocalDate;

/**
 * Filters for searching the trail; every field is optional. Pages count from 0. {@code from} and
 * {@code to} are Swedish calendar days, both included: an event belongs to the day its instant
 * falls on in Europe/Stockholm ({@link se.samsyn.shared.SwedishTime}), the day pages show it under.
 */
public record AuditQuery(
        LocalDate from,
        LocalDate to,
        String actor,
        String action,
        AuditCategory category,
        String municipalityCode,
        int page,
        int size) {

    public AuditQuery {
        page = Math.max(page, 0);
        size = size <= 0 ? 50 : Math.min(size, 500);
        actor = blankToNull(actor);
        action = blankToNull(action);
        municipalityCode = blankToNull(municipalityCode);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
