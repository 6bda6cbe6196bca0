package se.samsyn.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Not a test: a load client for a running Samsyn (best on PostgreSQL, started by
 * {@code bench/public-load.sh} or by hand). 64 threads, each with its own connection, ask in turn
 * for {@code /actuator/health}, the Kolada data endpoint and a public indicator page, so all three
 * are measured under the same load in the same run, first for a warm-up and then for the measured
 * duration. Prints per target the requests, their rate, p50 and p99, the errors (a status other
 * than 200, a failed request, or a body without the target's expected text) and the ratio of its
 * p99 to the health p99 (the target of issue 19 is at most 3). Fails when any request was an error.
 * Run with {@code ./mvnw test -Dtest=PublicLoadBenchmark -Dload.url=http://localhost:8080
 * [-Dload.seconds=30] [-Dload.connections=64] [-Dload.indicator=S00001]}.
 */
class PublicLoadBenchmark {

    /** One loaded address, the text every good answer contains, and what was measured. */
    static final class Target {
        final String name;
        final String path;
        final String expected;
        final List<Long> nanos = new ArrayList<>();
        final AtomicLong errors = new AtomicLong();

        Target(String name, String path, String expected) {
            this.name = name;
            this.path = path;
            this.expected = expected;
        }

        synchronized void add(long n) {
            nanos.add(n);
        }

        synchronized double[] p50p99() {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            if (sorted.length == 0) {
                return new double[] {Double.NaN, Double.NaN};
            }
            return new double[] {sorted[sorted.length / 2] / 1e6,
                    sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6};
        }
    }

    @Test
    void healthKoladaAndAnIndicatorPageUnderOneLoad() throws Exception {
        String base = System.getProperty("load.url");
        if (base == null) {
            throw new IllegalStateException("Give the running instance: -Dload.url=http://localhost:8080");
        }
        measure(base);
    }

    /**
     * Loads the three targets of the instance at {@code base} (properties {@code load.seconds},
     * {@code load.connections}, {@code load.indicator}), prints the table and fails on any error.
     */
    static void measure(String base) throws InterruptedException {
        int seconds = Integer.getInteger("load.seconds", 30);
        int connections = Integer.getInteger("load.connections", 64);
        String indicator = System.getProperty("load.indicator", "S00001");
        List<Target> targets = List.of(
                new Target("/actuator/health", "/actuator/health", "\"UP\""),
                new Target("Kolada data, one KPI, all areas, one year", "/api/kolada/v2/data/kpi/N31807/year/2022",
                        "\"values\""),
                new Target("public indicator page " + indicator, "/comparisons/indicators/" + indicator, indicator));
        run(base, targets, connections, 5, false);
        run(base, targets, connections, seconds, true);

        System.out.println();
        System.out.printf(Locale.ROOT, "=== Under load: %d connections for %d s against %s ===%n", connections, seconds,
                base);
        double healthP99 = targets.get(0).p50p99()[1];
        long errors = 0;
        for (Target t : targets) {
            double[] p = t.p50p99();
            errors += t.errors.get();
            System.out.printf(Locale.ROOT, "%-48s %,7d requests %8.1f/s  p50 %8.1f ms  p99 %8.1f ms  errors %d"
                            + "  p99/health p99 %.2f%n", t.name, t.nanos.size(), t.nanos.size() / (double) seconds,
                    p[0], p[1], t.errors.get(), p[1] / healthP99);
        }
        System.out.println("target: p99 of the Kolada endpoint and the indicator page at most 3 x the health p99, no errors");
        if (errors > 0) {
            throw new AssertionError(errors + " requests failed or answered something else");
        }
    }

    /** Loads the targets for {@code seconds}; keeps the timings only when {@code measured}. */
    private static void run(String base, List<Target> targets, int connections, int seconds, boolean measured)
            throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int first = c % targets.size();
            Thread thread = new Thread(() -> {
                // one client per thread: HTTP/1.1 keeps one connection open per thread, like wrk
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10)).build();
                for (int i = first; System.nanoTime() < end; i++) {
                    Target t = targets.get(i % targets.size());
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base.replaceAll("/$", "") + t.path))
                            .timeout(Duration.ofSeconds(120)).GET().build();
                    long started = System.nanoTime();
                    boolean good;
                    try {
                        HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
                        good = answer.statusCode() == 200 && answer.body().contains(t.expected);
                    } catch (Exception e) {
                        good = false;
                    }
                    long took = System.nanoTime() - started;
                    if (measured) {
                        if (good) {
                            t.add(took);
                        } else {
                            t.errors.incrementAndGet();
                        }
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!measured) {
            targets.forEach(t -> {
                synchronized (t) {
                    t.nanos.clear();
                }
                t.errors.set(0);
            });
        }
    }
}
