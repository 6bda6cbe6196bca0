package se.samsyn.comparison;

/**
 * One stored result: an indicator's value for an area, year and gender, with its base n, its
 * status (ok, suppressed, missing, not-applicable) and, for municipalities, its colour. For
 * suppressed cells, value, numerator, denominator and n are withheld (null) when read for anyone
 * outside the engine.
 */
public record ResultRow(String indicatorId, String areaCode, String areaKind, int year, String gender,
                        Double numerator, Double denominator, Double value, Integer n, String status, String colour) {

    public static final String OK = "ok";
    public static final String SUPPRESSED = "suppressed";
    public static final String MISSING = "missing";
    public static final String NOT_APPLICABLE = "not-applicable";

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

    /** The same row with everything that could reveal a suppressed value removed. */
    public ResultRow published() {
        return OK.equals(status) ? this
                : new ResultRow(indicatorId, areaCode, areaKind, year, gender, null, null, null, null, status, colour);
    }
}
