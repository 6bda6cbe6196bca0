package se.samsyn.comparison.kolada;

/** An illegal parameter in a Kolada-compatible request: answered with 400 and a message key. */
class KoladaBadRequest extends RuntimeException {

    private final String parameter;
    private final String messageKey;

    KoladaBadRequest(String parameter, String messageKey) {
        super("Illegal parameter " + parameter);
        this.parameter = parameter;
        this.messageKey = messageKey;
    }

    String parameter() {
        return parameter;
    }

    String messageKey() {
        return messageKey;
    }
}
