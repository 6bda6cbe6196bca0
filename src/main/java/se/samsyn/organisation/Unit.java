package se.samsyn.organisation;

import java.util.Set;

/** A municipality's own unit (enhet), for example an investigation unit for children and youth. */
public record Unit(String municipalityCode, String code, String name, Set<FocusArea> focusAreas, boolean active) {

    /** The name a page shows for the unit: its name with the code after it, "Barn och unga (1280-IFO-BU)". */
    public String labelled() {
        return name + " (" + code + ")";
    }
}
