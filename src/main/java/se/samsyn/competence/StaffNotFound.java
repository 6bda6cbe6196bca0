package se.samsyn.competence;

import se.samsyn.shared.NotFound;

/**
 * A unit's staff register or a person in it that the caller may not see or that does not exist:
 * 404 either way, so that a refusal does not tell whether the unit or person exists.
 */
public class StaffNotFound extends NotFound {

    public StaffNotFound() {
        super("No such staff register or employee in the caller's reach");
    }
}
