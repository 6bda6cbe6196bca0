package se.samsyn.comparison.kolada;

import se.samsyn.shared.DomainProblem;

/**
 * An illegal parameter in a Kolada-compatible request: answered with 400, the message key's text
 * as {@code detail} and the parameter's name as {@code parameter}.
 */
class KoladaBadRequest extends DomainProblem {

    private final String parameter;

    KoladaBadRequest(String parameter, String messageKey) {
        super(400, messageKey, "Illegal parameter " + parameter);
        this.parameter = parameter;
        property("parameter", parameter);
    }

    String parameter() {
        return parameter;
    }
}
