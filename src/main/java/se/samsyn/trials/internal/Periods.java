package se.samsyn.trials.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import se.samsyn.trials.PeriodKind;

/** Weeks (Monday first, as in Sweden and ISO 8601) and calendar months between two days. */
final class Periods {

    private Periods() {
    }

    /** The first day of the period holding the day. */
    static LocalDate startOf(PeriodKind kind, LocalDate day) {
        return kind == PeriodKind.WEEK ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.withDayOfMonth(1);
    }

    /** The day after the period that starts on {@code start}. */
    static LocalDate next(PeriodKind kind, LocalDate start) {
        return kind == PeriodKind.WEEK ? start.plusWeeks(1) : start.plusMonths(1);
    }

    /** The starts of every period from the one holding {@code from} to the one holding {@code to}. */
    static List<LocalDate> between(PeriodKind kind, LocalDate from, LocalDate to) {
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate d = startOf(kind, from); !d.isAfter(to); d = next(kind, d)) {
            starts.add(d);
        }
        return starts;
    }
}
