package se.samsyn.shared;

/**
 * Samsyn refuses to start because its configuration or its data would make it unsafe to run,
 * such as a missing or changed pseudonym key or a first administrator's password that breaks the
 * account rules. {@code description} says what is wrong and {@code action} what the operator
 * should do; both are plain English for the start-up log and never contain a secret. The web
 * platform's failure analyzer prints them under "APPLICATION FAILED TO START".
 */
public class StartRefused extends RuntimeException {

    private final String description;
    private final String action;

    public StartRefused(String description, String action) {
        super(description);
        this.description = description;
        this.action = action;
    }

    public String description() {
        return description;
    }

    public String action() {
        return action;
    }
}
