package se.samsyn.platform.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;
import se.samsyn.shared.SwedishTime;

/**
 * Formats instants for pages ({@code ${@dates.dateTime(...)}} in templates) in Swedish time, the
 * zone of {@link SwedishTime}, so that a time shown on a page falls on the same day as the day
 * filters that find it. ISO digits in every language: the formatters use {@link Locale#ROOT}.
 */
@Component("dates")
class Dates {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(SwedishTime.ZONE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(SwedishTime.ZONE);

    /** {@code yyyy-MM-dd HH:mm} in Swedish time, or "-" for no instant. */
    public String dateTime(Instant instant) {
        return instant == null ? "-" : DATE_TIME.format(instant);
    }

    /** {@code yyyy-MM-dd}, the Swedish calendar day of the instant, or "-" for no instant. */
    public String date(Instant instant) {
        return instant == null ? "-" : DATE.format(instant);
    }
}
