package se.samsyn.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.samsyn.knowledge.EntryContent;
import se.samsyn.knowledge.ImportOutcome.RowError;

/** The content rules of an entry and the Markdown renderer, without Spring. */
class EntryContentRulesTests {

    @Test
    void acceptsAValidEntry() {
        assertThat(EntryContentRules.problems(valid())).isEmpty();
    }

    @Test
    void reportsEveryProblemWithItsField() {
        EntryContent bad = new EntryContent("Bad Slug", "poem", " ", "", "x".repeat(20001), List.of("nowhere"),
                List.of("cats"), "", "rank-11", LocalDate.of(2026, 1, 1), LocalDate.of(2025, 1, 1), "javascript:alert(1)");
        assertThat(EntryContentRules.problems(bad)).extracting(RowError::field).containsExactly("slug", "type", "title",
                "summary", "body", "focusAreas", "targetGroups", "publisher", "evidence", "reviewDue", "sourceUrl");
    }

    @Test
    void rendersMarkdownWithoutPassingHtmlThrough() {
        String html = GuideMarkdown.html("# Rubrik\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) **fet**");
        assertThat(html).contains("<h1>Rubrik</h1>", "&lt;script&gt;", "<strong>fet</strong>")
                .doesNotContain("<script>", "javascript:");
    }

    static EntryContent valid() {
        return new EntryContent("ny-metod", "method", "Ny metod", "En kort sammanfattning.", "Text", List.of("violence"),
                List.of("adults"), "Socialstyrelsen", "grade-mattlig", LocalDate.of(2025, 1, 1), LocalDate.of(2027, 1, 1),
                "https://www.socialstyrelsen.se/");
    }
}
