package se.samsyn.knowledge.web;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import se.samsyn.knowledge.FeedItem;
import se.samsyn.knowledge.GuideEntries;

/** The Atom feed of changes the public can see: publications, corrections and archivals. */
@Controller
class GuideFeed {

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final GuideEntries entries;
    private final MessageSource messages;

    GuideFeed(GuideEntries entries, MessageSource messages) {
        this.entries = entries;
        this.messages = messages;
    }

    @GetMapping("/guide/feed.atom")
    ResponseEntity<String> feed(Locale locale) throws FeedException {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        List<FeedItem> items = entries.feed(50);
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle(messages.getMessage("guide.feed.title", null, locale));
        feed.setDescription(messages.getMessage("guide.feed.subtitle", null, locale));
        feed.setUri(base + "/guide/feed.atom");
        feed.setLink(base + "/guide");
        feed.setLanguage(locale.getLanguage());
        SyndLink self = new SyndLinkImpl();
        self.setRel("self");
        self.setHref(base + "/guide/feed.atom");
        self.setType("application/atom+xml");
        feed.setLinks(List.of(self));
        feed.setPublishedDate(items.isEmpty() ? new Date(0) : Date.from(items.get(0).changedAt()));
        List<SyndEntry> out = new ArrayList<>();
        for (FeedItem item : items) {
            SyndEntry entry = new SyndEntryImpl();
            String href = base + "/guide/entries/" + item.slug();
            entry.setUri(href + "#version-" + item.version());
            entry.setLink(href);
            // an entry imported straight into published status appears for the first time
            String change = "imported".equals(item.change()) && item.version() == 1 ? "published" : item.change();
            entry.setTitle(messages.getMessage("guide.feed.change." + change, new Object[] {item.title()},
                    item.title(), locale));
            entry.setAuthor(messages.getMessage("guide.feed.author", null, locale));
            entry.setUpdatedDate(Date.from(item.changedAt()));
            entry.setPublishedDate(Date.from(item.changedAt()));
            SyndContent summary = new SyndContentImpl();
            summary.setType("text");
            summary.setValue(item.summary());
            entry.setDescription(summary);
            out.add(entry);
        }
        feed.setEntries(out);
        return ResponseEntity.ok().contentType(ATOM).body(new SyndFeedOutput().outputString(feed));
    }
}
