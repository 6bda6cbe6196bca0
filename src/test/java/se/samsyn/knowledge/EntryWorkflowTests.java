package se.samsyn.knowledge;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.samsyn.knowledge.GuideRecords.EntryContent;
import se.samsyn.knowledge.GuideRecords.RowError;
import se.samsyn.knowledge.internal.GuideMarkdown;
import static org.assertj.core.api.Assertions.assertThat;

class EntryWorkflowTests {

    @Test
    void allowsOnlyTheWorkflowSteps() {
        assertThat(EntryWorkflow.nextStatuses(EntryStatus.DRAFT)).containsExactly(EntryStatus.REVIEW);
        assertThat(EntryWorkflow.nextStatuses(EntryStatus.REVIEW)).containsExactly(EntryStatus.DRAFT, EntryStatus.PUBLISHED);
        assertThat(EntryWorkflow.nextStatuses(EntryStatus.PUBLISHED)).containsExactly(EntryStatus.ARCHIVED);
        assertThat(EntryWorkflow.nextStatuses(EntryStatus.ARCHIVED)).containsExactly(EntryStatus.DRAFT);
        assertThat(EntryWorkflow.allows(EntryStatus.DRAFT, EntryStatus.PUBLISHED)).isFalse();
    }

    @Test
    void namesEachChange() {
        assertThat(EntryWorkflow.changeName(EntryStatus.REVIEW, EntryStatus.DRAFT)).isEqualTo("returned");
        assertThat(EntryWorkflow.changeName(EntryStatus.ARCHIVED, EntryStatus.DRAFT)).isEqualTo("restored");
        assertThat(EntryWorkflow.changeName(EntryStatus.REVIEW, EntryStatus.PUBLISHED)).isEqualTo("published");
    }

    @Test
    void deletesOnlyWhatIsNotPublic() {
        assertThat(EntryWorkflow.mayDelete(EntryStatus.DRAFT)).isTrue();
        assertThat(EntryWorkflow.mayDelete(EntryStatus.ARCHIVED)).isTrue();
        assertThat(EntryWorkflow.mayDelete(EntryStatus.PUBLISHED)).isFalse();
        assertThat(EntryWorkflow.mayDelete(EntryStatus.REVIEW)).isFalse();
        assertThat(EntryWorkflow.mayEditContent(EntryStatus.ARCHIVED)).isFalse();
    }

    @Test
    void acceptsAValidEntry() {
        assertThat(EntryWorkflow.problems(valid())).isEmpty();
    }

    @Test
    void reportsEveryProblemWithItsField() {
        EntryContent bad = new EntryContent("Bad Slug", "poem", " ", "", "x".repeat(20001), List.of("nowhere"),
                List.of("cats"), "", "rank-11", LocalDate.of(2026, 1, 1), LocalDate.of(2025, 1, 1), "javascript:alert(1)");
        assertThat(EntryWorkflow.problems(bad)).extracting(RowError::field).containsExactly("slug", "type", "title",
                "summary", "body", "focusAreas", "targetGroups", "publisher", "evidence", "reviewDue", "sourceUrl");
    }

    @Test
    void makesSlugsFromSwedishTitles() {
        assertThat(EntryWorkflow.slugOf("Återfallsprevention (ÅP)")).isEqualTo("aterfallsprevention-ap");
        assertThat(EntryWorkflow.slugOf("Bostad först – Housing First")).isEqualTo("bostad-forst-housing-first");
        assertThat(EntryWorkflow.slugOf("!!!")).isEqualTo("post");
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
