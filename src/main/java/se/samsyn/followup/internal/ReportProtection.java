package se.samsyn.followup.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Disclosure control of the outcome report's counts (ADR 0015), in plain Java without Spring. An
 * attacker knows that a hidden count is at least 1 (0 is always shown) and every published count:
 * each row's T = K + M, and the all-interventions total T as the sum of each distribution series
 * (the baseline bins and the follow-up bins). Every hidden count must keep an interval at least
 * threshold − 1 wide that does not lie inside 1 … threshold − 1.
 */
final class ReportProtection {

    private ReportProtection() {
    }

    /**
     * Which of a row's T, K and M to hide. Primary: 0 &lt; n &lt; threshold. With T shown and one sex
     * hidden, the other would give it away, so both go. With T shown and both hidden, each lies in
     * 1 … T − 1, which is protected only when T exceeds the threshold; otherwise T goes too.
     *
     * @return hidden flags keyed "T", "K", "M"; all false when {@code suppress} is false
     */
    static Map<String, Boolean> sexes(int total, int women, int men, int threshold, boolean suppress) {
        Map<String, Boolean> hidden = new LinkedHashMap<>();
        hidden.put("T", suppress && small(total, threshold));
        hidden.put("K", suppress && small(women, threshold));
        hidden.put("M", suppress && small(men, threshold));
        if (!hidden.get("T") && hidden.get("K") != hidden.get("M")) {
            hidden.put("K", true);
            hidden.put("M", true);
        }
        if (!hidden.get("T") && hidden.get("K") && total <= threshold) {
            hidden.put("T", true);
        }
        return hidden;
    }

    /**
     * Which bins of one distribution series to hide, given whether the total they sum to is
     * published. Primary: 0 &lt; count &lt; threshold. With the total shown and k bins hidden that
     * hold R together, each lies in 1 … R − k + 1; while R − k &lt; threshold − 1 the smallest shown
     * non-empty bin is hidden too, and when none is left every bin is hidden. With the total
     * hidden, every bin is hidden (the bins would add up to it).
     *
     * @return hidden flags, one per bin
     */
    static boolean[] bins(int[] counts, boolean totalShown, int threshold, boolean suppress) {
        boolean[] hidden = new boolean[counts.length];
        if (!suppress) {
            return hidden;
        }
        if (!totalShown) {
            java.util.Arrays.fill(hidden, true);
            return hidden;
        }
        int k = 0;
        int remainder = 0;
        for (int i = 0; i < counts.length; i++) {
            if (small(counts[i], threshold)) {
                hidden[i] = true;
                k++;
                remainder += counts[i];
            }
        }
        while (k > 0 && remainder - k < threshold - 1) {
            int smallest = -1;
            for (int i = 0; i < counts.length; i++) {
                if (!hidden[i] && counts[i] > 0 && (smallest < 0 || counts[i] < counts[smallest])) {
                    smallest = i;
                }
            }
            if (smallest < 0) {
                java.util.Arrays.fill(hidden, true);
                return hidden;
            }
            hidden[smallest] = true;
            k++;
            remainder += counts[smallest];
        }
        return hidden;
    }

    private static boolean small(int n, int threshold) {
        return n > 0 && n < threshold;
    }
}
