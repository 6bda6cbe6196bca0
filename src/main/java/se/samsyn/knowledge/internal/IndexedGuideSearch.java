package se.samsyn.knowledge.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import se.samsyn.cluster.ChangeSignals;
import se.samsyn.knowledge.Entry;
import se.samsyn.knowledge.GuideChanged;
import se.samsyn.knowledge.GuideEntries;
import se.samsyn.knowledge.GuideSearch;
import se.samsyn.knowledge.SearchRequest;
import se.samsyn.knowledge.SearchResult;
import se.samsyn.knowledge.Suggestion;

/**
 * {@link GuideSearch} over the published entries. Each instance keeps its own index, rebuilt from
 * the database when the application is ready, after every change committed on this instance, and
 * when another instance signals a change (change-signal topic {@value #GUIDE_CHANGED}, read every
 * {@code samsyn.cluster.signal-interval}, 2 s by default): a change made on one instance is
 * searchable on every instance within a few seconds. See {@link GuideIndex} for why searches keep
 * working during a rebuild.
 */
@Service
class IndexedGuideSearch implements GuideSearch {

    private static final Logger log = LoggerFactory.getLogger(IndexedGuideSearch.class);

    private final GuideEntries entries;
    private final GuideIndex index;
    private final ChangeSignals signals;

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    /** Change-signal topic raised in every transaction that changes the guide. */
    static final String GUIDE_CHANGED = "knowledge-guide";

    IndexedGuideSearch(GuideEntries entries, ChangeSignals signals, MessageSource messages) {
        this.entries = entries;
        this.signals = signals;
        this.index = new GuideIndex(labels(messages));
        signals.onChange(GUIDE_CHANGED, this::rebuild);
    }

    @Override
    public SearchResult search(SearchRequest request) {
        return index.search(request);
    }

    @Override
    public List<Suggestion> suggest(String typed) {
        return index.suggest(typed, 8);
    }

    @Override
    public int indexedEntries() {
        return index.size();
    }

    /** Builds the first index when the application is ready. */
    @EventListener(ApplicationReadyEvent.class)
    public void rebuildAtStart() {
        rebuild();
    }

    /** Rebuilds after the transaction that changed the guide has committed. */
    @TransactionalEventListener(fallbackExecution = true)
    public void rebuildAfter(GuideChanged change) {
        rebuild();
    }

    /** Raises the change signal in the transaction that changed the guide, for the other instances. */
    @EventListener
    void signal(GuideChanged change) {
        signals.raise(GUIDE_CHANGED);
    }

    /** Reads every published entry and swaps in a fresh index. */
    public synchronized void rebuild() {
        long started = System.nanoTime();
        List<Entry> published = entries.published();
        index.rebuild(published);
        log.debug("Guide index rebuilt with {} entries in {} ms", published.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The Swedish and English names of facet values, as the search page shows them
     * ({@code guide.type.*}, {@code focus-area.*}, {@code guide.target.*}).
     */
    static GuideIndex.Labels labels(MessageSource messages) {
        Map<String, String> prefixes = Map.of("type", "guide.type.", "focus", "focus-area.", "target", "guide.target.");
        return (dimension, code) -> {
            String prefix = prefixes.get(dimension);
            if (prefix == null) {
                return List.of();
            }
            return Stream.of(SWEDISH, Locale.ENGLISH)
                    .map(locale -> messages.getMessage(prefix + code, null, null, locale))
                    .filter(name -> name != null).distinct().toList();
        };
    }

    @jakarta.annotation.PreDestroy
    void close() {
        index.close();
    }
}
