package se.samsyn.comparison.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import se.samsyn.comparison.ResultRow;

/**
 * ADR 0015, "Preventive pairs": the cells of an anonymous improved share, as {@link ResultMarking}
 * hides them, attacked together with the activities' own pages ({@link ActivityPagesAttack}). The
 * pages show every activity's pairs and, from 5 pairs, its improved count, all years summed; a
 * withheld result (under 5 pairs) or one year's part of a result that spans years must not be
 * narrowed by the indicator beyond what the pages give.
 */
class PreventivePagesDisclosureTests {

    private static final int THRESHOLD = 5;

    /** One activity's pairs and improved pairs in one calendar year. */
    record Fact(String activity, String municipality, int year, int pairs, int improved) {
    }

    /**
     * The fixture of {@code PreventionFixture.recordWithheldActivities}: Malmö (1280) in 2025 has A
     * (12 pairs, 7 improved, shown on its page) and B (3 pairs, 2 improved, withheld); Lund (1281) C
     * with 6 pairs (3 improved) in 2024 and 8 (4) in 2025, 14 and 7 on its page; Stockholm (0180) D
     * with 10 pairs (6 improved) in 2025. Skåne (0012) is Malmö and Lund, region 0001 Stockholm,
     * kommungrupp A1 Malmö and Stockholm, B3 Lund, the nation (0000) all three.
     */
    private static final List<Fact> WITHHELD = List.of(
            new Fact("A", "1280", 2025, 12, 7), new Fact("B", "1280", 2025, 3, 2),
            new Fact("C", "1281", 2024, 6, 3), new Fact("C", "1281", 2025, 8, 4),
            new Fact("D", "0180", 2025, 10, 6));

    private static final Map<String, List<String>> AREAS = Map.of(
            "0012", List.of("1280", "1281"), "0001", List.of("0180"),
            "A1", List.of("1280", "0180"), "B3", List.of("1281"), "0000", List.of("0180", "1280", "1281"));

    /**
     * Protected over the areas alone, every municipality of 2025 is hidden, and Skåne and both
     * kommungrupper, but the nation's 33 pairs and 19 improved are shown: less D's 10 and 6 and A's
     * 12 and 7 on their pages, Skåne's withheld part (B and Lund's 2025 part of C) is 6 improved of
     * 11 pairs, so C has 8 pairs in 2025 and 6 in 2024, and with B's 3 pairs at most 3 improved, C's
     * 2025 part improved 3 to 6 and its 2024 part 7 less that, 1 to 4, where the pages allow 0 to 7.
     */
    @Test
    void withTheAreasAloneTheNationLessTheWholeActivitiesSplitAResultOverYears() {
        Attack attack = attack(WITHHELD, AREAS, false);
        assertThat(attack.hidden()).containsExactlyInAnyOrder("1280 2025", "1281 2025", "0180 2025", "0001 2025",
                "0012 2025", "A1 2025", "B3 2025", "1281 2024", "0012 2024", "B3 2024", "0000 2024");
        assertThat(attack.exposures()).containsExactly(
                "0000 2024: [0, 7] from the pages, [1, 4] with the indicator",
                "0012 2024: [0, 7] from the pages, [1, 4] with the indicator",
                "1281 2024: [0, 7] from the pages, [1, 4] with the indicator",
                "B3 2024: [0, 7] from the pages, [1, 4] with the indicator",
                "0012 2025: [0, 10] from the pages, [6, 6] with the indicator",
                "1281 2025: [0, 7] from the pages, [3, 6] with the indicator",
                "B3 2025: [0, 7] from the pages, [3, 6] with the indicator",
                "activity C 2024: [0, 7] from the pages, [1, 4] with the indicator",
                "activity C 2025: [0, 7] from the pages, [3, 6] with the indicator");
    }

    @Test
    void everyAreaAboveAWithheldCellIsHiddenAndNothingIsNarrowed() {
        Attack attack = attack(WITHHELD, AREAS, true);
        // Stockholm's cell and region, whole results of D shown on its page, are shown here too
        assertThat(attack.hidden()).containsExactlyInAnyOrder("1280 2025", "1281 2025", "0012 2025", "A1 2025", "B3 2025",
                "0000 2025", "1281 2024", "0012 2024", "B3 2024", "0000 2024");
        assertThat(attack.exposures()).isEmpty();
    }

    /**
     * Two withheld groups in one region: Malmö's B (3 pairs, 2 improved) and Lund's E (2 pairs, 1
     * improved) beside Ystad's F (20 pairs, 10 improved, whole). Over the areas alone Ystad's cell
     * is hidden and Skåne's 25 shown, so B and E together are Skåne's 13 improved less F's 10 on its
     * page: 3, and B, with E's 2 pairs, at least 1 of its 3. Hidden with Skåne (and the nation), they
     * are not narrowed, and Ystad's cell, whole on F's page, is shown.
     */
    @Test
    void twoWithheldGroupsAreNotSummedAgainstAWholeNeighbour() {
        List<Fact> facts = List.of(new Fact("B", "1280", 2025, 3, 2), new Fact("E", "1281", 2025, 2, 1),
                new Fact("F", "1286", 2025, 20, 10));
        Map<String, List<String>> areas = Map.of("0012", List.of("1280", "1281", "1286"),
                "0000", List.of("1280", "1281", "1286"));
        Attack before = attack(facts, areas, false);
        assertThat(before.hidden()).containsExactlyInAnyOrder("1280 2025", "1281 2025", "1286 2025");
        assertThat(before.exposures()).containsExactly(
                "1280 2025: [0, 3] from the pages, [1, 3] with the indicator",
                "activity B: [0, 3] from the pages, [1, 3] with the indicator");
        Attack after = attack(facts, areas, true);
        assertThat(after.hidden()).containsExactlyInAnyOrder("1280 2025", "1281 2025", "0012 2025", "0000 2025");
        assertThat(after.exposures()).isEmpty();
    }

    /**
     * Seeded random tables of two years, two regions and two kommungrupper: nothing narrowed, where
     * the areas alone narrow something in all but one.
     */
    @Test
    void randomTablesGiveNothingAwayBeyondThePages() {
        int exposedByTheAreasAlone = 0;
        for (long seed = 1; seed <= 12; seed++) {
            Random random = new Random(seed);
            List<String> municipalities = List.of("m1", "m2", "m3", "m4", "m5", "m6");
            Map<String, List<String>> areas = Map.of("r1", List.of("m1", "m2", "m3"), "r2", List.of("m4", "m5", "m6"),
                    "g1", List.of("m1", "m4", "m5"), "g2", List.of("m2", "m3", "m6"), "n", municipalities);
            List<Fact> facts = new ArrayList<>();
            int activities = 4 + random.nextInt(6);
            for (int a = 0; a < activities; a++) {
                String m = municipalities.get(random.nextInt(municipalities.size()));
                int spread = random.nextInt(4);
                for (int year : spread == 0 ? List.of(2024, 2025) : List.of(spread == 1 ? 2024 : 2025)) {
                    int pairs = 1 + random.nextInt(random.nextBoolean() ? 4 : 14);
                    facts.add(new Fact("a" + a, m, year, pairs, random.nextInt(pairs + 1)));
                }
            }
            assertThat(attack(facts, areas, true).exposures()).as("seed %d", seed).isEmpty();
            if (!attack(facts, areas, false).exposures().isEmpty()) {
                exposedByTheAreasAlone++;
            }
        }
        // the attack has something to find: protected over the areas alone, 11 of the 12 give a withheld part away
        assertThat(exposedByTheAreasAlone).isEqualTo(11);
    }

    /** The hidden cells ("area year") and what the attack narrows. */
    record Attack(Set<String> hidden, List<String> exposures) {
    }

    /**
     * Marks the cells of every year as {@link ResultMarking} does (primary: a withheld municipality
     * cell, a base under the threshold, an extreme share; then the secondary cells over the areas)
     * and, when {@code above}, hides every area above a withheld cell; then attacks.
     */
    static Attack attack(List<Fact> facts, Map<String, List<String>> areas, boolean above) {
        Map<String, Integer> pairs = new LinkedHashMap<>();
        Map<String, Integer> improved = new LinkedHashMap<>();
        Map<String, Set<Integer>> yearsOf = new HashMap<>();
        facts.forEach(f -> {
            pairs.merge(f.activity(), f.pairs(), Integer::sum);
            improved.merge(f.activity(), f.improved(), Integer::sum);
            yearsOf.computeIfAbsent(f.activity(), a -> new TreeSet<>()).add(f.year());
        });
        Set<String> withheldActivities = new LinkedHashSet<>();
        pairs.forEach((a, n) -> {
            if (n < THRESHOLD || yearsOf.get(a).size() > 1) {
                withheldActivities.add(a);
            }
        });
        ActivityPagesAttack attack = new ActivityPagesAttack();
        Map<String, String> municipalityOf = new LinkedHashMap<>();
        facts.forEach(f -> municipalityOf.put(f.activity(), f.municipality()));
        municipalityOf.forEach((a, m) -> attack.page(a, m, pairs.get(a), pairs.get(a) < THRESHOLD ? null : improved.get(a)));
        Set<String> hiddenCells = new TreeSet<>();
        List<ActivityPagesAttack.Hidden> hidden = new ArrayList<>();
        Map<Integer, List<Fact>> byYear = new TreeMap<>();
        facts.forEach(f -> byYear.computeIfAbsent(f.year(), y -> new ArrayList<>()).add(f));
        byYear.forEach((year, yearFacts) -> {
            Map<String, int[]> cells = new TreeMap<>();
            Set<String> withheld = new TreeSet<>();
            for (Fact f : yearFacts) {
                int[] c = cells.computeIfAbsent(f.municipality(), m -> new int[2]);
                c[0] += f.pairs();
                c[1] += f.improved();
                attack.cell(f.municipality(), year);
                if (withheldActivities.contains(f.activity())) {
                    withheld.add(f.municipality());
                }
            }
            Map<String, List<String>> members = new TreeMap<>();
            Map<String, int[]> all = new TreeMap<>();
            cells.forEach((m, c) -> {
                all.put(m, c);
                members.put(m, List.of(m));
            });
            areas.forEach((area, ms) -> {
                int[] sum = new int[2];
                ms.stream().filter(cells::containsKey).forEach(m -> {
                    sum[0] += cells.get(m)[0];
                    sum[1] += cells.get(m)[1];
                });
                if (sum[0] > 0) {
                    all.put(area, sum);
                    members.put(area, ms);
                }
            });
            List<ResultRow> rows = new ArrayList<>();
            Map<Suppression.Cell, Integer> bases = new HashMap<>();
            Set<Suppression.Cell> extremes = new java.util.HashSet<>();
            all.forEach((area, c) -> {
                rows.add(new ResultRow("P", area, areas.containsKey(area) ? "region" : "municipality", year, "T",
                        (double) c[1], (double) c[0], 100.0 * c[1] / c[0], c[0], ResultRow.OK, null, null));
                Suppression.Cell cell = new Suppression.Cell(area, "T");
                bases.put(cell, c[0]);
                if (ExtremeShares.withheld((double) c[1], (double) c[0], THRESHOLD)) {
                    extremes.add(cell);
                }
            });
            withheld.forEach(m -> extremes.add(new Suppression.Cell(m, "T")));
            if (above) {
                extremes.addAll(PreventiveResults.above(withheld, areas));
            }
            Set<Suppression.Cell> marked = ResultMarking.hidden(bases, ResultMarking.relations(rows, areas), THRESHOLD,
                    extremes, Map.of());
            if (above) {
                marked.addAll(PreventiveResults.above(withheld, areas));
            }
            all.forEach((area, c) -> {
                if (marked.contains(new Suppression.Cell(area, "T"))) {
                    hiddenCells.add(area + " " + year);
                    hidden.add(new ActivityPagesAttack.Hidden(area, members.get(area), year));
                } else {
                    attack.shown(area, members.get(area), year, c[0], c[1]);
                }
            });
        });
        return new Attack(hiddenCells, attack.exposures(hidden, withheldActivities));
    }
}
