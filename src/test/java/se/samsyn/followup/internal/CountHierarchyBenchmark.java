package se.samsyn.followup.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import se.samsyn.followup.internal.CountHierarchy.Count;

/**
 * Not a test: a benchmark, excluded from the normal run (surefire runs only {@code *Tests}). One
 * national needs report: 290 municipalities in 21 regions, each with one to four units of 0 to
 * about 60 clients (many small ones), 11 life areas with 5 levels and 4 goal statuses (59 items);
 * prints how long choosing the hidden cells of every scope together takes and how many cells it
 * hides. {@code -Dbenchmark.municipalities} (default 290) and {@code -Dbenchmark.seed} (default
 * 290) change the fixture. Run with {@code ./mvnw test -Dtest=CountHierarchyBenchmark}.
 */
class CountHierarchyBenchmark {

    @Test
    void nationalNeedsReport() {
        int municipalities = Integer.getInteger("benchmark.municipalities", 290);
        Random random = new Random(Long.getLong("benchmark.seed", 290L));
        List<String> items = new ArrayList<>();
        for (int area = 1; area <= 11; area++) {
            for (int level = 0; level < 5; level++) {
                items.add(CountHierarchy.level("a" + area, level));
            }
        }
        List.of("open", "achieved", "partly-achieved", "not-achieved").forEach(s -> items.add(CountHierarchy.goal(s)));
        List<Count> leaves = new ArrayList<>();
        for (int m = 0; m < municipalities; m++) {
            String region = String.format("%02d", 1 + m % 21);
            String municipality = String.format("%04d", 100 + m);
            int units = 1 + random.nextInt(4);
            for (int u = 0; u < units; u++) {
                int clients = random.nextInt(4) == 0 ? random.nextInt(8) : random.nextInt(60);
                for (String item : items) {
                    int n = clients == 0 ? 0 : random.nextInt(1 + clients / 5);
                    if (n > 0) {
                        leaves.add(new Count(municipality + "-U" + u, municipality, region, item, n));
                    }
                }
            }
        }
        long start = System.nanoTime();
        CountHierarchy hierarchy = CountHierarchy.of(leaves, 5);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%d municipalities, %d cells: %d hidden in %d ms%n", municipalities,
                hierarchy.counts().size(), hierarchy.hiddenCells().size(), millis);
    }
}
