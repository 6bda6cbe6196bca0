package se.samsyn.followup;

import java.time.Instant;

/**
 * A pseudonymous client of one unit: the id, the unit and its municipality (codes), the birth year
 * and legal sex ({@code K} or {@code M}) read from the personal identity number, and when the
 * client was first recorded. The number itself is never kept.
 */
public record Client(long id, String municipalityCode, String unitCode, int birthYear, String legalSex,
                     Instant createdAt) {
}
