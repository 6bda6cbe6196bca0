package se.samsyn.followup;

import java.time.LocalDate;

/** An episode of a client in one focus area (its code), from its start to its end (null while open). */
public record Episode(long id, String focusArea, LocalDate startDate, LocalDate endDate) {
}
