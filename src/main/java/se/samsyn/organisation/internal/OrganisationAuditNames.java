package se.samsyn.organisation.internal;

import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import se.samsyn.audit.AuditNames;
import se.samsyn.organisation.County;
import se.samsyn.organisation.Municipality;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Unit;

/**
 * Names the places audit rows point at: kind {@code municipality} gives the municipality's name
 * ("Malmö"), kind {@code unit} the unit's name with its code ("Barn och unga (1280-IFO-BU)"), kind {@code region} the county's name.
 */
@Component
class OrganisationAuditNames implements AuditNames {

    private final Organisation organisation;

    OrganisationAuditNames(Organisation organisation) {
        this.organisation = organisation;
    }

    @Override
    public Optional<String> name(String kind, String code, Locale locale) {
        if (code == null) {
            return Optional.empty();
        }
        return switch (kind) {
            case "municipality" -> organisation.municipality(code).map(Municipality::name);
            case "unit" -> organisation.unit(code).map(Unit::labelled);
            case "region" -> organisation.county(code).map(County::name);
            default -> Optional.empty();
        };
    }

    /** Kind {@code municipality}: every municipality code with its name, in the register's order (by name). */
    @Override
    public java.util.Map<String, String> all(String kind, Locale locale) {
        if (!"municipality".equals(kind)) {
            return java.util.Map.of();
        }
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>();
        organisation.municipalities().forEach(m -> all.put(m.code(), m.name()));
        return all;
    }
}
