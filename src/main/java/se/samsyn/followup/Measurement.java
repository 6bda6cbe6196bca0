package se.samsyn.followup;

import java.time.LocalDate;

/** One measurement of an outcome instrument (its code) at a time point, the score in the instrument's units. */
public record Measurement(long id, String instrumentCode, LocalDate measuredOn, TimePoint timePoint, double score) {
}
