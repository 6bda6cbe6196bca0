package se.samsyn.platform.internal;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import se.samsyn.organisation.County;
import se.samsyn.organisation.Municipality;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Scope;

/**
 * Names of places for pages ({@code ${@places.scope(s)}}, {@code ${@places.unit(code)}}), so a page
 * never shows "Riket 0000" or a bare unit code (issue 17 point 2): the nation is "Riket" (the
 * message {@code scope.type.nation}), a region its county's name, a municipality its name, a unit its
 * name with the code after it. A code the register does not know is shown as it is.
 */
@Component("places")
class Places {

    private final org.springframework.beans.factory.ObjectProvider<Organisation> register;
    private final MessageSource messages;

    /** The register is looked up when asked: a page's web-slice test without it gets the codes as they are. */
    Places(org.springframework.beans.factory.ObjectProvider<Organisation> register, MessageSource messages) {
        this.register = register;
        this.messages = messages;
    }

    /** The scope's name in the current language; "" for null. */
    public String scope(Scope scope) {
        if (scope == null) {
            return "";
        }
        return switch (scope.type()) {
            case NATION -> messages.getMessage("scope.type.nation", null, "Riket", locale());
            case REGION -> organisation() == null ? scope.code()
                    : organisation().county(scope.code()).map(County::name).orElse(scope.code());
            case MUNICIPALITY -> municipality(scope.code());
            case UNIT -> unit(scope.code());
        };
    }

    /**
     * The scope's kind and name, "Kommun Malmö", "Enhet Barn och unga (1280-IFO-BU)"; the nation is
     * just "Riket". The kind's word is the message {@code scope.type.<kind>}.
     */
    public String scopeWithType(Scope scope) {
        if (scope == null) {
            return "";
        }
        if (scope.type() == se.samsyn.shared.ScopeType.NATION) {
            return scope(scope);
        }
        return messages.getMessage(scope.type().messageKey(), null, scope.type().name(), locale()) + " " + scope(scope);
    }

    /** The unit's name with its code, "Barn och unga (1280-IFO-BU)"; the code alone if unknown; "" for null. */
    public String unit(String code) {
        return code == null ? "" : organisation() == null ? code
                : organisation().unit(code).map(Unit::labelled).orElse(code);
    }

    /** The municipality's name, "Malmö"; the code alone if unknown; "" for null. */
    public String municipality(String code) {
        return code == null ? "" : organisation() == null ? code
                : organisation().municipality(code).map(Municipality::name).orElse(code);
    }

    private Organisation organisation() {
        return register.getIfAvailable();
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
