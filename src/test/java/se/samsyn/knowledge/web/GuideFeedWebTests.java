package se.samsyn.knowledge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import se.samsyn.WebSliceTest;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.knowledge.FeedItem;
import se.samsyn.knowledge.GuideEntries;

/**
 * The guide's Atom feed on the web layer alone, read back as XML: the feed's title in Swedish, and
 * each change as an entry whose title says what happened (an entry imported straight into
 * published status counts as published), with its link, id per version, time and summary.
 */
@WebSliceTest(GuideFeed.class)
@WithMockUser
class GuideFeedWebTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    GuideEntries entries;

    @Test
    void eachChangeIsAnEntrySayingWhatHappened() throws Exception {
        when(entries.feed(50)).thenReturn(List.of(
                new FeedItem("bostad-forst", "Bostad först", "Boende utan krav på behandling.", "published", "imported",
                        1, Instant.parse("2025-03-02T10:00:00Z")),
                new FeedItem("mi", "Motiverande samtal", "Samtalsmetod.", "archived", "archived", 4,
                        Instant.parse("2025-03-01T09:00:00Z"))));
        String xml = mvc.perform(get("/guide/feed.atom"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/atom+xml;charset=UTF-8"))
                .andReturn().getResponse().getContentAsString();

        Document feed = Jsoup.parse(xml, "", Parser.xmlParser());
        assertThat(feed.selectFirst("feed > title").text()).isEqualTo("Samsyns kunskapsguide – ändringar");
        assertThat(feed.selectFirst("feed > link[rel=self]").attr("href")).isEqualTo("http://localhost/guide/feed.atom");
        List<Element> items = feed.select("entry");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).selectFirst("title").text()).isEqualTo("Publicerad: Bostad först");
        assertThat(items.get(0).selectFirst("link").attr("href")).isEqualTo("http://localhost/guide/entries/bostad-forst");
        assertThat(items.get(0).selectFirst("id").text())
                .isEqualTo("http://localhost/guide/entries/bostad-forst#version-1");
        assertThat(items.get(0).selectFirst("updated").text()).isEqualTo("2025-03-02T10:00:00Z");
        assertThat(items.get(0).selectFirst("summary").text()).isEqualTo("Boende utan krav på behandling.");
        assertThat(items.get(1).selectFirst("title").text()).isEqualTo("Arkiverad: Motiverande samtal");
        assertThat(items.get(1).selectFirst("author name").text()).isEqualTo("Samsyns kunskapsredaktion");
    }
}
