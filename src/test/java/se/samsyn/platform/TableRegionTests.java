package se.samsyn.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Every data table in the templates sits directly in the one scroll container pattern, so that on
 * a phone it scrolls inside itself and a keyboard can reach it (issue 17, point 8; axe rule
 * scrollable-region-focusable): {@code <div class="table-scroll" tabindex="0" role="region"}
 * with an accessible name ({@code aria-label}, {@code th:aria-label} or {@code aria-labelledby}).
 * The print view's table is the one exception: it is laid out for paper and becomes cards on a phone.
 */
class TableRegionTests {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");

    @Test
    void everyDataTableScrollsInAFocusableNamedRegion() throws IOException {
        List<String> bare = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                bareTables(Files.readString(file, StandardCharsets.UTF_8))
                        .forEach(table -> bare.add(TEMPLATES.relativize(file) + ": " + table));
            }
        }
        assertThat(bare).isEmpty();
    }

    @Test
    void theRuleNamesTablesWithoutAFocusableNamedRegion() {
        String html = """
                <div class="table-scroll" tabindex="0" role="region" th:aria-label="#{a}"><table class="data" id="good"></table></div>
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="h"><table class="data" id="good2"></table></div>
                <div class="table-scroll"><table class="data" id="not-focusable"></table></div>
                <div class="table-scroll" tabindex="0" role="region"><table class="data" id="unnamed"></table></div>
                <section><table class="data compact" id="bare"></table></section>
                <table class="data print-table" id="print"></table>
                <table id="layout-only"></table>
                """;
        assertThat(bareTables(html)).containsExactly("table#not-focusable", "table#unnamed", "table#bare");
    }

    /** The data tables ({@code table.data}, print tables aside) in one template that lack the region wrapper, as "table#id". */
    static List<String> bareTables(String html) {
        List<String> bare = new ArrayList<>();
        for (Element table : Jsoup.parse(html).select("table.data:not(.print-table)")) {
            Element wrapper = table.parent();
            boolean scrolls = wrapper != null && wrapper.tagName().equals("div") && wrapper.hasClass("table-scroll")
                    && "0".equals(wrapper.attr("tabindex")) && "region".equals(wrapper.attr("role"));
            boolean named = wrapper != null && (wrapper.hasAttr("aria-label") || wrapper.hasAttr("th:aria-label")
                    || wrapper.hasAttr("aria-labelledby") || wrapper.hasAttr("th:aria-labelledby"));
            if (!(scrolls && named)) {
                bare.add("table#" + table.id());
            }
        }
        return bare;
    }
}
