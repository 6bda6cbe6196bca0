package se.samsyn.followup.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import se.samsyn.followup.internal.OutcomeHierarchy.Client;

/**
 * Not a test: a benchmark, excluded from the normal run (surefire runs only {@code *Tests}). One
 * outcome report (one instrument and period) of 290 municipalities in 21 regions, a fifth of them
 * with one to three units, 0 to about 400 clients each (many small ones), six interventions and ten
 * bins per series; prints how long choosing the hidden cells of every scope together takes and
 * how many cells it hides. {@code -Dbenchmark.municipalities} (default 290) and
 * {@code -Dbenchmark.seed} (default 290) change the fixture; {@code -Dbenchmark.region} (for example
 * 00) keeps one region, as the pages protect it. {@code demoShapedReport} does the same for a
 * fixture shaped like one instrument of the demo data. Run with
 * {@code ./mvnw test -Dtest=OutcomeHierarchyBenchmark}.
 */
class OutcomeHierarchyBenchmark {

    @Test
    void nationalReport() {
        int municipalities = Integer.getInteger("benchmark.municipalities", 290);
        List<Client> clients = fixture(municipalities, Long.getLong("benchmark.seed", 290L));
        String region = System.getProperty("benchmark.region");
        if (region != null) {
            // one region's report with its municipalities' and units', as the pages protect them
            clients = clients.stream().filter(c -> c.region().equals(region)).toList();
        }
        long start = System.nanoTime();
        long cpu = cpuNanos();
        OutcomeHierarchy hierarchy = OutcomeHierarchy.of(clients, 10, 5, true);
        System.out.printf("%d municipalities%s, %d clients, %d cells: %d hidden in %d ms (%d ms CPU)%n", municipalities,
                region == null ? "" : " (region " + region + ")", clients.size(), hierarchy.counts().size(),
                hierarchy.hiddenCells().size(), (System.nanoTime() - start) / 1_000_000, (cpuNanos() - cpu) / 1_000_000);
    }

    @Test
    void demoShapedReport() {
        List<Client> clients = demoLike(Long.getLong("benchmark.seed", 290L));
        long start = System.nanoTime();
        long cpu = cpuNanos();
        OutcomeHierarchy hierarchy = OutcomeHierarchy.of(clients, 10, 5, true);
        System.out.printf("demo-shaped: %d clients, %d cells: %d hidden in %d ms (%d ms CPU)%n", clients.size(),
                hierarchy.counts().size(), hierarchy.hiddenCells().size(), (System.nanoTime() - start) / 1_000_000,
                (cpuNanos() - cpu) / 1_000_000);
    }

    /**
     * The nation's report against its regions' (ADR 0015): every region's system on its own, as the
     * pages compute it, then the nation's hidden cells from them ({@link NationalProtection});
     * prints the time and how many of the nation's non-empty cells are hidden, and how many its
     * report protected on its own hid. {@code -Dbenchmark.demo=true} takes the demo-shaped fixture.
     */
    @Test
    void nationAgainstRegions() {
        boolean demo = Boolean.getBoolean("benchmark.demo");
        long seed = Long.getLong("benchmark.seed", 290L);
        List<Client> clients = demo ? demoLike(seed)
                : fixture(Integer.getInteger("benchmark.municipalities", 290), seed);
        long start = System.nanoTime();
        long cpu = cpuNanos();
        java.util.Map<String, OutcomeHierarchy> regions = new java.util.TreeMap<>();
        clients.stream().map(Client::region).distinct().sorted().forEach(r -> regions.put(r,
                OutcomeHierarchy.of(clients.stream().filter(c -> c.region().equals(r)).toList(), 10, 5, true)));
        OutcomeHierarchy nation = NationalProtection.nation(regions, "nation");
        long wall = (System.nanoTime() - start) / 1_000_000;
        long used = (cpuNanos() - cpu) / 1_000_000;
        OutcomeHierarchy alone = OutcomeHierarchy.of(clients.stream().map(c -> new Client(null, "report", "?", c.sex(),
                c.interventions(), c.beforeBin(), c.afterBin())).toList(), 10, 5, false);
        System.out.printf("%s: %d regions, %d clients, nation %d non-empty cells: %d hidden against the regions "
                        + "(%d intervention rows' T of %d), %d protected alone (%d); regions and nation in %d ms (%d ms CPU)%n",
                demo ? "demo-shaped" : "290-municipality fixture", regions.size(), clients.size(), nation.counts().size(),
                nonEmpty(nation), interventionTotals(nation, true), interventionTotals(nation, false), nonEmpty(alone),
                interventionTotals(alone, true), wall, used);
    }

    private static long nonEmpty(OutcomeHierarchy h) {
        return h.hiddenCells().stream().filter(c -> h.count(c.table(), c.item()) > 0).count();
    }

    /** The intervention rows' T cells with clients, hidden ones only when {@code hidden}. */
    private static long interventionTotals(OutcomeHierarchy h, boolean hidden) {
        return h.counts().keySet().stream().filter(c -> c.item().startsWith("int:") && c.item().endsWith("/T"))
                .filter(c -> !hidden || h.hidden(c.table(), c.item())).count();
    }

    /** This thread's CPU time: the machine is shared, so the wall time says less. */
    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /**
     * Shaped like one instrument of the demo data: 16 municipalities in 10 regions, each with one
     * unit (one with three), 15 to 150 clients per unit of whom about half were measured.
     */
    static List<Client> demoLike(long seed) {
        Random random = new Random(seed);
        String[][] places = {{"1280", "12", "3"}, {"1281", "12", "1"}, {"0180", "01", "1"}, {"1480", "14", "1"},
                {"0380", "03", "1"}, {"2584", "25", "1"}, {"2321", "23", "1"}, {"0683", "06", "1"}, {"1880", "18", "1"},
                {"2480", "24", "1"}, {"0114", "01", "1"}, {"0140", "01", "1"}, {"0381", "03", "1"}, {"0428", "04", "1"},
                {"0662", "06", "1"}, {"0181", "01", "1"}};
        List<Client> clients = new ArrayList<>();
        for (String[] p : places) {
            for (int u = 0; u < Integer.parseInt(p[2]); u++) {
                int size = (15 + random.nextInt(136)) / 2;
                for (int c = 0; c < size; c++) {
                    Set<String> interventions = new TreeSet<>();
                    interventions.add("I" + random.nextInt(8));
                    if (random.nextInt(4) == 0) {
                        interventions.add("I" + random.nextInt(8));
                    }
                    int before = Math.min(9, (int) Math.abs(random.nextGaussian() * 2.5 + 3));
                    int after = Math.min(9, Math.max(0, before + (int) Math.round(random.nextGaussian() * 2 + 1)));
                    clients.add(new Client(p[0] + "-U" + u, p[0], p[1], random.nextBoolean() ? "K" : "M", interventions,
                            before, after));
                }
            }
        }
        return clients;
    }

    /** Clients of {@code municipalities} municipalities spread over 21 regions. */
    static List<Client> fixture(int municipalities, long seed) {
        Random random = new Random(seed);
        List<Client> clients = new ArrayList<>();
        for (int m = 0; m < municipalities; m++) {
            String region = String.format("%02d", m % 21);
            String municipality = String.format("%04d", m);
            int size = (int) Math.floor(Math.exp(random.nextDouble() * 6)) - 1;
            int units = random.nextInt(5) == 0 ? 1 + random.nextInt(3) : 0;
            for (int c = 0; c < size; c++) {
                String unit = units == 0 || random.nextInt(10) == 0 ? null : municipality + "-U" + random.nextInt(units);
                Set<String> interventions = new TreeSet<>();
                interventions.add("I" + Math.min(5, (int) Math.floor(-Math.log(1 - random.nextDouble()) * 2)));
                if (random.nextInt(5) == 0) {
                    interventions.add("I" + random.nextInt(6));
                }
                int before = Math.min(9, (int) Math.abs(random.nextGaussian() * 2.5 + 3));
                int after = Math.min(9, Math.max(0, before + (int) Math.round(random.nextGaussian() * 2 + 1)));
                clients.add(new Client(unit, municipality, region, random.nextBoolean() ? "K" : "M", interventions,
                        before, after));
            }
        }
        return clients;
    }
}
