package se.samsyn.identity.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.samsyn.organisation.Municipality;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Scope;

/**
 * The scopes an administrator manages, as one SQL condition on {@code idn_user}'s
 * {@code scope_type} and {@code scope_code} with its named parameters: the same rule as
 * {@link Organisation#covers} (nation covers everything, a region its own scope, its municipalities
 * and their units, a municipality itself and its units, a unit itself), so that the database
 * filters the accounts instead of the application reading them all.
 *
 * @param sql a condition built only from the fixed fragments below
 * @param params the codes it names
 */
record ManagedScopes(String sql, Map<String, Object> params) {

    static ManagedScopes of(Scope admin, Organisation organisation) {
        Map<String, Object> params = new HashMap<>();
        String sql = switch (admin.type()) {
            case NATION -> "1 = 1";
            case REGION -> {
                params.put("ownCode", admin.code());
                List<String> municipalities = organisation.municipalitiesWithin(admin).stream()
                        .map(Municipality::code).toList();
                List<String> units = organisation.unitsWithin(admin).stream().map(Unit::code).toList();
                yield "scope_type = 'REGION' AND scope_code = :ownCode"
                        + in("MUNICIPALITY", "municipalities", municipalities, params)
                        + in("UNIT", "units", units, params);
            }
            case MUNICIPALITY -> {
                params.put("ownCode", admin.code());
                List<String> units = organisation.unitsWithin(admin).stream().map(Unit::code).toList();
                yield "scope_type = 'MUNICIPALITY' AND scope_code = :ownCode" + in("UNIT", "units", units, params);
            }
            case UNIT -> {
                params.put("ownCode", admin.code());
                yield "scope_type = 'UNIT' AND scope_code = :ownCode";
            }
        };
        return new ManagedScopes(sql, params);
    }

    private static String in(String type, String name, List<String> codes, Map<String, Object> params) {
        if (codes.isEmpty()) {
            return "";
        }
        params.put(name, codes);
        return " OR scope_type = '" + type + "' AND scope_code IN (:" + name + ")";
    }
}
