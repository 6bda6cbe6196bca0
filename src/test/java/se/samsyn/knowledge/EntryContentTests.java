package se.samsyn.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** An entry's content as a value: slugs from titles, lists never null. */
class EntryContentTests {

    @Test
    void makesSlugsFromSwedishTitles() {
        assertThat(EntryContent.slugOf("Återfallsprevention (ÅP)")).isEqualTo("aterfallsprevention-ap");
        assertThat(EntryContent.slugOf("Bostad först – Housing First")).isEqualTo("bostad-forst-housing-first");
        assertThat(EntryContent.slugOf("!!!")).isEqualTo("post");
    }

    @Test
    void cutsALongSlugAtOneHundredCharactersWithoutATrailingDash() {
        String title = "a".repeat(99) + " b";
        assertThat(EntryContent.slugOf(title)).isEqualTo("a".repeat(99));
        assertThat(EntryContent.slugOf(null)).isEqualTo("post");
    }

    @Test
    void listsAreNeverNull() {
        EntryContent c = new EntryContent("x", "method", "X", "S", "", null, null, "SKR", null, null, null, null);
        assertThat(c.focusAreas()).isEqualTo(List.of());
        assertThat(c.targetGroups()).isEqualTo(List.of());
    }
}
