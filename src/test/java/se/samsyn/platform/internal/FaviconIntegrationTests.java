package se.samsyn.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.TestDatabases;

/**
 * The site's icon, through the real security chain to an anonymous visitor: the icon a browser
 * asks for at {@code /favicon.ico} and the ones the layout links answer 200 with their image
 * types, and no request for them leaves a warning in the log (a missing icon left two per page).
 */
@SpringBootTest(properties = "samsyn.demo=false")
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class FaviconIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "favicon");
    }

    @Autowired
    MockMvc mvc;

    @Test
    void theIconAnswersAnonymouslyWithItsTypeAndNothingIsWarned(CapturedOutput output) throws Exception {
        Document login = Jsoup.parse(mvc.perform(get("/login")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        List<String> linked = login.select("head link[rel=icon]").eachAttr("href");
        assertThat(linked).containsExactly("/favicon.ico", "/images/favicon.svg");
        int before = output.getAll().length();

        MockHttpServletResponse ico = mvc.perform(get("/favicon.ico")).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(ico.getContentType()).isEqualTo("image/x-icon");
        assertThat(ico.getContentAsByteArray()).startsWith(0, 0, 1, 0); // an icon file's header: type 1, icon
        MockHttpServletResponse svg = mvc.perform(get("/images/favicon.svg")).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(svg.getContentType()).isEqualTo("image/svg+xml");
        assertThat(svg.getContentAsString()).contains("fill=\"#00507d\"");
        Element svgLink = login.selectFirst("head link[rel=icon][href=/images/favicon.svg]");
        assertThat(svgLink.attr("type")).isEqualTo("image/svg+xml");

        assertThat(output.getAll().substring(before)).doesNotContain("WARN").doesNotContain("favicon");
    }
}
