package se.samsyn.followup;

import java.time.LocalDate;

/**
 * The fixed period of a figure published outside the owning unit without a period of the
 * reader's choosing: whole calendar years {@code first} to {@code last} (both included), 1 January
 * of the first to 31 December of the last. Such a period only moves on 1 January, so a figure read
 * on two days of the same year covers the same clients and changes only when their data change;
 * two rolling windows a day apart could be subtracted to reveal the clients of one day
 * (ADR 0015, "Periods").
 *
 * @param first the first year, such as 2024
 * @param last  the last year, not before {@code first}
 */
public record PublishedYears(int first, int last) {

    /** @throws IllegalArgumentException when {@code last} is before {@code first} */
    public PublishedYears {
        if (last < first) {
            throw new IllegalArgumentException("The years " + first + "–" + last + " are reversed");
        }
    }

    /**
     * The last completed calendar year before {@code today} (on any day of 2026, the year 2025):
     * the year a page of yearly figures opens on when none is asked for, since the current year's
     * figures cover only the year so far (the open comparisons open on the latest such year too).
     *
     * @param today today's date in Sweden ({@code SwedishTime.today})
     */
    public static PublishedYears lastCompleted(LocalDate today) {
        int year = today.getYear() - 1;
        return new PublishedYears(year, year);
    }

    /**
     * The period of the client counts that prefill a resource scenario: the last completed
     * calendar year before {@code today} (on any day of 2026, the year 2025).
     */
    public static PublishedYears clientCounts(LocalDate today) {
        return lastCompleted(today);
    }

    /**
     * The period of the national practice outcomes beside the priority list: the last completed
     * calendar year before {@code today} (on any day of 2026, the year 2025), the period of the
     * outcome reports outside the owning unit, since a range of years set against its single years
     * could be differenced.
     */
    public static PublishedYears practiceOutcomes(LocalDate today) {
        return lastCompleted(today);
    }

    /** 1 January of the first year. */
    public LocalDate from() {
        return LocalDate.of(first, 1, 1);
    }

    /** 31 December of the last year. */
    public LocalDate to() {
        return LocalDate.of(last, 12, 31);
    }

    /** Whether the period is one year only. */
    public boolean single() {
        return first == last;
    }
}
