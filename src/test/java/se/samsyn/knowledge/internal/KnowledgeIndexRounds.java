package se.samsyn.knowledge.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import se.samsyn.knowledge.Entry;
import se.samsyn.knowledge.Hit;
import se.samsyn.knowledge.SearchRequest;
import se.samsyn.knowledge.SearchResult;

/**
 * The rounds of the knowledge index benchmark, shared by the full run ({@link KnowledgeIndexBenchmark})
 * and the small run in the build ({@link KnowledgeIndexBenchmarkTests}). The same generated entries
 * are indexed and searched by the guide's index ({@link GuideIndex}: Swedish analysers, compound
 * and definite-form filters, facets, highlighting) and by a baseline: a plain Lucene index of the
 * same title, summary and body with Lucene's {@link StandardAnalyzer}, searched with the same
 * parser, weights and type filter but without facets or highlighting. The baseline is the cost of
 * full-text search itself in the same library, so the ratio shows what Samsyn's analysis, facets
 * and highlighting add (the database {@code LIKE} search the index replaced is not comparable: it
 * neither ranks nor matches word forms). Each side is built and queried {@code rounds} times, in
 * turn, and the medians are reported.
 *
 * <p>Checked every round, failing with {@link AssertionError}: planted entries with a word that
 * no generated entry has are found exactly (the same slugs, by both indexes, also with a type
 * filter); planted entries with its definite form are found by the guide's index only; and for
 * every one-word benchmark query the baseline finds exactly the generated entries that contain
 * the word, counted independently in Java.
 */
final class KnowledgeIndexRounds {

    /** Medians of both sides and the number of checks passed. */
    record Result(int entries, int queries, double guideIndexSeconds, double plainIndexSeconds, double guideP50,
                  double guideP99, double plainP50, double plainP99, int checks) {
    }

    static final String MARKER = "kvarnhjul";
    static final String DEFINITE = "kvarnhjulet";
    private static final int MARKED = 7;
    private static final int MARKED_DEFINITE = 5;

    /** Runs both sides {@code rounds} times on {@code count} generated entries and {@code queries} queries. */
    Result run(int count, int queries, int rounds) throws IOException {
        Random random = new Random(42);
        List<Entry> entries = new ArrayList<>(count + MARKED + MARKED_DEFINITE);
        for (int i = 0; i < count; i++) {
            entries.add(KnowledgeIndexBenchmark.generate(i, random));
        }
        Set<String> marked = new TreeSet<>();
        Set<String> markedOfType = new TreeSet<>();
        for (int i = 0; i < MARKED + MARKED_DEFINITE; i++) {
            Entry e = KnowledgeIndexBenchmark.generate(count + i, random);
            String word = i < MARKED ? MARKER : DEFINITE;
            Entry planted = new Entry(e.id(), "planted-" + i, KnowledgeIndexBenchmark.TYPES[i % 2], e.title(),
                    e.summary() + " " + word, e.body(), e.focusAreas(), e.targetGroups(), e.publisher(), e.evidence(),
                    null, null, null, "published", 1, Instant.EPOCH, "benchmark", Instant.EPOCH);
            entries.add(planted);
            if (i < MARKED) {
                marked.add(planted.slug());
                if (i % 2 == 0) {
                    markedOfType.add(planted.slug());
                }
            }
        }
        List<SearchRequest> requests = new ArrayList<>(queries);
        for (int i = 0; i < queries; i++) {
            requests.add(KnowledgeIndexBenchmark.request(i, random));
        }
        double[] guideIndex = new double[rounds];
        double[] plainIndex = new double[rounds];
        double[] guideP50 = new double[rounds];
        double[] guideP99 = new double[rounds];
        double[] plainP50 = new double[rounds];
        double[] plainP99 = new double[rounds];
        int checks = 0;
        for (int r = 0; r < rounds; r++) {
            try (GuideIndex guide = new GuideIndex(); PlainIndex plain = new PlainIndex()) {
                long t = System.nanoTime();
                guide.rebuild(entries);
                guideIndex[r] = (System.nanoTime() - t) / 1e9;
                t = System.nanoTime();
                plain.build(entries);
                plainIndex[r] = (System.nanoTime() - t) / 1e9;

                checks += check(guide, plain, entries, marked, markedOfType);

                double[] g = latencies(requests, q -> guide.search(q).total());
                double[] p = latencies(requests, plain::search);
                guideP50[r] = g[0];
                guideP99[r] = g[1];
                plainP50[r] = p[0];
                plainP99[r] = p[1];
            }
        }
        return new Result(count, queries, median(guideIndex), median(plainIndex), median(guideP50), median(guideP99),
                median(plainP50), median(plainP99), checks);
    }

    /** Prints the result as the README shows it. */
    static void print(Result r, int rounds) {
        System.out.println();
        System.out.printf(Locale.ROOT, "=== Knowledge index benchmark (%,d entries, %,d queries, median of %d) ===%n",
                r.entries(), r.queries(), rounds);
        System.out.printf(Locale.ROOT, "guide index : build %6.2f s %,9.0f entries/s   query p50 %6.2f ms  p99 %6.2f ms"
                + "  (Swedish analysis, facets, highlights)%n", r.guideIndexSeconds(), r.entries() / r.guideIndexSeconds(),
                r.guideP50(), r.guideP99());
        System.out.printf(Locale.ROOT, "plain Lucene: build %6.2f s %,9.0f entries/s   query p50 %6.2f ms  p99 %6.2f ms"
                + "  (StandardAnalyzer, top 20 and count)%n", r.plainIndexSeconds(), r.entries() / r.plainIndexSeconds(),
                r.plainP50(), r.plainP99());
        System.out.printf(Locale.ROOT, "ratios      : build time %.2f x plain, query p50 %.2f x plain, p99 %.2f x plain%n",
                r.guideIndexSeconds() / r.plainIndexSeconds(), r.guideP50() / r.plainP50(), r.guideP99() / r.plainP99());
        System.out.printf(Locale.ROOT, "checked     : %d expected-hit checks passed%n", r.checks());
    }

    private int check(GuideIndex guide, PlainIndex plain, List<Entry> entries, Set<String> marked,
                      Set<String> markedOfType) throws IOException {
        int checks = 0;
        expect("guide index, " + MARKER, slugs(guide.search(new SearchRequest(MARKER, Map.of(), 0, 50))),
                union(marked, planted(entries, DEFINITE)));
        checks++;
        expect("plain index, " + MARKER, plain.slugs(MARKER, null), marked);
        checks++;
        expect("guide index, " + MARKER + " of one type", slugs(guide.search(new SearchRequest(MARKER,
                Map.of("type", List.of(KnowledgeIndexBenchmark.TYPES[0])), 0, 50))),
                union(markedOfType, planted(entries, DEFINITE).stream().filter(s -> number(s) % 2 == 0).toList()));
        checks++;
        expect("plain index, " + MARKER + " of one type", plain.slugs(MARKER, KnowledgeIndexBenchmark.TYPES[0]),
                markedOfType);
        checks++;
        for (String q : KnowledgeIndexBenchmark.QUERIES) {
            if (q.contains(" ")) {
                continue;
            }
            long expected = entries.stream().filter(e -> words(e).contains(q)).count();
            long found = plain.count(q);
            if (found != expected) {
                throw new AssertionError("plain index, " + q + ": " + found + " hits, " + expected + " entries have it");
            }
            checks++;
        }
        return checks;
    }

    private static Set<String> union(Set<String> a, java.util.Collection<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static Set<String> planted(List<Entry> entries, String word) {
        Set<String> slugs = new TreeSet<>();
        entries.stream().filter(e -> e.slug().startsWith("planted-") && words(e).contains(word))
                .forEach(e -> slugs.add(e.slug()));
        return slugs;
    }

    private static int number(String slug) {
        return Integer.parseInt(slug.substring(slug.indexOf('-') + 1));
    }

    private static Set<String> words(Entry e) {
        return new HashSet<>(Arrays.asList((e.title() + " " + e.summary() + " " + e.body()).toLowerCase(Locale.ROOT)
                .split("[^\\p{L}\\p{N}]+")));
    }

    private static Set<String> slugs(SearchResult result) {
        Set<String> slugs = new TreeSet<>();
        result.hits().stream().map(Hit::slug).forEach(slugs::add);
        if (result.total() != slugs.size()) {
            throw new AssertionError("total " + result.total() + " but " + slugs.size() + " hits listed");
        }
        return slugs;
    }

    private static void expect(String what, Set<String> found, Set<String> expected) {
        if (!found.equals(expected)) {
            throw new AssertionError(what + ": found " + found + ", expected " + expected);
        }
    }

    /** A search that returns a total, for timing. */
    private interface Search {
        long total(SearchRequest request) throws IOException;
    }

    /** p50 and p99 in milliseconds over all requests, after a warm-up of 200 of them. */
    private static double[] latencies(List<SearchRequest> requests, Search search) throws IOException {
        for (int i = 0; i < Math.min(200, requests.size()); i++) {
            search.total(requests.get(i));
        }
        long[] nanos = new long[requests.size()];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            search.total(requests.get(i));
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        return new double[] {nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6};
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The baseline: title, summary and body with Lucene's StandardAnalyzer, the type as a keyword. */
    private static final class PlainIndex implements AutoCloseable {
        private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
        private final StandardAnalyzer analyzer = new StandardAnalyzer();
        private DirectoryReader reader;
        private IndexSearcher searcher;

        void build(List<Entry> entries) throws IOException {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
                for (Entry e : entries) {
                    Document doc = new Document();
                    doc.add(new StringField("slug", e.slug(), Field.Store.YES));
                    doc.add(new StringField("type", e.type(), Field.Store.YES));
                    doc.add(new TextField("title", e.title(), Field.Store.YES));
                    doc.add(new TextField("summary", e.summary(), Field.Store.YES));
                    doc.add(new TextField("body", e.body(), Field.Store.YES));
                    writer.addDocument(doc);
                }
            }
            reader = DirectoryReader.open(directory);
            searcher = new IndexSearcher(reader);
        }

        private Query query(String text, String type) {
            SimpleQueryParser parser = new SimpleQueryParser(analyzer, Map.of("title", 4f, "summary", 2f, "body", 1f));
            parser.setDefaultOperator(BooleanClause.Occur.MUST);
            Query q = parser.parse(text);
            if (type == null) {
                return q;
            }
            return new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST)
                    .add(new TermQuery(new Term("type", type)), BooleanClause.Occur.FILTER).build();
        }

        /** The top 20 and the exact count, as the guide's search answers. */
        long search(SearchRequest request) throws IOException {
            List<String> types = request.filters().get("type");
            Query q = query(request.text(), types == null ? null : types.get(0));
            TopDocs top = searcher.search(q, 20);
            for (ScoreDoc d : top.scoreDocs) {
                searcher.storedFields().document(d.doc);
            }
            return searcher.count(q);
        }

        long count(String text) throws IOException {
            return searcher.count(query(text, null));
        }

        Set<String> slugs(String text, String type) throws IOException {
            Set<String> slugs = new TreeSet<>();
            for (ScoreDoc d : searcher.search(query(text, type), 50).scoreDocs) {
                slugs.add(searcher.storedFields().document(d.doc).get("slug"));
            }
            return slugs;
        }

        @Override
        public void close() throws IOException {
            if (reader != null) {
                reader.close();
            }
            directory.close();
        }
    }
}
