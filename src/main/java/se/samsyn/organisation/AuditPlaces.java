package se.samsyn.organisation;

import se.samsyn.audit.AuditRecord;
import se.samsyn.shared.Scope;
import se.samsyn.shared.ScopeType;

/**
 * Places an audit record where its scope lies, for the scoped audit search: the municipality and
 * county of the scope as {@link Organisation} knows them (none for the nation, a county only for a
 * region), and the unit when the scope is one. A municipality's administrator finds a record placed
 * in their municipality; a county's rows are found by the county.
 */
public final class AuditPlaces {

    private AuditPlaces() {
    }

    /** Sets the record's municipality, county and unit from {@code scope}; returns the same builder. */
    public static AuditRecord.Builder placed(Organisation organisation, AuditRecord.Builder record, Scope scope) {
        record.municipality(organisation.municipalityOf(scope).orElse(null));
        record.county(organisation.countyOf(scope).orElse(null));
        if (scope.type() == ScopeType.UNIT) {
            record.unit(scope.code());
        }
        return record;
    }
}
