package se.samsyn.followup.internal;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import se.samsyn.organisation.Unit;

/**
 * A checked row of a follow-up import: the client it belongs to (unit, pseudonym, and what a new
 * client row needs), its values as the parameters of the type's insert, and its key (unit,
 * pseudonym and the type's key columns, as text).
 */
record ImportedRow(Unit unit, String pseudonym, int birthYear, String sex, MapSqlParameterSource values, String key) {

    /** The client's key in the run's cache: unit and pseudonym. */
    String clientKey() {
        return unit.code() + "|" + pseudonym;
    }
}
