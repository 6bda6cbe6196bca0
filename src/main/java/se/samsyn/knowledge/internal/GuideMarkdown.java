package se.samsyn.knowledge.internal;

import java.util.List;
import org.commonmark.renderer.html.DefaultUrlSanitizer;

import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Entry bodies are CommonMark. Raw HTML in the source is escaped, not passed through, and link
 * and image addresses other than http, https, mailto and relative ones (no scheme) are dropped
 * ({@code data:}, {@code javascript:}, {@code vbscript:} and every other scheme become an empty
 * address), so the rendered HTML is safe to show as it is.
 */
public final class GuideMarkdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            // CommonMark's default list also lets data: through (issue 12 point 7)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
            .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                if (node instanceof Link) {
                    attributes.put("rel", "nofollow noopener");
                }
            })
            .build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

    private GuideMarkdown() {
    }

    public static String html(String markdown) {
        Node document = PARSER.parse(markdown == null ? "" : markdown);
        return HTML.render(document);
    }

    /** The words of the text without the Markdown marks, for the search index. */
    public static String plainText(String markdown) {
        return TEXT.render(PARSER.parse(markdown == null ? "" : markdown));
    }
}
