package se.samsyn.trials;

import se.samsyn.shared.Rejected;

/** Input the trials module refuses: 422 with the field and a message key of the trials bundle ({@code trials.error.*}). */
public class TrialRejected extends Rejected {

    /**
     * @param field      the form or request field at fault, or null for the whole request
     * @param messageKey the key saying why, in {@code i18n/trials}
     */
    public TrialRejected(String field, String messageKey) {
        super(field, messageKey);
    }
}
