package se.samsyn.shared;

import java.util.List;

/**
 * Input that cannot be accepted (422): the field it concerns (or null for the whole request) and a
 * message key that says why in the user's language. The problem answer carries the field as
 * {@code field} and, for clients that read lists, as {@code errors: [{field, message}]}. Each
 * capability has its own subclass.
 */
public class Rejected extends DomainProblem {

    private final String field;

    /**
     * @param field      the request field at fault, or null for the whole request
     * @param messageKey the message key saying why, in the capability's bundle
     */
    public Rejected(String field, String messageKey) {
        this(422, field, messageKey);
    }

    /**
     * For refusals answered with another status than 422, for example 409 for a conflict.
     *
     * @param status     the HTTP status code
     * @param field      the request field at fault, or null
     * @param messageKey the message key saying why
     */
    protected Rejected(int status, String field, String messageKey) {
        super(status, messageKey);
        this.field = field;
        property("field", field);
    }

    /** The request field at fault, or null for the whole request. */
    public String field() {
        return field;
    }

    /**
     * Every problem of the request, each a field (or null) and a message key; the problem answer
     * lists them as {@code errors: [{field, message}]}. By default the one field and message key
     * of this refusal; subclasses that refuse several fields at once return them all, first the
     * one given to the constructor.
     */
    public List<Problem> problems() {
        return List.of(new Problem(field, messageKey()));
    }

    /**
     * One problem with one field of a request.
     *
     * @param field      the request field, or null for the whole request
     * @param messageKey the message key saying why
     */
    public record Problem(String field, String messageKey) implements java.io.Serializable {
    }
}
