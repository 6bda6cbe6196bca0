package se.samsyn.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 12 point 7: the guide's CSV export writes no formula-like cell raw. */
class GuideCsvExportTests {

    @Test
    void formulaLikeCellsAreWrittenWithAnApostrophe() {
        String csv = GuideImporter.csv(List.of(new GuideImporter.Row("s", "method", "=HYPERLINK(\"http://x\")",
                "+summary", "- a list item", List.of(), List.of(), "@publisher", "", "", "", "", "published")));
        assertThat(csv.lines().toList()).element(1).isEqualTo(
                "s,method,\"'=HYPERLINK(\"\"http://x\"\")\",'+summary,'- a list item,,,'@publisher,,,,,published");
    }
}
