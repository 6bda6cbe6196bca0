package se.samsyn.comparison;

/**
 * One stored result: an indicator's value for an area, year and gender, with its base n, its
 * status (ok, suppressed, missing, not-applicable) and, for municipalities, its colour. For
 * suppressed cells, value, numerator, denominator and n are withheld (null) when read for anyone
 * outside the engine. {@code suppression} says why a suppressed cell is hidden: {@link #PRIMARY}
 * (its own count is small, or its share is 0 % or 100 % on a small base) or {@link #SECONDARY}
 * (hidden to protect another cell); null for any other cell and for a suppressed cell whose source
 * does not say. It is withheld from every reader like the value ({@link #published()}): a hidden
 * cell known to be primary is known to hold 1 to 4, which ADR 0015 forbids.
 */
public record ResultRow(String indicatorId, String areaCode, String areaKind, int year, String gender,
                        Double numerator, Double denominator, Double value, Integer n, String status, String colour,
                        String suppression) {

    public static final String OK = "ok";
    public static final String SUPPRESSED = "suppressed";
    public static final String MISSING = "missing";
    public static final String NOT_APPLICABLE = "not-applicable";

    /** {@code suppression} of a cell hidden for its own small count (or extreme share). */
    public static final String PRIMARY = "primary";
    /** {@code suppression} of a cell hidden so that another hidden cell cannot be worked out. */
    public static final String SECONDARY = "secondary";

    /** A row without a suppression reason (a cell that is not suppressed, or whose reason is not known). */
    public ResultRow(String indicatorId, String areaCode, String areaKind, int year, String gender,
                     Double numerator, Double denominator, Double value, Integer n, String status, String colour) {
        this(indicatorId, areaCode, areaKind, year, gender, numerator, denominator, value, n, status, colour, null);
    }

    public boolean shown() {
        return OK.equals(status) && value != null;
    }

    /** The symbol for a cell without a published value: ".." suppressed, "." not applicable, "-" missing. */
    public String symbol() {
        return switch (status) {
            case SUPPRESSED -> "..";
            case NOT_APPLICABLE -> ".";
            case OK -> value == null ? "-" : null;
            default -> "-";
        };
    }

    /**
     * The same row with everything that could reveal a suppressed value removed: the value, its
     * numerator, denominator and base, and whether the suppression is primary or secondary.
     */
    public ResultRow published() {
        if (OK.equals(status)) {
            return suppression == null ? this : new ResultRow(indicatorId, areaCode, areaKind, year, gender, numerator,
                    denominator, value, n, status, colour, null);
        }
        return new ResultRow(indicatorId, areaCode, areaKind, year, gender, null, null, null, null, status, colour, null);
    }
}
