package se.samsyn.knowledge;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import se.samsyn.knowledge.GuideRecords.SearchRequest;
import se.samsyn.knowledge.GuideRecords.SearchResult;
import se.samsyn.knowledge.GuideRecords.Suggestion;

/**
 * Full-text search over the published entries. The index is rebuilt from the database when the
 * application is ready and after every committed change; see {@link GuideIndex} for why searches
 * keep working during a rebuild.
 */
@Service
public class GuideSearch {

    private static final Logger log = LoggerFactory.getLogger(GuideSearch.class);

    private final GuideEntries entries;
    private final GuideIndex index = new GuideIndex();

    GuideSearch(GuideEntries entries) {
        this.entries = entries;
    }

    public SearchResult search(SearchRequest request) {
        return index.search(request);
    }

    public List<Suggestion> suggest(String typed) {
        return index.suggest(typed, 8);
    }

    public int indexedEntries() {
        return index.size();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void rebuildAtStart() {
        rebuild();
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void rebuildAfter(GuideChanged change) {
        rebuild();
    }

    /** Reads every published entry and swaps in a fresh index. */
    public void rebuild() {
        long started = System.nanoTime();
        List<GuideRecords.Entry> published = entries.published();
        index.rebuild(published);
        log.debug("Guide index rebuilt with {} entries in {} ms", published.size(), (System.nanoTime() - started) / 1_000_000);
    }

    @jakarta.annotation.PreDestroy
    void close() {
        index.close();
    }
}
