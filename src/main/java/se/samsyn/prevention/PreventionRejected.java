package se.samsyn.prevention;

import se.samsyn.shared.Rejected;

/** Input the prevention module refuses: 422 with the field and a message key of the prevention bundle. */
public class PreventionRejected extends Rejected {

    public PreventionRejected(String field, String messageKey) {
        super(field, messageKey);
    }
}
