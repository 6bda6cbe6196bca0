package se.samsyn.comparison.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samsyn.comparison.internal.Suppression.Cell;
import se.samsyn.comparison.internal.Suppression.Relation;

/**
 * Not a test: a benchmark, excluded from the normal run (surefire runs only {@code *Tests}). One
 * national indicator-year of 290 municipalities in 21 regions and 9 kommungrupper, with a share of
 * small municipalities given by {@code -Dbenchmark.small} (percent, default 30); prints how long
 * suppression with the linear-programming protection takes, how many cells it hides and whether
 * a final check of every hidden cell finds any below the protection level. Run with
 * {@code ./mvnw test -Dtest=SuppressionBenchmark}.
 */
class SuppressionBenchmark {

    @Test
    void nationalIndicatorYear() {
        int small = Integer.getInteger("benchmark.small", 30);
        Random random = new Random(290);
        List<String> municipalities = new ArrayList<>();
        for (int i = 0; i < 290; i++) {
            municipalities.add(String.format("%04d", i));
        }
        Map<String, List<String>> parents = new LinkedHashMap<>();
        for (int r = 0; r < 21; r++) {
            parents.put("R" + r, new ArrayList<>());
        }
        for (int g = 0; g < 9; g++) {
            parents.put("G" + g, new ArrayList<>());
        }
        for (int i = 0; i < municipalities.size(); i++) {
            parents.get("R" + (i % 21)).add(municipalities.get(i));
            parents.get("G" + random.nextInt(9)).add(municipalities.get(i));
        }
        parents.put("N", municipalities);
        Map<String, int[]> values = new LinkedHashMap<>();
        for (String m : municipalities) {
            boolean tiny = random.nextInt(100) < small;
            values.put(m, new int[] {tiny ? random.nextInt(5) : 5 + random.nextInt(200),
                    tiny ? random.nextInt(5) : 5 + random.nextInt(200)});
        }
        Map<Cell, Integer> counts = DisclosureControlTests.counts(parents, values);
        List<Relation> relations = DisclosureControlTests.relations(parents, municipalities);
        long started = System.nanoTime();
        Set<Cell> hidden = Suppression.suppress(counts, relations, 5);
        long millis = (System.nanoTime() - started) / 1_000_000;
        long primary = counts.values().stream().filter(n -> n > 0 && n < 5).count();
        started = System.nanoTime();
        long exposed = DisclosureBounds.exposed(counts, hidden, relations, 5, hidden).size();
        long checkMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("cells %d, primary %d, hidden %d, suppression %d ms, exposed after %d (checked in %d ms)%n",
                counts.size(), primary, hidden.size(), millis, exposed, checkMillis);
    }
}
