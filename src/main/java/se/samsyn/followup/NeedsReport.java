package se.samsyn.followup;

import java.util.List;
import java.util.Map;
import se.samsyn.shared.Scope;

/**
 * Needs per life area for a group: how many clients have each level 0–4 at their latest
 * assessment, and how the goals set have turned out. A null count is suppressed.
 */
public record NeedsReport(Scope scope, boolean suppressionApplies, List<AreaRow> areas, Map<String, Integer> goals) {

    public record AreaRow(LifeArea area, List<Integer> clientsByLevel) {
    }

    /** Whether the table of areas by level shows a hidden count (".."), so a page explains the symbols only then. */
    public boolean showsSymbols() {
        return areas.stream().anyMatch(a -> a.clientsByLevel().stream().anyMatch(java.util.Objects::isNull));
    }
}
