package se.samsyn.followup;

import java.util.List;

/**
 * An intervention of the national catalogue: its code, Swedish and English names, the focus areas
 * (codes) it serves, the knowledge guide entry describing the method (or null), and whether it can
 * still be recorded.
 */
public record InterventionType(String code, String nameSv, String nameEn, List<String> focusAreas,
                               String guideEntry, boolean active) {
}
