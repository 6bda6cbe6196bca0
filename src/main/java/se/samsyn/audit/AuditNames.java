package se.samsyn.audit;

import java.util.Locale;
import java.util.Optional;

/**
 * The name of something an audit row points at by code or id, so that the audit page shows
 * "Malmö" and "demo-admin" rather than "1280" and "user 12" (issue 17 point 2). The modules that own
 * the things implement it (the audit module depends on none of them); the page asks every
 * implementation and takes the first name.
 *
 * <p>Kinds asked for: the object types of {@link AuditRecord} ({@code user}, {@code unit},
 * {@code report}, ...) with the row's object id, and {@code municipality} with the row's
 * municipality code. An implementation answers only the kinds it owns and empty for the rest and
 * for ids it does not know; it must not throw and must not write to the audit trail.
 */
public interface AuditNames {

    /** The display name of the thing of this kind with this code or id, in the locale; empty if unknown here. */
    Optional<String> name(String kind, String code, Locale locale);

    /**
     * Every code of this kind with its name, in display order, for a picker (the audit filter's
     * municipality list); empty when this implementation does not own the kind, the default.
     */
    default java.util.Map<String, String> all(String kind, Locale locale) {
        return java.util.Map.of();
    }
}
