package se.samsyn.comparison.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import static java.nio.charset.StandardCharsets.UTF_8;

import jakarta.servlet.http.Cookie;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.TestDatabases;
import se.samsyn.cluster.ChangeSignals;
import se.samsyn.comparison.Comparisons;

/**
 * The public indicator page's table, and the page as an anonymous reader gets it
 * ({@link IndicatorPageCache}), are built once and kept until results are refreshed: a stored
 * nation value of 12.5 changed behind the page's back to 47.5 is not seen until a refresh on this
 * instance (the {@link ResultsRefreshed} event) or the change signal from another instance. A kept
 * page carries an ETag (304 when it matches); another language and an unpublished indicator never
 * get a kept page (a signed-in reader neither: {@link IndicatorPageCacheTests}).
 */
@SpringBootTest(properties = {"samsyn.demo=false", "samsyn.data-dir=target/test-data",
        "samsyn.cluster.signal-interval=1000d"})
@AutoConfigureMockMvc
class IndicatorPageCacheIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "indicator-page-cache");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ComparisonEngine engine;

    @Autowired
    ChangeSignals signals;

    @Autowired
    IndicatorPageCache pages;

    @BeforeEach
    void indicatorWithANationValue() {
        pages.forget();
        jdbc.sql("DELETE FROM cmp_result WHERE indicator_id = 'U90501'").update();
        jdbc.sql("DELETE FROM cmp_indicator WHERE id = 'U90501'").update();
        jdbc.sql("""
                INSERT INTO cmp_indicator (id, title_sv, title_en, kind, unit, direction, origin, published,
                                           created_by, created_at)
                VALUES ('U90501', 'Cachad', 'Cached', 'key-figure', 'percent', 'higher', 'kolada', TRUE, 'test', :at)""")
                .param("at", OffsetDateTime.now()).update();
        jdbc.sql("""
                INSERT INTO cmp_result (indicator_id, area_code, area_kind, stat_year, gender, result_value, n, status)
                VALUES ('U90501', '0000', 'nation', 2024, 'T', 12.5, 100, 'ok')""").update();
        engine.refresh("U90501");
        assertThat(nationValue()).contains("12,5");
        jdbc.sql("UPDATE cmp_result SET result_value = 47.5 WHERE indicator_id = 'U90501'").update();
        assertThat(nationValue()).as("the page is served from the cache").contains("12,5");
    }

    @Test
    void aRefreshOnThisInstanceShowsTheNewValue() throws Exception {
        engine.refresh("U90501");
        assertThat(nationValue()).contains("47,5");
    }

    @Test
    void aRefreshSignalledByAnotherInstanceShowsTheNewValue() throws Exception {
        signals.raise(Comparisons.RESULTS_CHANGED);
        assertThat(nationValue()).as("not before this instance has polled the signals").contains("12,5");
        signals.poll();
        assertThat(nationValue()).contains("47,5");
    }

    @Test
    void anAnonymousReaderGetsTheKeptPageWithAnETagAnd304WhenItMatches() throws Exception {
        MockHttpServletResponse first = mvc.perform(get("/comparisons/indicators/U90501")).andReturn().getResponse();
        MockHttpServletResponse second = mvc.perform(get("/comparisons/indicators/U90501")).andReturn().getResponse();
        assertThat(second.getContentAsString(UTF_8)).isEqualTo(first.getContentAsString(UTF_8));
        assertThat(second.getContentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(second.getHeader("ETag")).isEqualTo(first.getHeader("ETag")).startsWith("\"");
        assertThat(second.getHeader("Cache-Control")).isEqualTo("no-cache");
        assertThat(pages.size()).isEqualTo(1);

        MockHttpServletResponse unchanged = mvc.perform(get("/comparisons/indicators/U90501")
                .header("If-None-Match", first.getHeader("ETag"))).andReturn().getResponse();
        assertThat(unchanged.getStatus()).isEqualTo(304);
        assertThat(unchanged.getContentAsString(UTF_8)).isEmpty();
    }

    @Test
    void aPageRenderedAgainAfterARefreshAnswers304ToTheReaderWhoHoldsIt() throws Exception {
        MockHttpServletResponse first = mvc.perform(get("/comparisons/indicators/U90501")).andReturn().getResponse();
        jdbc.sql("UPDATE cmp_result SET result_value = 12.5 WHERE indicator_id = 'U90501'").update();
        engine.refresh("U90501");
        assertThat(pages.size()).as("the refresh emptied the cache").isZero();
        MockHttpServletResponse unchanged = mvc.perform(get("/comparisons/indicators/U90501")
                .header("If-None-Match", first.getHeader("ETag"))).andReturn().getResponse();
        assertThat(unchanged.getStatus()).isEqualTo(304);
        assertThat(unchanged.getContentAsString(UTF_8)).isEmpty();
        assertThat(unchanged.getHeader("ETag")).isEqualTo(first.getHeader("ETag"));
        assertThat(pages.size()).as("rendered again and kept").isEqualTo(1);
    }

    @Test
    void anotherLanguageGetsItsOwnPage() throws Exception {
        String english = mvc.perform(get("/comparisons/indicators/U90501").cookie(new Cookie("samsyn-lang", "en")))
                .andReturn().getResponse().getContentAsString(UTF_8);
        assertThat(english).contains("<h1><span>Cached</span>");
        String swedish = mvc.perform(get("/comparisons/indicators/U90501")).andReturn().getResponse()
                .getContentAsString(UTF_8);
        assertThat(swedish).contains("<h1><span>Cachad</span>");
        assertThat(pages.size()).isEqualTo(2);
    }

    @Test
    void anUnpublishedIndicatorIsNotServedFromMemory() throws Exception {
        assertThat(pages.size()).isEqualTo(1);
        jdbc.sql("UPDATE cmp_indicator SET published = FALSE WHERE id = 'U90501'").update();
        assertThat(mvc.perform(get("/comparisons/indicators/U90501")).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    /** The text of the page's nation figure ({@code dd#nation-value}). */
    private String nationValue() {
        try {
            String html = mvc.perform(get("/comparisons/indicators/U90501")).andReturn().getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            int start = html.indexOf("id=\"nation-value\"");
            assertThat(start).as("the nation figure is on the page").isPositive();
            return html.substring(html.indexOf('>', start) + 1, html.indexOf("</dd>", start));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
