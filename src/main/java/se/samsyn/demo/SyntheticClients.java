package se.samsyn.demo;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import se.samsyn.followup.PersonalIdentityNumber;
import se.samsyn.organisation.FocusArea;

/**
 * A deterministic generator of synthetic follow-up data, as the import files a case-management
 * system would send. Identity numbers are coordination-number style (day + 60) with a correct
 * check digit; they are pseudonymised on import like any other. The same seed gives the same
 * files, so demo data and benchmarks are repeatable. One generator never gives out the same number
 * twice, since an import refuses a file with the same key twice.
 *
 * <p>This is the demo module's API, and its only public type: the demo loaders
 * ({@code demo.internal.FollowupDemoData}) write the demo clients with it, and tests and benchmarks
 * of other modules (follow-up's import benchmark, the locale-independence test) use it to make
 * import files of any size. It stays in main sources because production demo data needs it; no
 * production code outside the demo module calls it (Spring Modulith's verify() keeps it so, since
 * no module may depend on {@code demo}).
 */
public final class SyntheticClients {

    /** Interventions that, in this synthetic world, help more than the others. */
    static final List<String> EFFECTIVE = List.of("MI", "CRA", "HF", "IPS", "MST", "FFT", "BOSTOD", "STODSAMT");

    /** One synthetic client with the facts the files are written from. */
    public record Client(String number, FocusArea area, String intervention, LocalDate start, boolean completed,
                         double baseline, double followUp, double end) {
    }

    private final Random random;
    private final LocalDate latest;
    /** The numbers given out so far: a client is never drawn twice, so no file repeats a row's key. */
    private final java.util.Set<String> issued = new java.util.HashSet<>();

    /**
     * A generator whose draws follow {@code seed}; clients start 400 to 899 days before
     * {@code latest}, the last date a measurement may have.
     */
    public SyntheticClients(long seed, LocalDate latest) {
        this.random = new Random(seed);
        this.latest = latest;
    }

    /**
     * The next client in {@code area}, born in an age band that fits the area, with one of
     * {@code interventions} (non-empty) and WHO-5 scores (0-100) that improve more for the
     * {@link #EFFECTIVE} ones; never a number this generator gave out before.
     */
    public Client next(FocusArea area, List<String> interventions) {
        int birthYear = switch (area) {
            case ELDERLY_CARE, DEMENTIA -> 1930 + random.nextInt(26);
            case CHILDREN_YOUTH -> 2007 + random.nextInt(12);
            default -> 1960 + random.nextInt(45);
        };
        String number = number(birthYear);
        while (!issued.add(number)) {
            number = number(birthYear);
        }
        String intervention = interventions.get(random.nextInt(interventions.size()));
        LocalDate start = latest.minusDays(400 + random.nextInt(500));
        boolean completed = random.nextDouble() < 0.7;
        double baseline = clamp(Math.round(38 + random.nextGaussian() * 14) / 4 * 4);
        double gain = (EFFECTIVE.contains(intervention) ? 12 : 3) + random.nextGaussian() * 10;
        double followUp = clamp(Math.round((baseline + gain) / 4) * 4);
        double end = clamp(Math.round((followUp + (completed ? 4 : -4) + random.nextGaussian() * 6) / 4) * 4);
        return new Client(number, area, intervention, start, completed, baseline, followUp, end);
    }

    /** The next number from this generator's seeded random sequence, from 0 up to (not including) {@code bound}. */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private static double clamp(double score) {
        return Math.max(0, Math.min(100, score));
    }

    /**
     * A 12-digit coordination-style number for someone born in that year, with a valid check digit
     * and a birth number from 001 to 999 (000 is not issued). Formatted with {@link Locale#ROOT}:
     * ASCII digits whatever the server's default locale.
     */
    String number(int birthYear) {
        LocalDate birth = LocalDate.of(birthYear, 1, 1).plusDays(random.nextInt(365));
        // One draw from 0-999 as before, so that every other synthetic number stays the same; 000 becomes 001.
        int birthNumber = Math.max(1, random.nextInt(1000));
        String body = String.format(Locale.ROOT, "%02d%02d%02d%03d", birthYear % 100, birth.getMonthValue(),
                birth.getDayOfMonth() + 60, birthNumber);
        return String.format(Locale.ROOT, "%04d", birthYear).substring(0, 2) + body + PersonalIdentityNumber.checkDigit(body);
    }

    /** The goal statuses given in turn to generated goals. */
    private static final String[] GOAL_STATUSES = {"achieved", "partly-achieved", "not-achieved"};

    /**
     * Writes an import file of the given type with {@code rows} data rows for one unit, for
     * benchmarks and load tests: episodes and interventions have a row per client, needs four
     * life areas per client, and measurements are as in {@link #writeMeasurements}.
     */
    public static void write(se.samsyn.followup.ImportType type, Writer out, String unitCode, int rows, long seed,
                             LocalDate latest) throws IOException {
        if (type == se.samsyn.followup.ImportType.MEASUREMENTS) {
            writeMeasurements(out, unitCode, rows, seed, latest);
            return;
        }
        SyntheticClients generator = new SyntheticClients(seed, latest);
        out.write(String.join(",", type.columns()) + "\n");
        String[] areas = {"d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8", "d9", "security", "relative-support"};
        int written = 0;
        while (written < rows) {
            Client c = generator.next(FocusArea.SUBSTANCE_USE, EFFECTIVE);
            LocalDate end = c.start().plusMonths(12);
            switch (type) {
                case EPISODES -> {
                    out.write(c.number() + "," + unitCode + ",substance-use," + c.start() + "," + end + "\n");
                    written++;
                }
                case INTERVENTIONS -> {
                    out.write(c.number() + "," + unitCode + "," + c.intervention() + "," + c.start() + "," + end + ","
                            + (c.completed() ? "completed" : "interrupted-by-client") + "\n");
                    written++;
                }
                case NEEDS -> {
                    for (int a = 0; a < 4 && written < rows; a++, written++) {
                        out.write(c.number() + "," + unitCode + "," + c.start() + "," + areas[(written + a * 3) % areas.length]
                                + "," + generator.nextInt(5) + "," + (a == 0 ? "mal-1," + GOAL_STATUSES[written % 3] : ",") + "\n");
                    }
                }
                default -> throw new IllegalArgumentException(type.code());
            }
        }
    }

    /**
     * Writes a measurements import file of about {@code rows} rows for one unit: a WHO-5 baseline,
     * a six-month follow-up and, for completed interventions, an end measurement per client.
     */
    public static void writeMeasurements(Writer out, String unitCode, int rows, long seed, LocalDate latest)
            throws IOException {
        SyntheticClients generator = new SyntheticClients(seed, latest);
        out.write("personnummer,unit_code,instrument_code,measured_on,time_point,score\n");
        int written = 0;
        while (written < rows) {
            Client c = generator.next(FocusArea.SUBSTANCE_USE, EFFECTIVE);
            written += measurementRows(out, unitCode, c, rows - written);
        }
    }

    /**
     * Writes up to {@code room} WHO-5 measurement rows (CSV lines in the follow-up import's
     * columns, no header) for one client: baseline at the start, follow-up after 6 months and, for
     * a completed course only, the end after 12 months. Returns how many rows were written.
     */
    public static int measurementRows(Writer out, String unitCode, Client c, int room) throws IOException {
        String[] lines = {
                row(c.number(), unitCode, "who5", c.start(), "baseline", c.baseline()),
                row(c.number(), unitCode, "who5", c.start().plusMonths(6), "followup-6m", c.followUp()),
                row(c.number(), unitCode, "who5", c.start().plusMonths(12), "end", c.end())};
        int count = Math.min(room, c.completed() ? 3 : 2);
        for (int i = 0; i < count; i++) {
            out.write(lines[i]);
        }
        return count;
    }

    private static String row(String number, String unit, String instrument, LocalDate date, String point, double score) {
        return number + "," + unit + "," + instrument + "," + date + "," + point + "," + (int) score + "\n";
    }
}
