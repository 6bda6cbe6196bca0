package se.samsyn.followup;

import java.time.LocalDate;

/**
 * An intervention a client receives: the catalogue's code and name, the start, and the end with
 * its reason (both null while ongoing).
 */
public record Intervention(long id, String interventionCode, String interventionName, LocalDate startDate,
                           LocalDate endDate, EndReason endReason) {
}
