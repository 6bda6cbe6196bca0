package se.samsyn.followup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import se.samsyn.disclosure.Cell;
import se.samsyn.followup.internal.OutcomeHierarchy.Client;
import se.samsyn.followup.internal.OutcomeHierarchyTests.Attack;

/**
 * The outcome reports of unit, municipality, region and nation protected together, as the pages
 * use them (ADR 0015), attacked by the independent full linear programme of
 * {@link OutcomeHierarchyTests.Attack} over every published cell of every scope at once.
 */
class AllScopesDisclosureTests {

    private static final int THRESHOLD = 5;

    @Test
    void aSmallRegionIsNotTheNationLessTheOtherRegion() {
        // region 01 is municipality 0101 (10 women, 10 men), region 02 is municipality 0201 (3
        // women); one intervention, one bin. A region of one municipality publishes the same
        // counts as it, so both hide the same cells. 0201's T, K, intervention row and bins are
        // hidden within its own report, but the nation's 23 less region 01's 20 would give 3: in
        // each national sum with one hidden cell, region 01's cell is the smallest published and
        // goes, and with it municipality 0101's. Region 02's count is then 1 … 12.
        List<Client> clients = new ArrayList<>();
        add(clients, 10, "0101", "01", "K");
        add(clients, 10, "0101", "01", "M");
        add(clients, 3, "0201", "02", "K");
        OutcomeHierarchy hierarchy = OutcomeHierarchy.of(clients, 1, THRESHOLD);

        Set<String> expected = new TreeSet<>();
        for (String scope : List.of("region:01", "municipality:0101", "region:02", "municipality:0201")) {
            for (String item : List.of("all/T", "all/K", "int:A/T", "int:A/K", "before/0", "after/0")) {
                expected.add(scope + " " + item);
            }
        }
        assertThat(hidden(hierarchy)).isEqualTo(expected);
        assertThat(Attack.bounds(clients, 1, hierarchy.hiddenCells()).get(new Cell("region:02", "all/T")))
                .containsExactly(1.0, 12.0);
        assertThat(Attack.exposed(clients, 1, hierarchy.hiddenCells(), THRESHOLD)).isEmpty();
    }

    @Test
    void aSmallMunicipalityIsNotItsRegionLessItsNeighbourEvenWhenTheNationIsPublished() {
        // region 01: 0101 with 2 women, 0102 with 8 women and 8 men; region 02: 0201 with 9 women
        // and 9 men. 0101's cells (2) are hidden; region 01's 18 less 0102's 16 would give them, so
        // 0102's go (its T and K, 8 and 16, are the smallest published in region 01's sums); the
        // nation and region 02 stay published. 0101's women are then 1 … 9 (0102's at least 1).
        List<Client> clients = new ArrayList<>();
        add(clients, 2, "0101", "01", "K");
        add(clients, 8, "0102", "01", "K");
        add(clients, 8, "0102", "01", "M");
        add(clients, 9, "0201", "02", "K");
        add(clients, 9, "0201", "02", "M");
        OutcomeHierarchy hierarchy = OutcomeHierarchy.of(clients, 1, THRESHOLD);

        Set<String> expected = new TreeSet<>();
        for (String scope : List.of("municipality:0101", "municipality:0102")) {
            for (String item : List.of("all/T", "all/K", "int:A/T", "int:A/K", "before/0", "after/0")) {
                expected.add(scope + " " + item);
            }
        }
        assertThat(hidden(hierarchy)).isEqualTo(expected);
        assertThat(Attack.bounds(clients, 1, hierarchy.hiddenCells()).get(new Cell("municipality:0101", "all/K")))
                .containsExactly(1.0, 9.0);
        assertThat(Attack.exposed(clients, 1, hierarchy.hiddenCells(), THRESHOLD)).isEmpty();
    }

    @Test
    void aDemoShapedReportKeepsTheProtectionLevelAtEveryScope() {
        // four municipalities in three regions, one unit each (one with two), two interventions,
        // three bins; seeded
        java.util.Random random = new java.util.Random(15);
        List<Client> clients = new ArrayList<>();
        String[][] places = {{"1280", "12", "2"}, {"1281", "12", "1"}, {"0180", "01", "1"}, {"2584", "25", "1"}};
        for (String[] p : places) {
            for (int u = 0; u < Integer.parseInt(p[2]); u++) {
                int size = 2 + random.nextInt(20);
                for (int c = 0; c < size; c++) {
                    clients.add(new Client(p[0] + "-U" + u, p[0], p[1], random.nextBoolean() ? "K" : "M",
                            Set.of(random.nextBoolean() ? "A" : "B"), random.nextInt(3), random.nextInt(3)));
                }
            }
        }
        OutcomeHierarchy hierarchy = OutcomeHierarchy.of(clients, 3, THRESHOLD);
        assertThat(hierarchy.counts()).isEqualTo(Attack.counts(clients));
        hierarchy.counts().forEach((cell, n) -> {
            if (n > 0 && n < THRESHOLD) {
                assertThat(hierarchy.hiddenCells()).as("primary " + cell).contains(cell);
            }
        });
        // a scope with one child scope hides what the child hides
        assertThat(hidden(hierarchy).stream().filter(c -> c.startsWith("region:25 ")).map(c -> c.substring(10)).toList())
                .isEqualTo(hidden(hierarchy).stream().filter(c -> c.startsWith("municipality:2584 "))
                        .map(c -> c.substring(18)).toList());
        assertThat(Attack.exposed(clients, 3, hierarchy.hiddenCells(), THRESHOLD)).isEmpty();
    }

    private static void add(List<Client> clients, int n, String municipality, String region, String sex) {
        for (int i = 0; i < n; i++) {
            clients.add(new Client(null, municipality, region, sex, Set.of("A"), 0, 0));
        }
    }

    private static Set<String> hidden(OutcomeHierarchy hierarchy) {
        Set<String> names = new TreeSet<>();
        hierarchy.hiddenCells().forEach(c -> names.add(c.toString()));
        return names;
    }
}
