package se.samsyn.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The one time zone in which Samsyn draws every date boundary: "today", the first and last
 * moment of a day in a search filter, the day an instant is shown under. Swedish social services
 * keep their records in Swedish time, and pages show times in it, so a day filter must cut at
 * Stockholm midnight, not at UTC midnight (an event at 23:30 UTC on 1 March belongs to 2 March).
 *
 * <p>Instants are still stored in UTC; only the conversion between an instant and a calendar
 * date goes through this zone. The rule's source is the domain (all users and records are in
 * Sweden), not the server: the JVM's default zone is never used.
 */
public final class SwedishTime {

    /** Europe/Stockholm: CET in winter, CEST (UTC+2) from the last Sunday of March to the last Sunday of October. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

    private SwedishTime() {
    }

    /** The calendar date in Sweden at the clock's current instant; the clock's own zone is ignored. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** The calendar date in Sweden at the given instant. */
    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** The first instant of the given Swedish calendar day (midnight in Stockholm, 23:00 or 22:00 UTC the day before). */
    public static Instant startOfDay(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    /** The first instant after the given Swedish calendar day: an exclusive upper bound for "up to and including day". */
    public static Instant endOfDay(LocalDate day) {
        return startOfDay(day.plusDays(1));
    }
}
