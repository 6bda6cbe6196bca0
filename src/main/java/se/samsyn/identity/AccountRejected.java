package se.samsyn.identity;

import se.samsyn.shared.Rejected;

/**
 * An account or token change was refused (422); {@code messageKey} (an {@code account.*} or
 * {@code token.*} key) says why in the user's language and {@code field} names the field at fault.
 */
public class AccountRejected extends Rejected {

    /**
     * @param field      the field at fault, or null
     * @param messageKey the message key saying why
     */
    public AccountRejected(String field, String messageKey) {
        super(field, messageKey);
    }
}
