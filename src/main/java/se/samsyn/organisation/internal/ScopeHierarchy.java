package se.samsyn.organisation.internal;

import java.util.Optional;
import se.samsyn.shared.Scope;

/**
 * Whether one scope contains another: nation &gt; region &gt; municipality &gt; unit. The lookups
 * tell which municipality a unit belongs to and which county a municipality lies in.
 */
final class ScopeHierarchy {

    interface Lookups {
        Optional<String> municipalityOfUnit(String unitCode);

        Optional<String> countyOfMunicipality(String municipalityCode);
    }

    private final Lookups lookups;

    ScopeHierarchy(Lookups lookups) {
        this.lookups = lookups;
    }

    boolean covers(Scope outer, Scope inner) {
        return switch (outer.type()) {
            case NATION -> true;
            case REGION -> countyOf(inner).map(outer.code()::equals).orElse(false);
            case MUNICIPALITY -> municipalityOf(inner).map(outer.code()::equals).orElse(false);
            case UNIT -> inner.equals(outer);
        };
    }

    Optional<String> municipalityOf(Scope scope) {
        return switch (scope.type()) {
            case NATION, REGION -> Optional.empty();
            case MUNICIPALITY -> Optional.of(scope.code());
            case UNIT -> lookups.municipalityOfUnit(scope.code());
        };
    }

    Optional<String> countyOf(Scope scope) {
        return switch (scope.type()) {
            case NATION -> Optional.empty();
            case REGION -> Optional.of(scope.code());
            case MUNICIPALITY, UNIT -> municipalityOf(scope).flatMap(lookups::countyOfMunicipality);
        };
    }
}
