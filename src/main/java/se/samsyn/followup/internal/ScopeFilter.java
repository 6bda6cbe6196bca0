package se.samsyn.followup.internal;

import java.util.HashMap;
import java.util.Map;
import se.samsyn.organisation.Municipality;
import se.samsyn.organisation.Organisation;
import se.samsyn.shared.Scope;

/** A scope as one of a few fixed SQL conditions on {@code c}, the client table, with its parameters. */
record ScopeFilter(String sql, Map<String, Object> params) {

    static ScopeFilter of(Scope scope, Organisation organisation) {
        Map<String, Object> params = new HashMap<>();
        String sql = switch (scope.type()) {
            case UNIT -> {
                params.put("code", scope.code());
                yield "c.unit_code = :code";
            }
            case MUNICIPALITY -> {
                params.put("code", scope.code());
                yield "c.municipality_code = :code";
            }
            case REGION -> {
                params.put("codes", organisation.municipalitiesWithin(scope).stream().map(Municipality::code).toList());
                yield "c.municipality_code IN (:codes)";
            }
            case NATION -> "1 = 1";
        };
        return new ScopeFilter(sql, params);
    }

    /** The county (two digits) of every municipality, by its four-digit code. */
    static Map<String, String> counties(Organisation organisation) {
        Map<String, String> counties = new HashMap<>();
        organisation.municipalities().forEach(m -> counties.put(m.code(), m.countyCode()));
        return counties;
    }
}
