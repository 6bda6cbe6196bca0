package se.samsyn;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Timing for the read-scale benchmarks (issue 19, point 4): runs a read several times, checks each
 * answer, and keeps the median wall-clock time in milliseconds. A wrong answer fails the run at
 * once with an {@link AssertionError}, so a benchmark cannot report a fast but wrong read.
 */
public final class ScaleTiming {

    private ScaleTiming() {
    }

    /** An answer's check: throws {@link AssertionError} naming what differs. */
    public interface Check<T> {
        void check(T answer);
    }

    /**
     * The median time of {@code runs} runs of {@code read}, in milliseconds, after one warm-up run
     * that is checked but not timed.
     */
    public static <T> double medianMillis(int runs, Supplier<T> read, Check<T> check) {
        check.check(read.get());
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            T answer = read.get();
            times[i] = (System.nanoTime() - t0) / 1e6;
            check.check(answer);
        }
        Arrays.sort(times);
        return runs % 2 == 1 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
    }

    /** One line of a benchmark's table: the read, its median at both sizes and the ratio large/small. */
    public static String line(String read, double smallMillis, double largeMillis) {
        return String.format(Locale.ROOT, "%-28s %10.1f ms %10.1f ms   ratio %5.2f", read, smallMillis, largeMillis,
                largeMillis / smallMillis);
    }

    /** A count with thousands separators, as the README prints them. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
