package se.samsyn.comparison.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import se.samsyn.organisation.Municipality;
import se.samsyn.organisation.MunicipalityGroup;
import se.samsyn.organisation.Organisation;

/**
 * The areas above the municipality and their members, written by the demo attacks from the
 * reference data (independently of the engine's own area table): every region ({@code 00} + its
 * county code), the nation ({@code 0000}) and every kommungrupp (its Kolada id), each with the
 * codes of its municipalities in the reference data's order.
 */
final class ReferenceAreas {

    private ReferenceAreas() {
    }

    /** Each area above the municipality, by code, to its municipalities' codes. */
    static Map<String, List<String>> parents(Organisation organisation) {
        Map<String, List<String>> parents = new TreeMap<>();
        for (Municipality m : organisation.municipalities()) {
            parents.computeIfAbsent("00" + m.countyCode(), k -> new ArrayList<>()).add(m.code());
            parents.computeIfAbsent("0000", k -> new ArrayList<>()).add(m.code());
            for (MunicipalityGroup g : organisation.groups()) {
                if (g.code().equals(m.groupCode())) {
                    parents.computeIfAbsent(g.koladaGroupId(), k -> new ArrayList<>()).add(m.code());
                }
            }
        }
        return parents;
    }

    /** Every municipality's code, then every area of {@code parents}: the areas with a T = K + M. */
    static List<String> areas(Organisation organisation, Map<String, List<String>> parents) {
        List<String> areas = new ArrayList<>();
        organisation.municipalities().forEach(m -> areas.add(m.code()));
        areas.addAll(parents.keySet());
        return areas;
    }
}
