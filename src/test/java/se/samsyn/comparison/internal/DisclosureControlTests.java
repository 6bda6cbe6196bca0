package se.samsyn.comparison.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import se.samsyn.comparison.internal.Suppression.Cell;
import se.samsyn.comparison.internal.Suppression.Relation;

/**
 * The attack of ADR 0015 on suppressed tables, without Spring: every hidden count is bounded by
 * linear programming ({@link TableAttack}) given every published count and relation, and must keep
 * an interval at least threshold − 1 wide that does not lie inside 1 … threshold − 1.
 */
class DisclosureControlTests {

    private static final int THRESHOLD = 5;
    private static final List<String> SEXES = List.of("T", "K", "M");

    /** Relations for areas made of municipalities: T = K + M everywhere, and each parent = its members. */
    static List<Relation> relations(Map<String, List<String>> parents, List<String> municipalities) {
        List<Relation> relations = new ArrayList<>();
        List<String> areas = new ArrayList<>(municipalities);
        areas.addAll(parents.keySet());
        for (String area : areas) {
            relations.add(new Relation(new Cell(area, "T"), List.of(new Cell(area, "K"), new Cell(area, "M"))));
        }
        parents.forEach((parent, members) -> {
            for (String sex : SEXES) {
                relations.add(new Relation(new Cell(parent, sex), members.stream().map(m -> new Cell(m, sex)).toList()));
            }
        });
        return relations;
    }

    /** Every cell's count from the municipalities' women and men (a count of 0 is no cell). */
    static Map<Cell, Integer> counts(Map<String, List<String>> parents, Map<String, int[]> municipalities) {
        Map<Cell, Integer> counts = new LinkedHashMap<>();
        municipalities.forEach((m, km) -> put(counts, m, km[0], km[1]));
        parents.forEach((parent, members) -> put(counts, parent,
                members.stream().mapToInt(m -> municipalities.get(m)[0]).sum(),
                members.stream().mapToInt(m -> municipalities.get(m)[1]).sum()));
        return counts;
    }

    private static void put(Map<Cell, Integer> counts, String area, int women, int men) {
        if (women > 0) {
            counts.put(new Cell(area, "K"), women);
        }
        if (men > 0) {
            counts.put(new Cell(area, "M"), men);
        }
        if (women + men > 0) {
            counts.put(new Cell(area, "T"), women + men);
        }
    }

    private static Map<Cell, Integer> published(Map<Cell, Integer> counts, Set<Cell> hidden) {
        Map<Cell, Integer> published = new HashMap<>(counts);
        hidden.forEach(published::remove);
        return published;
    }

    /** One region of three municipalities; a and b each have one woman. */
    private static final Map<String, List<String>> ONE_REGION = Map.of("R", List.of("a", "b", "c"));

    private static Map<String, int[]> oneRegion() {
        Map<String, int[]> m = new LinkedHashMap<>();
        m.put("a", new int[] {1, 10});
        m.put("b", new int[] {1, 12});
        m.put("c", new int[] {20, 20});
        return m;
    }

    @Test
    void hidingBothSexesOfTwoMunicipalitiesStillPinsTheirOneWomanEach() {
        // what elimination alone accepts: every relation has two hidden cells and no cell is determined
        Map<Cell, Integer> counts = counts(ONE_REGION, oneRegion());
        List<Relation> relations = relations(ONE_REGION, List.of("a", "b", "c"));
        Set<Cell> hidden = Set.of(new Cell("a", "K"), new Cell("a", "M"), new Cell("b", "K"), new Cell("b", "M"));
        assertThat(Suppression.derivable(hidden, DisclosureBounds.live(counts, relations))).isEmpty();
        // but R K = 22 and c K = 20 leave a K + b K = 2, and each is at least 1
        assertThat(TableAttack.attack(published(counts, hidden), hidden, relations))
                .filteredOn(b -> b.cell().gender().equals("K"))
                .extracting(TableAttack.Bound::low, TableAttack.Bound::high)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(1L, 1.0));
    }

    @Test
    void aThreeMunicipalityRegionKeepsItsTwoSingleWomenHidden() {
        Map<Cell, Integer> counts = counts(ONE_REGION, oneRegion());
        List<Relation> relations = relations(ONE_REGION, List.of("a", "b", "c"));
        Set<Cell> hidden = Suppression.suppress(counts, relations, THRESHOLD);
        assertThat(hidden).contains(new Cell("a", "K"), new Cell("b", "K"));
        assertThat(TableAttack.exposed(published(counts, hidden), hidden, relations, THRESHOLD)).isEmpty();
        // a K and b K can each be anything from 1 to at least 5 now
        assertThat(TableAttack.attack(published(counts, hidden), hidden, relations))
                .filteredOn(b -> b.cell().equals(new Cell("a", "K")))
                .allSatisfy(b -> assertThat(b.high()).isGreaterThanOrEqualTo(5));
    }

    @Test
    void aWomanAndFourMenWithTheTotalShownAreNotLeftInOneToFour() {
        // T = 5 shown and K, M hidden: K is 1 … 4, which says "a few women"; T must go too
        Map<Cell, Integer> counts = new LinkedHashMap<>();
        counts.put(new Cell("x", "T"), 5);
        counts.put(new Cell("x", "K"), 1);
        counts.put(new Cell("x", "M"), 4);
        List<Relation> relations = List.of(new Relation(new Cell("x", "T"), List.of(new Cell("x", "K"), new Cell("x", "M"))));
        Set<Cell> hidden = Suppression.suppress(counts, relations, THRESHOLD);
        assertThat(hidden).containsExactlyInAnyOrder(new Cell("x", "T"), new Cell("x", "K"), new Cell("x", "M"));
    }

    @Test
    void aTotalWithoutABreakdownIsNotTakenForZero() {
        // workforce indicators have only T per municipality: T = K + M says nothing there
        Map<String, List<String>> parents = Map.of("R", List.of("a", "b", "c"));
        Map<Cell, Integer> counts = new LinkedHashMap<>();
        counts.put(new Cell("a", "T"), 3);
        counts.put(new Cell("b", "T"), 40);
        counts.put(new Cell("c", "T"), 50);
        counts.put(new Cell("R", "T"), 93);
        List<Relation> relations = relations(parents, List.of("a", "b", "c"));
        Set<Cell> hidden = Suppression.suppress(counts, relations, THRESHOLD);
        assertThat(hidden).containsExactlyInAnyOrder(new Cell("a", "T"), new Cell("b", "T"));
        assertThat(TableAttack.exposed(published(counts, hidden), hidden, relations, THRESHOLD)).isEmpty();
    }

    /**
     * Random countries of twelve municipalities in three regions, the nation and two kommungrupper
     * crossing the regions, many of them small: every hidden cell keeps the protection level.
     */
    @RepeatedTest(30)
    void randomTablesKeepTheProtectionLevel(RepetitionInfo repetition) {
        Random random = new Random(1000 + repetition.getCurrentRepetition());
        List<String> municipalities = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            municipalities.add("m" + i);
        }
        Map<String, List<String>> parents = new LinkedHashMap<>();
        parents.put("R1", municipalities.subList(0, 3));
        parents.put("R2", municipalities.subList(3, 7));
        parents.put("R3", municipalities.subList(7, 12));
        parents.put("N", municipalities);
        parents.put("G1", List.of("m0", "m3", "m4", "m7", "m8", "m11"));
        parents.put("G2", List.of("m1", "m2", "m5", "m6", "m9", "m10"));
        Map<String, int[]> values = new LinkedHashMap<>();
        for (String m : municipalities) {
            values.put(m, new int[] {count(random), count(random)});
        }
        Map<Cell, Integer> counts = counts(parents, values);
        List<Relation> relations = relations(parents, municipalities);
        Set<Cell> hidden = Suppression.suppress(counts, relations, THRESHOLD);
        counts.forEach((cell, n) -> {
            if (n < THRESHOLD) {
                assertThat(hidden).as("primary " + cell).contains(cell);
            }
        });
        assertThat(TableAttack.exposed(published(counts, hidden), hidden, relations, THRESHOLD))
                .as("narrowed below the protection level, hidden " + hidden).isEmpty();
    }

    private static int count(Random random) {
        int roll = random.nextInt(10);
        return roll < 2 ? 0 : roll < 6 ? 1 + random.nextInt(4) : 5 + random.nextInt(30);
    }
}
