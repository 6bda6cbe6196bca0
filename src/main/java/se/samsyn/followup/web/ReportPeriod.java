package se.samsyn.followup.web;

import java.time.LocalDate;
import se.samsyn.followup.FollowupRejected;

/**
 * The period a report request asks for: a calendar year ({@code year}, 1 January to 31 December)
 * or the dates {@code from} and {@code to} (both included). Whether the caller may have any period
 * or only a whole year is the report's own rule ({@code OutcomeReports#periodsFree}).
 */
record ReportPeriod(LocalDate from, LocalDate to) {

    /** The first and last year a year field accepts. */
    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 9999;

    /** 1 January to 31 December of the year. */
    static ReportPeriod year(int year) {
        return new ReportPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /**
     * The year when given, otherwise the dates as sent (either may be null: the report refuses a
     * missing period).
     *
     * @throws FollowupRejected {@code year} for a year outside 1900–9999
     */
    static ReportPeriod of(Integer year, LocalDate from, LocalDate to) {
        if (year == null) {
            return new ReportPeriod(from, to);
        }
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new FollowupRejected("year", "followup.error.year");
        }
        return year(year);
    }
}
