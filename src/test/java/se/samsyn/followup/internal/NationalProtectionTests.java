package se.samsyn.followup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import se.samsyn.disclosure.Cell;
import se.samsyn.followup.internal.OutcomeHierarchy.Client;
import se.samsyn.followup.internal.OutcomeHierarchyTests.Attack;

/**
 * The nation's outcome report against its regions' (ADR 0015): every region protected with its
 * municipalities and units on its own, as the pages do, and the nation from them
 * ({@link NationalProtection}); the independent attacker of {@link OutcomeHierarchyTests} bounds
 * every hidden count of every scope, the nation's included, from every published cell together.
 */
class NationalProtectionTests {

    private static final int THRESHOLD = 5;

    @Test
    void aSmallRegionIsNotTheNationLessTheOtherRegions() {
        // region 01: 3 women (one municipality); region 02: 10 women and 10 men; one intervention,
        // one bin. Region 01 hides its T, K, intervention row and bins. Protected alone, the nation
        // (T 23, K 13, M 10) hides nothing, and its 13 women less region 02's 10 give region 01's 3.
        List<Client> clients = new ArrayList<>();
        add(clients, 3, "0101", "01", "K");
        add(clients, 10, "0201", "02", "K");
        add(clients, 10, "0201", "02", "M");

        Map<String, OutcomeHierarchy> regions = regions(clients, 1);
        Set<Cell> alone = aloneHidden(clients, 1);
        Set<Cell> before = new HashSet<>(regionsHidden(regions));
        before.addAll(alone);
        assertThat(alone).isEmpty();
        assertThat(Attack.bounds(clients, 1, before).get(new Cell("region:01", "all/K"))).containsExactly(3.0, 3.0);
        assertThat(Attack.exposed(clients, 1, before, THRESHOLD)).isNotEmpty();

        OutcomeHierarchy nation = NationalProtection.nation(regions, "nation");
        assertThat(names(nation.hiddenCells())).containsExactlyInAnyOrder("nation all/T", "nation all/K",
                "nation int:A/T", "nation int:A/K", "nation before/0", "nation after/0");
        assertThat(nation.count("nation", "all/T")).isEqualTo(23);
        assertThat(nation.count("nation", "all/M")).isEqualTo(10);
        Set<Cell> after = new HashSet<>(regionsHidden(regions));
        after.addAll(nation.hiddenCells());
        Map<Cell, double[]> bounds = Attack.bounds(clients, 1, after);
        // region 01's women: at least 1, no upper bound; the nation's: region 02's 10 more
        assertThat(bounds.get(new Cell("region:01", "all/K"))).containsExactly(1.0, Double.POSITIVE_INFINITY);
        assertThat(bounds.get(new Cell("nation", "all/K"))).containsExactly(11.0, Double.POSITIVE_INFINITY);
        assertThat(Attack.exposed(clients, 1, after, THRESHOLD)).isEmpty();
    }

    @Test
    void aHiddenEmptyRegionBinHidesTheNationsBinWithoutAHiddenCountInIt() {
        // region 01's 3 women are all in bin 0, so its bin 1 is empty but hidden with its total:
        // publishing the nation's bin 1 (region 02's 20) would tell that region 01 has nobody there
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clients.add(new Client(null, "0101", "01", "K", Set.of("A"), 0, 0));
        }
        for (int i = 0; i < 20; i++) {
            clients.add(new Client(null, "0201", "02", i % 2 == 0 ? "K" : "M", Set.of("A"), i % 2, i % 2));
        }
        Map<String, OutcomeHierarchy> regions = regions(clients, 2);
        OutcomeHierarchy nation = NationalProtection.nation(regions, "nation");
        assertThat(nation.hidden("nation", "before/1")).isTrue();
        assertThat(nation.count("nation", "before/1")).isEqualTo(10);
        Set<Cell> hidden = new HashSet<>(regionsHidden(regions));
        hidden.addAll(nation.hiddenCells());
        // the attacker, granted the empty cell, knows the nation's bin 1 is region 02's 10 and nothing else
        Map<Cell, String> exposed = Attack.exposed(clients, 2, hidden, THRESHOLD);
        assertThat(exposed.keySet())
                .containsExactlyInAnyOrder(new Cell("nation", "before/1"), new Cell("nation", "after/1"));
        assertThat(withoutEmptyOnly(exposed, clients, regions)).isEmpty();
    }

    @RepeatedTest(8)
    void randomCountriesKeepTheProtectionLevelAcrossTheNationAndItsRegions(RepetitionInfo repetition) {
        Random random = new Random(1000 + repetition.getCurrentRepetition());
        List<Client> clients = new ArrayList<>();
        int regions = 2 + random.nextInt(3);
        for (int r = 0; r < regions; r++) {
            String region = "0" + (r + 1);
            int municipalities = 1 + random.nextInt(2);
            for (int m = 0; m < municipalities; m++) {
                String municipality = region + "0" + (m + 1);
                int units = random.nextInt(3);
                for (int u = -1; u < units; u++) {
                    String unit = u < 0 ? null : municipality + "-U" + u;
                    int size = u < 0 ? random.nextInt(3) : random.nextInt(16);
                    for (int c = 0; c < size; c++) {
                        Set<String> interventions = new TreeSet<>();
                        interventions.add(random.nextBoolean() ? "A" : "B");
                        if (random.nextInt(4) == 0) {
                            interventions.add("A");
                        }
                        clients.add(new Client(unit, municipality, region, random.nextBoolean() ? "K" : "M",
                                interventions, random.nextInt(3), random.nextInt(3)));
                    }
                }
            }
        }
        // each region protected once: the nation, the hidden cells and the check below all use the same systems
        Map<String, OutcomeHierarchy> systems = regions(clients, 3);
        OutcomeHierarchy nation = NationalProtection.nation(systems, "nation");
        Map<Cell, Integer> expected = new TreeMap<>();
        Attack.counts(clients).forEach((cell, n) -> {
            if (cell.table().equals("nation")) {
                expected.put(cell, n);
            }
        });
        assertThat(nation.counts()).isEqualTo(expected);
        nation.counts().forEach((cell, n) -> {
            if (n < THRESHOLD) {
                assertThat(nation.hiddenCells()).as("small " + cell).contains(cell);
            }
        });
        Set<Cell> hidden = new HashSet<>(regionsHidden(systems));
        hidden.addAll(nation.hiddenCells());
        assertThat(withoutEmptyOnly(Attack.exposed(clients, 3, hidden, THRESHOLD), clients, systems))
                .as("seed " + (1000 + repetition.getCurrentRepetition())).isEmpty();
    }

    /**
     * The exposed cells less the nation's hidden cells that hold no hidden count (each hidden
     * region cell of the item empty), which the attacker knows only because it is granted the
     * empty cells; each of those must be exactly the sum of the regions' published cells.
     */
    private static Map<Cell, String> withoutEmptyOnly(Map<Cell, String> exposed, List<Client> clients,
                                                      Map<String, OutcomeHierarchy> regions) {
        Map<Cell, Integer> counts = Attack.counts(clients);
        Map<Cell, String> left = new TreeMap<>(exposed);
        exposed.keySet().stream().filter(c -> c.table().equals("nation")).forEach(c -> {
            boolean holdsHidden = false;
            int published = 0;
            for (Map.Entry<String, OutcomeHierarchy> r : regions.entrySet()) {
                String scope = OutcomeHierarchy.regionScope(r.getKey());
                int n = r.getValue().count(scope, c.item());
                if (r.getValue().hidden(scope, c.item())) {
                    holdsHidden |= n > 0;
                } else {
                    published += n;
                }
            }
            if (!holdsHidden) {
                assertThat(counts.get(c)).as(c.toString()).isEqualTo(published);
                left.remove(c);
            }
        });
        return left;
    }

    /** Each region's system on its own, as the pages compute it. */
    private static Map<String, OutcomeHierarchy> regions(List<Client> clients, int bins) {
        Map<String, OutcomeHierarchy> regions = new TreeMap<>();
        clients.stream().map(Client::region).distinct().forEach(region -> regions.put(region,
                OutcomeHierarchy.of(clients.stream().filter(c -> c.region().equals(region)).toList(),
                        bins, THRESHOLD, true)));
        return regions;
    }

    /** The hidden cells of every region's system ({@link #regions}) but its nation (the region itself there). */
    private static Set<Cell> regionsHidden(Map<String, OutcomeHierarchy> regions) {
        Set<Cell> hidden = new HashSet<>();
        regions.values().forEach(h -> h.hiddenCells().stream()
                .filter(c -> !c.table().equals(OutcomeHierarchy.NATION)).forEach(hidden::add));
        return hidden;
    }

    /** The nation's hidden cells as the code before protected it: one report on its own. */
    private static Set<Cell> aloneHidden(List<Client> clients, int bins) {
        List<Client> relabelled = clients.stream().map(c -> new Client(null, "report", "?", c.sex(), c.interventions(),
                c.beforeBin(), c.afterBin())).toList();
        Set<Cell> hidden = new HashSet<>();
        OutcomeHierarchy.of(relabelled, bins, THRESHOLD, false).hiddenCells()
                .forEach(c -> hidden.add(new Cell("nation", c.item())));
        return hidden;
    }

    private static void add(List<Client> clients, int n, String municipality, String region, String sex) {
        for (int i = 0; i < n; i++) {
            clients.add(new Client(null, municipality, region, sex, Set.of("A"), 0, 0));
        }
    }

    private static Set<String> names(Set<Cell> cells) {
        Set<String> names = new TreeSet<>();
        cells.forEach(c -> names.add(c.toString()));
        return names;
    }
}
