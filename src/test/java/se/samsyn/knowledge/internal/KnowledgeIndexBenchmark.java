package se.samsyn.knowledge.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import se.samsyn.knowledge.Entry;
import se.samsyn.knowledge.SearchRequest;

/**
 * Not a test: indexes generated entries with the guide's real analyzer and index, and prints the
 * indexing rate and the query latency (p50, p99) for free-text searches with facet counts,
 * highlighting and, for every fourth query, a facet filter. Run it with
 * {@code ./mvnw test -Dtest=KnowledgeIndexBenchmark [-Dbenchmark.entries=100000] [-Dbenchmark.queries=2000]}.
 */
class KnowledgeIndexBenchmark {

    static final String[] WORDS = ("missbruk beroende missbruksvården sjukhuset behandling återfallsprevention "
            + "motiverande samtal familjehem placering barnavårdsutredning föräldrastöd våld våldsutsatta "
            + "skyddat boende demenssjukdom äldreomsorgen hemtjänsten boendestöd daglig verksamhet personlig "
            + "assistans ekonomiskt bistånd skuldrådgivning arbete sysselsättning psykisk ohälsa samordning "
            + "kommunen regionen riktlinjer rekommendation uppföljning kvalitet kunskap metod instrument "
            + "bedömning utredning insatser stöd vård omsorg ungdomar föräldrar anhöriga personal").split(" ");
    static final String[] TYPES = {"method", "guideline", "instrument", "training", "regulation", "report"};
    static final String[] FOCUS = {"children-youth", "elderly-care", "violence", "substance-use", "dementia",
            "economic-assistance", "disability", "homelessness"};
    static final String[] PUBLISHERS = {"Socialstyrelsen", "SBU", "Sveriges Kommuner och Regioner", "Kunskapsguiden",
            "Region Skåne", "Riksdagen"};
    static final String[] EVIDENCE = {null, "rank-1", "rank-3", "rank-5", "rank-8", "fou", "grade-hog", "grade-lag"};
    static final String[] QUERIES = {"missbruk", "sjukhus", "demens", "föräldrar", "våld", "boende", "placering",
            "motiverande samtal", "stöd vid missbruk", "behandling barn", "hemtjänst", "återfall", "kvalitet",
            "utredning", "psykisk ohälsa", "skuld"};

    @Test
    void indexesAndSearches() {
        int count = Integer.getInteger("benchmark.entries", 100_000);
        int queries = Integer.getInteger("benchmark.queries", 2_000);
        Random random = new Random(42);
        List<Entry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add(generate(i, random));
        }
        try (GuideIndex index = new GuideIndex()) {
            long started = System.nanoTime();
            index.rebuild(entries);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("BENCHMARK indexed %,d entries in %.1f s: %,.0f entries/s%n", count, seconds, count / seconds);

            for (int i = 0; i < 200; i++) {
                index.search(request(i, random));
            }
            long[] nanos = new long[queries];
            long hits = 0;
            for (int i = 0; i < queries; i++) {
                SearchRequest request = request(i, random);
                long t = System.nanoTime();
                hits += index.search(request).total();
                nanos[i] = System.nanoTime() - t;
            }
            Arrays.sort(nanos);
            System.out.printf("BENCHMARK %,d queries (20 hits, facets, highlights; every 4th filtered): "
                            + "p50 %.1f ms, p99 %.1f ms, max %.1f ms, mean hits %,d%n", queries,
                    nanos[queries / 2] / 1e6, nanos[(int) (queries * 0.99)] / 1e6, nanos[queries - 1] / 1e6,
                    hits / queries);
            System.out.printf("BENCHMARK heap used %,d MB%n",
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024));
        }
    }

    private static SearchRequest request(int i, Random random) {
        String q = QUERIES[random.nextInt(QUERIES.length)];
        Map<String, List<String>> filters = i % 4 == 0
                ? Map.of("type", List.of(TYPES[random.nextInt(TYPES.length)])) : Map.of();
        return new SearchRequest(q, filters, 0, 20);
    }

    private static Entry generate(int i, Random random) {
        String title = sentence(random, 3 + random.nextInt(5)) + " " + i;
        String summary = sentence(random, 15 + random.nextInt(15));
        StringBuilder body = new StringBuilder();
        for (int p = 0; p < 3; p++) {
            body.append(sentence(random, 25 + random.nextInt(30))).append(".\n\n");
        }
        List<String> focus = List.of(FOCUS[random.nextInt(FOCUS.length)], FOCUS[random.nextInt(FOCUS.length)])
                .stream().distinct().toList();
        return new Entry(i, "generated-" + i, TYPES[random.nextInt(TYPES.length)], title, summary, body.toString(),
                focus, List.of("adults"), PUBLISHERS[random.nextInt(PUBLISHERS.length)],
                EVIDENCE[random.nextInt(EVIDENCE.length)], null, null, null, "published", 1, Instant.EPOCH, "benchmark",
                Instant.EPOCH);
    }

    private static String sentence(Random random, int words) {
        StringBuilder s = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                s.append(' ');
            }
            s.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return s.toString();
    }
}
