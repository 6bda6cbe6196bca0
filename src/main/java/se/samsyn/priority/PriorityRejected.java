package se.samsyn.priority;

import se.samsyn.shared.Rejected;

/**
 * Priority-setting input that cannot be accepted (422); {@code messageKey} (a {@code priority.error.*}
 * key) says why in the user's language and {@code field} names the request field at fault.
 */
public class PriorityRejected extends Rejected {

    /**
     * @param field      the request field at fault, or null for the whole request
     * @param messageKey the {@code priority.error.*} message key
     */
    public PriorityRejected(String field, String messageKey) {
        super(field, messageKey);
    }
}
