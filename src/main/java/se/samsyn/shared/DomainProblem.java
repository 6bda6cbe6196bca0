package se.samsyn.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A domain error that any edge (API or page) can answer on its own: an HTTP status code (plain
 * {@code int}, so that the domain needs no web types), a message key resolved in the caller's
 * language from the {@code i18n} bundles, and extra properties that go into the RFC 9457 problem
 * answer as they are (for example {@code field}, {@code items} or {@code references}).
 *
 * <p>The platform's one problem advice turns every subclass into a problem detail; capabilities
 * subclass {@link Rejected} (422), {@link NotFound} (404) or this class directly for other
 * statuses (409 for a conflict that needs confirmation, 400 for a bad query parameter).
 */
public abstract class DomainProblem extends RuntimeException {

    private final int status;
    private final String messageKey;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    /**
     * @param status     the HTTP status code the edge answers with, for example 409
     * @param messageKey the message key of the human-readable detail, for example {@code error.404}
     */
    protected DomainProblem(int status, String messageKey) {
        this(status, messageKey, messageKey);
    }

    /**
     * @param status     the HTTP status code the edge answers with
     * @param messageKey the message key of the human-readable detail
     * @param logMessage the exception message for logs; never shown to the caller, no personal data
     */
    protected DomainProblem(int status, String messageKey, String logMessage) {
        super(logMessage);
        this.status = status;
        this.messageKey = messageKey;
    }

    /** The HTTP status code this problem is answered with, 400–599. */
    public int status() {
        return status;
    }

    /** The message key of the detail text, resolved in the caller's language. */
    public String messageKey() {
        return messageKey;
    }

    /** Arguments for the message's {@code {0}}-style placeholders; none by default. */
    public Object[] messageArguments() {
        return new Object[0];
    }

    /** Extra problem properties in insertion order; never null, unmodifiable. */
    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    /**
     * Adds a property to the problem answer; for subclasses' constructors.
     *
     * @param name  the JSON property name, lower camel case
     * @param value the value, serialisable by Jackson; null values are left out
     */
    protected final void property(String name, Object value) {
        if (value != null) {
            properties.put(name, value);
        }
    }
}
