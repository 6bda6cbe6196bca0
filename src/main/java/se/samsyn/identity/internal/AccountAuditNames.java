package se.samsyn.identity.internal;

import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import se.samsyn.audit.AuditNames;

/** Names the accounts audit rows point at: kind {@code user} with the account id gives its username. */
@Component
class AccountAuditNames implements AuditNames {

    private final UserRepository users;

    AccountAuditNames(UserRepository users) {
        this.users = users;
    }

    @Override
    public Optional<String> name(String kind, String code, Locale locale) {
        if (!"user".equals(kind) || code == null || !code.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return users.findById(Long.parseLong(code)).map(u -> u.account().username());
    }
}
