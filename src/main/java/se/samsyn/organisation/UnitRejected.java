package se.samsyn.organisation;

import se.samsyn.shared.Rejected;

/** A unit could not be registered or changed; {@code messageKey} says why in the user's language. */
public class UnitRejected extends Rejected {

    public UnitRejected(String field, String messageKey) {
        super(field, messageKey);
    }
}
