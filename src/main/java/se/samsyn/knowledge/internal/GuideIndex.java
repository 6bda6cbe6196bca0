package se.samsyn.knowledge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.SimpleAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import se.samsyn.knowledge.Entry;
import se.samsyn.knowledge.FacetValue;
import se.samsyn.knowledge.Hit;
import se.samsyn.knowledge.SearchRequest;
import se.samsyn.knowledge.SearchResult;
import se.samsyn.knowledge.Suggestion;

/**
 * The Lucene index of published entries, held in memory. A rebuild writes a complete new index
 * beside the current one and then swaps the reference, so searches keep running on the old index
 * while the new one is built; an index is closed only when the last search on it has finished.
 * Facets use sorted-set doc values, so no taxonomy index is needed.
 *
 * <p>A query is matched against the title, summary and body, against the names of the entry's
 * facet values and its publisher ({@code facets}: "äldreomsorg" finds every entry in the elderly
 * care area, "Rädda Barnen" every entry it published), and, with a lower weight, against all of
 * these with å, ä and ö folded ({@code folded}: "hemloshet" finds "hemlöshet" but ranks below an
 * exact match). A query that finds nothing gets a spelling suggestion from Lucene's
 * {@link DirectSpellChecker} over the words of the indexed text ({@code spell}).
 */
final class GuideIndex implements AutoCloseable {

    /**
     * The names of a facet value, in every language the interface has, for the {@code facets}
     * field: for example {@code ("focus", "elderly-care")} gives "Äldreomsorg" and "Elderly care".
     * Dimensions are those of {@link #DIMENSIONS}; an unknown code gives no names.
     */
    @FunctionalInterface
    interface Labels {
        List<String> of(String dimension, String code);
    }

    /** The facet dimensions, in the order the page shows them. */
    static final List<String> DIMENSIONS = SearchRequest.DIMENSIONS;
    static final Map<String, Float> WEIGHTS = Map.of("title", 4f, "summary", 2f, "body", 1f, "facets", 2f,
            "folded", 0.5f);

    private static final FacetsConfig FACETS = facetsConfig();
    private final Analyzer indexAnalyzer = new PerFieldAnalyzerWrapper(SwedishGuideAnalyzer.forIndexing(),
            Map.of("suggest", new SimpleAnalyzer(), "spell", new SimpleAnalyzer(),
                    "folded", SwedishGuideAnalyzer.forFoldedIndexing()));
    private final Analyzer queryAnalyzer = new PerFieldAnalyzerWrapper(SwedishGuideAnalyzer.forQueries(),
            Map.of("folded", SwedishGuideAnalyzer.forFoldedQueries()));
    private final DirectSpellChecker spelling = new DirectSpellChecker();
    private final Labels labels;
    private final Object rebuilding = new Object();
    private volatile Snapshot current = Snapshot.empty();

    /** An index whose facet values are searchable by their codes only. */
    GuideIndex() {
        this((dimension, code) -> List.of());
    }

    /** An index whose facet values are searchable by these names. */
    GuideIndex(Labels labels) {
        this.labels = labels;
    }

    /** Builds a new index of these entries and swaps it in; searches meanwhile use the old one. */
    public void rebuild(Collection<Entry> entries) {
        synchronized (rebuilding) {
            Snapshot next = build(entries);
            Snapshot old = current;
            current = next;
            old.release();
        }
    }

    public int size() {
        return current.reader == null ? 0 : current.reader.numDocs();
    }

    public SearchResult search(SearchRequest request) {
        Snapshot s = acquire();
        try {
            if (s.reader == null) {
                return new SearchResult(request.text(), 0, List.of(), Map.of(), request.offset(), request.limit());
            }
            Query text = textQuery(request.text());
            DrillDownQuery drill = new DrillDownQuery(FACETS, text);
            request.filters().forEach((dim, values) -> {
                if (DIMENSIONS.contains(dim)) {
                    values.stream().filter(v -> v != null && !v.isBlank()).forEach(v -> drill.add(dim, v));
                }
            });
            int topN = Math.max(1, request.offset() + request.limit());
            DrillSideways sideways = new DrillSideways(s.searcher, FACETS, s.state);
            DrillSideways.DrillSidewaysResult result = request.text().isEmpty()
                    ? sideways.search(drill, null, null, topN, new Sort(new SortField("title_sort", SortField.Type.STRING)), false)
                    : sideways.search(drill, topN);
            TopDocs top = result.hits;
            Map<String, List<FacetValue>> facets = facets(result.facets, request);
            List<Hit> hits = hits(s, text, top, request);
            SearchResult found = new SearchResult(request.text(), top.totalHits.value, hits, facets, request.offset(),
                    request.limit());
            return found.total() == 0 && !request.text().isEmpty() ? found.withDidYouMean(didYouMean(s, request.text()))
                    : found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            s.release();
        }
    }

    /**
     * The query with each word that is not in the indexed text replaced by the closest word that
     * is (at most two edits away), if that query finds something; null otherwise.
     */
    private String didYouMean(Snapshot s, String text) throws IOException {
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        List<String> corrected = new ArrayList<>();
        boolean changed = false;
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            SuggestWord[] close = spelling.suggestSimilar(new Term("spell", word), 1, s.reader,
                    SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            if (close.length > 0) {
                corrected.add(close[0].string);
                changed = true;
            } else {
                corrected.add(word);
            }
        }
        if (!changed) {
            return null;
        }
        String query = String.join(" ", corrected);
        return s.searcher.count(textQuery(query)) > 0 ? query : null;
    }

    /** Titles that contain the words typed so far, the last one as a prefix: "miss" suggests "Missbruk...". */
    public List<Suggestion> suggest(String typed, int max) {
        String[] words = typed == null ? new String[0] : typed.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        List<String> parts = java.util.Arrays.stream(words).filter(w -> !w.isEmpty()).toList();
        if (parts.isEmpty() || parts.get(parts.size() - 1).length() < 2) {
            return List.of();
        }
        Snapshot s = acquire();
        try {
            if (s.reader == null) {
                return List.of();
            }
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            for (int i = 0; i < parts.size(); i++) {
                Term term = new Term("suggest", parts.get(i));
                query.add(i == parts.size() - 1 ? new PrefixQuery(term) : new TermQuery(term), BooleanClause.Occur.MUST);
            }
            TopDocs top = s.searcher.search(query.build(), max);
            List<Suggestion> out = new ArrayList<>();
            for (ScoreDoc d : top.scoreDocs) {
                Document doc = s.searcher.storedFields().document(d.doc);
                out.add(new Suggestion(doc.get("slug"), doc.get("title"), doc.get("type")));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            s.release();
        }
    }

    @Override
    public void close() {
        synchronized (rebuilding) {
            Snapshot old = current;
            current = Snapshot.empty();
            old.release();
        }
    }

    Query textQuery(String text) {
        if (text.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        SimpleQueryParser parser = new SimpleQueryParser(queryAnalyzer, WEIGHTS);
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        Query q = parser.parse(text);
        return q == null ? new MatchNoDocsQuery() : q;
    }

    private List<Hit> hits(Snapshot s, Query text, TopDocs top, SearchRequest request) throws IOException {
        ScoreDoc[] page = java.util.Arrays.copyOfRange(top.scoreDocs, Math.min(request.offset(), top.scoreDocs.length),
                top.scoreDocs.length);
        Map<Integer, String> snippets = new java.util.HashMap<>();
        Map<Integer, String> titles = new java.util.HashMap<>();
        if (!request.text().isEmpty() && page.length > 0) {
            UnifiedHighlighter highlighter = UnifiedHighlighter.builder(s.searcher, indexAnalyzer)
                    .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                    .withMaxLength(30_000).build();
            TopDocs pageDocs = new TopDocs(top.totalHits, page);
            Map<String, String[]> marked = highlighter.highlightFields(new String[] {"title", "summary", "body"},
                    text, pageDocs, new int[] {1, 1, 2});
            for (int i = 0; i < page.length; i++) {
                String body = marked.get("body")[i];
                String summary = marked.get("summary")[i];
                snippets.put(page[i].doc, body != null && body.contains("<mark>") ? body : summary);
                titles.put(page[i].doc, marked.get("title")[i]);
            }
        }
        List<Hit> hits = new ArrayList<>();
        for (ScoreDoc d : page) {
            Document doc = s.searcher.storedFields().document(d.doc);
            String title = titles.get(d.doc);
            String snippet = snippets.get(d.doc);
            hits.add(new Hit(doc.get("slug"), doc.get("type"), doc.get("title"),
                    title != null && title.contains("<mark>") ? title : null, doc.get("summary"),
                    doc.get("publisher"), doc.get("evidence"), List.of(doc.getValues("focus")),
                    List.of(doc.getValues("target")), snippet != null && snippet.contains("<mark>") ? snippet : null,
                    Float.isNaN(d.score) ? 0f : d.score));
        }
        return hits;
    }

    private static Map<String, List<FacetValue>> facets(Facets facets, SearchRequest request) throws IOException {
        Map<String, List<FacetValue>> out = new LinkedHashMap<>();
        for (String dim : DIMENSIONS) {
            List<String> selected = request.filters().getOrDefault(dim, List.of());
            List<FacetValue> values = new ArrayList<>();
            FacetResult result;
            try {
                result = facets.getTopChildren(100, dim);
            } catch (IllegalArgumentException notIndexed) {
                result = null;
            }
            if (result != null) {
                for (LabelAndValue lv : result.labelValues) {
                    values.add(new FacetValue(lv.label, lv.value.intValue(), selected.contains(lv.label)));
                }
            }
            for (String v : selected) {
                if (values.stream().noneMatch(f -> f.value().equals(v))) {
                    values.add(new FacetValue(v, 0, true));
                }
            }
            out.put(dim, values);
        }
        return out;
    }

    private Snapshot build(Collection<Entry> entries) {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try {
            IndexWriterConfig config = new IndexWriterConfig(indexAnalyzer);
            config.setRAMBufferSizeMB(64);
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                addAll(writer, List.copyOf(entries));
                writer.commit();
            }
            DirectoryReader reader = DirectoryReader.open(directory);
            if (reader.numDocs() == 0) {
                reader.close();
                return Snapshot.empty();
            }
            return new Snapshot(reader, new IndexSearcher(reader), new DefaultSortedSetDocValuesReaderState(reader, FACETS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Large rebuilds use every core: the writer is thread-safe and each thread reuses its own analyzer. */
    private void addAll(IndexWriter writer, List<Entry> entries) throws IOException {
        int threads = entries.size() < 2_000 ? 1 : Math.max(1, Runtime.getRuntime().availableProcessors());
        if (threads == 1) {
            for (Entry e : entries) {
                writer.addDocument(FACETS.build(document(e)));
            }
            return;
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> parts = new ArrayList<>();
            int chunk = (entries.size() + threads - 1) / threads;
            for (int from = 0; from < entries.size(); from += chunk) {
                List<Entry> part = entries.subList(from, Math.min(entries.size(), from + chunk));
                parts.add(pool.submit(() -> {
                    for (Entry e : part) {
                        writer.addDocument(FACETS.build(document(e)));
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> part : parts) {
                part.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Index rebuild interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("Index rebuild failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    Document document(Entry e) {
        Document doc = new Document();
        String body = GuideMarkdown.plainText(e.body());
        String facetNames = String.join("\n", facetNames(e));
        doc.add(new StringField("slug", e.slug(), Field.Store.YES));
        doc.add(new TextField("title", e.title(), Field.Store.YES));
        doc.add(new TextField("summary", e.summary(), Field.Store.YES));
        doc.add(new TextField("body", body, Field.Store.YES));
        doc.add(new TextField("facets", facetNames, Field.Store.NO));
        String all = String.join("\n", e.title(), e.summary(), body, facetNames);
        doc.add(new TextField("folded", all, Field.Store.NO));
        doc.add(new TextField("spell", all, Field.Store.NO));
        doc.add(new TextField("suggest", e.title(), Field.Store.NO));
        doc.add(new SortedDocValuesField("title_sort", new BytesRef(e.title().toLowerCase(Locale.ROOT))));
        keyword(doc, "type", e.type());
        keyword(doc, "publisher", e.publisher());
        if (e.evidence() != null) {
            keyword(doc, "evidence", e.evidence());
        }
        e.focusAreas().forEach(f -> keyword(doc, "focus", f));
        e.targetGroups().forEach(t -> keyword(doc, "target", t));
        return doc;
    }

    /** The publisher and the names of the entry's type, focus areas and target groups. */
    private List<String> facetNames(Entry e) {
        List<String> names = new ArrayList<>();
        names.add(e.publisher());
        names.addAll(labels.of("type", e.type()));
        e.focusAreas().forEach(f -> names.addAll(labels.of("focus", f)));
        e.targetGroups().forEach(t -> names.addAll(labels.of("target", t)));
        return names;
    }

    private static void keyword(Document doc, String dim, String value) {
        doc.add(new StoredField(dim, value));
        doc.add(new SortedSetDocValuesFacetField(dim, value));
    }

    private static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued("focus", true);
        config.setMultiValued("target", true);
        return config;
    }

    private Snapshot acquire() {
        while (true) {
            Snapshot s = current;
            if (s.tryRetain()) {
                return s;
            }
        }
    }

    /** One built index with its reader; reference-counted so it closes after its last search. */
    private static final class Snapshot {
        final DirectoryReader reader;
        final IndexSearcher searcher;
        final SortedSetDocValuesReaderState state;

        Snapshot(DirectoryReader reader, IndexSearcher searcher, SortedSetDocValuesReaderState state) {
            this.reader = reader;
            this.searcher = searcher;
            this.state = state;
        }

        static Snapshot empty() {
            return new Snapshot(null, null, null);
        }

        boolean tryRetain() {
            return reader == null || reader.tryIncRef();
        }

        void release() {
            if (reader != null) {
                try {
                    reader.decRef();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
