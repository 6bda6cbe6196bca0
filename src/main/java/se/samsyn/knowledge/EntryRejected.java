package se.samsyn.knowledge;

import se.samsyn.shared.Rejected;

/**
 * Entry or collection input that cannot be accepted (422); {@code messageKey} (a {@code guide.error.*}
 * key) says why in the user's language and {@code field} names the field at fault.
 */
public class EntryRejected extends Rejected {

    /**
     * @param field      the field at fault, or null for the whole request
     * @param messageKey the {@code guide.error.*} message key
     */
    public EntryRejected(String field, String messageKey) {
        super(field, messageKey);
    }
}
