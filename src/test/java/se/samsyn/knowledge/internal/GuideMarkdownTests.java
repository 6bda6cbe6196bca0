package se.samsyn.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 12 point 7: Markdown renders only http, https, mailto and relative links. */
class GuideMarkdownTests {

    @Test
    void httpHttpsMailtoAndRelativeLinksAreKept() {
        assertThat(GuideMarkdown.html("[a](https://socialstyrelsen.se/x) [b](http://example.se) "
                + "[c](mailto:info@example.se) [d](/guide/entries/mi)"))
                .isEqualTo("<p><a rel=\"nofollow noopener\" href=\"https://socialstyrelsen.se/x\">a</a> "
                        + "<a rel=\"nofollow noopener\" href=\"http://example.se\">b</a> "
                        + "<a rel=\"nofollow noopener\" href=\"mailto:info@example.se\">c</a> "
                        + "<a rel=\"nofollow noopener\" href=\"/guide/entries/mi\">d</a></p>\n");
    }

    @Test
    void dataJavascriptAndOtherSchemesLoseTheirAddress() {
        assertThat(GuideMarkdown.html("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"))
                .isEqualTo("<p><a rel=\"nofollow noopener\" href=\"\">x</a></p>\n");
        assertThat(GuideMarkdown.html("[x](javascript:alert(1)) ![i](data:image/svg+xml;base64,AAAA) "
                + "<vbscript:msgbox> [f](file:///etc/passwd)"))
                .isEqualTo("<p><a rel=\"nofollow noopener\" href=\"\">x</a> <img src=\"\" alt=\"i\" /> "
                        + "<a rel=\"nofollow noopener\" href=\"\">vbscript:msgbox</a> "
                        + "<a rel=\"nofollow noopener\" href=\"\">f</a></p>\n");
    }
}
