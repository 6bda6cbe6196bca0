package se.samsyn.competence;

import se.samsyn.shared.Rejected;

/** Input the competence module refuses: 422 with the field and a message key of the competence bundle. */
public class CompetenceRejected extends Rejected {

    public CompetenceRejected(String field, String messageKey) {
        super(field, messageKey);
    }
}
