package se.samsyn.knowledge.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import se.samsyn.knowledge.Entry;
import se.samsyn.knowledge.SearchRequest;

/**
 * Not a test: indexes generated entries with the guide's real analyzer and index and with a plain
 * Lucene baseline, and prints the indexing rates, the query latency (p50, p99) for free-text
 * searches (facet counts and highlighting on the guide's side; every fourth query filtered by
 * type) and their ratios, failing when either index misses an expected hit ({@link KnowledgeIndexRounds}).
 * Run it with {@code ./mvnw test -Dtest=KnowledgeIndexBenchmark [-Dbenchmark.entries=100000]
 * [-Dbenchmark.queries=2000] [-Dbenchmark.rounds=3]}.
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
    void indexesAndSearchesAgainstPlainLucene() throws Exception {
        int count = Integer.getInteger("benchmark.entries", 100_000);
        int queries = Integer.getInteger("benchmark.queries", 2_000);
        int rounds = Integer.getInteger("benchmark.rounds", 3);
        KnowledgeIndexRounds.print(new KnowledgeIndexRounds().run(count, queries, rounds), rounds);
    }

    static SearchRequest request(int i, Random random) {
        String q = QUERIES[random.nextInt(QUERIES.length)];
        Map<String, List<String>> filters = i % 4 == 0
                ? Map.of("type", List.of(TYPES[random.nextInt(TYPES.length)])) : Map.of();
        return new SearchRequest(q, filters, 0, 20);
    }

    static Entry generate(int i, Random random) {
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
