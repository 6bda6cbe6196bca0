package se.samsyn.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * A panel another module adds to an entry's page ({@link EntryPanels}).
 *
 * @param id         a stable id for the panel's HTML element, letters, digits and hyphens
 * @param headingKey the message key of the panel's heading, in the contributing module's bundle
 * @param rows       the rows, in order
 */
public record EntryPanel(String id, String headingKey, List<Row> rows) implements java.io.Serializable {

    public EntryPanel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(headingKey, "headingKey");
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    /**
     * One row of a panel.
     *
     * @param label    what the row is about, in words (a trial's title)
     * @param href     where it is shown, a path within Samsyn, or null
     * @param tagKey   the message key of a short tag (a status or decision), or null
     * @param details  more words (units, dates), or null
     */
    public record Row(String label, String href, String tagKey, String details) implements java.io.Serializable {
    }
}
