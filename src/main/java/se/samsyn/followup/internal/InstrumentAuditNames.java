package se.samsyn.followup.internal;

import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import se.samsyn.audit.AuditNames;
import se.samsyn.followup.Catalogue;

/**
 * Names the follow-up things audit rows point at: kinds {@code report} and {@code instrument} with
 * an instrument code give the instrument's name in the locale ("WHO-5 välbefinnandeindex" for
 * {@code who5}); other report ids ({@code needs}) are named by the audit page's own bundle.
 */
@Component
class InstrumentAuditNames implements AuditNames {

    private final Catalogue catalogue;

    InstrumentAuditNames(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public Optional<String> name(String kind, String code, Locale locale) {
        if (code == null || !("report".equals(kind) || "instrument".equals(kind))) {
            return Optional.empty();
        }
        boolean english = "en".equals(locale.getLanguage());
        return catalogue.instrument(code).map(i -> english ? i.nameEn() : i.nameSv());
    }
}
