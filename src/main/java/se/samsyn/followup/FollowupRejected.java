package se.samsyn.followup;

import se.samsyn.shared.Rejected;

/**
 * Follow-up input that cannot be accepted: 422 with the request field at fault (or null for the
 * whole request) and a message key in {@code i18n/followup*.properties} that says why in the
 * user's language.
 */
public class FollowupRejected extends Rejected {

    private static final long serialVersionUID = 1L;

    /**
     * @param field      the request field at fault, for example {@code endDate}, or null
     * @param messageKey the message key saying why
     */
    public FollowupRejected(String field, String messageKey) {
        super(field, messageKey);
    }
}
