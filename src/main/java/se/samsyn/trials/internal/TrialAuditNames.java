package se.samsyn.trials.internal;

import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import se.samsyn.audit.AuditNames;

/**
 * Names the trials audit rows point at: kind {@code trial} with a trial's id gives its title as
 * planned ("Försök WHO-5 i Skåne" rather than "Försök 2" on the audit page). A trial's title is not
 * individual data; an id that is not a number, or no trial, gives empty.
 */
@Component
class TrialAuditNames implements AuditNames {

    private final TrialStore store;

    TrialAuditNames(TrialStore store) {
        this.store = store;
    }

    @Override
    public Optional<String> name(String kind, String code, Locale locale) {
        if (!"trial".equals(kind) || code == null || !code.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return store.find(Long.parseLong(code)).map(trial -> trial.plan().title());
    }
}
