package se.samsyn.comparison.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Proves the attacker's intervals of many hidden cells wide with few programmes, for an attack
 * too large to bound every cell by its own minimum and maximum (ADR 0015's attack on a whole
 * report with the indicators: a thousand hidden counts in one system).
 *
 * <p>Every solution of the system is a point the attacker cannot rule out, and the true counts
 * are one. So for each cell it keeps the lowest and highest value seen in any solution found, and
 * a cell is proven protected as soon as those, rounded inwards to whole counts, already span the
 * protection level ({@link JointAttack#protects}): its interval can only be wider. Solutions come
 * first from programmes over all open cells at once, maximising and minimising Σ weight × cell
 * with weights drawn anew each time (so that cells that can rise only as another falls take turns),
 * the maximised cells held at most at the value that would prove them; then each cell left is
 * maximised alone (up to that value) and minimised alone, each solution still proving the others it
 * happens to spread. A cell left after both is bounded exactly: its maximum fell short of the cap,
 * so it is the maximum, and its minimum is the minimum.
 *
 * <p>The weights come from a seeded generator: a run proves the same cells the same way.
 */
final class IntervalProof {

    /** What the proof found of the cells it was given. */
    record Outcome(int provenByBatches, int provenAlone, Map<String, double[]> bounded) {
    }

    private final JointAttack attack;

    private final int threshold;

    private final Map<String, double[]> seen = new LinkedHashMap<>();

    private final Random random = new Random(15);

    /**
     * @param attack    the system, every relation and published cell written
     * @param truth     the true count of each cell to prove (a solution of the system)
     * @param cells     the hidden cells to prove
     * @param threshold the protection level (ADR 0015: 5)
     */
    IntervalProof(JointAttack attack, Map<String, Integer> truth, List<String> cells, int threshold) {
        this.attack = attack;
        this.threshold = threshold;
        cells.forEach(c -> seen.put(c, new double[] {truth.get(c), truth.get(c)}));
    }

    /**
     * Proves what it can with programmes over all open cells, then bounds the rest one by one.
     *
     * @param stalls how many rounds of a batch maximum and minimum in a row may prove nothing before
     *               the cells left are taken one by one
     * @return the cells proven by the batches, those proven by a programme of their own or another's,
     *         and the exact interval [low, high] (whole counts) of every cell that could not be proven
     */
    Outcome run(int stalls) {
        List<String> open = open(new ArrayList<>(seen.keySet()));
        int all = open.size();
        int idle = 0;
        while (!open.isEmpty() && idle < stalls) {
            int before = open.size();
            see(attack.solution(weights(open), caps(open), true));
            open = open(open);
            if (!open.isEmpty()) {
                see(attack.solution(weights(open), Map.of(), false));
                open = open(open);
            }
            idle = open.size() == before ? idle + 1 : 0;
        }
        int byBatches = all - open.size();
        Map<String, double[]> bounded = new LinkedHashMap<>();
        for (String cell : open) {
            if (proven(cell)) {
                continue;
            }
            int cap = cap(cell);
            Map<String, Double> high = attack.solution(Map.of(cell, 1.0), Map.of(cell, cap), true);
            see(high);
            if (proven(cell)) {
                continue;
            }
            Map<String, Double> low = attack.solution(Map.of(cell, 1.0), Map.of(), false);
            see(low);
            if (proven(cell)) {
                continue;
            }
            // the maximum fell short of the cap (or the cell would be proven), so both are exact
            bounded.put(cell, new double[] {Math.ceil(low.get(cell) - 1e-6) + 0.0, Math.floor(high.get(cell) + 1e-6)});
        }
        return new Outcome(byBatches, all - byBatches - bounded.size(), bounded);
    }

    private List<String> open(List<String> cells) {
        return cells.stream().filter(c -> !proven(c)).toList();
    }

    private boolean proven(String cell) {
        double[] range = seen.get(cell);
        return JointAttack.protects(new double[] {Math.ceil(range[0] - 1e-6), Math.floor(range[1] + 1e-6)}, threshold);
    }

    /** The value that would prove a cell: threshold − 1 above the lowest seen, and at least the threshold. */
    private int cap(String cell) {
        return (int) Math.max(Math.ceil(seen.get(cell)[0] - 1e-6) + threshold - 1, threshold);
    }

    private Map<String, Integer> caps(List<String> open) {
        Map<String, Integer> caps = new LinkedHashMap<>();
        open.forEach(c -> caps.put(c, cap(c)));
        return caps;
    }

    private Map<String, Double> weights(List<String> open) {
        Map<String, Double> weights = new LinkedHashMap<>();
        open.forEach(c -> weights.put(c, 1 + random.nextDouble()));
        return weights;
    }

    private void see(Map<String, Double> solution) {
        seen.forEach((cell, range) -> {
            Double v = solution.get(cell);
            if (v != null) {
                range[0] = Math.min(range[0], v);
                range[1] = Math.max(range[1], v);
            }
        });
    }
}
