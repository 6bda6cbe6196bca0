package se.samsyn.platform.internal;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import se.samsyn.organisation.County;
import se.samsyn.organisation.Municipality;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Scope;
import se.samsyn.shared.ScopeType;

/**
 * The choices of the place pickers ({@code templates/fragments/pickers.html}), so that nobody types
 * a municipality, county or unit code (issue 17 point 2). Templates reach it as {@code @pickers}:
 * {@code ${@pickers.municipalities(scope)}} gives the municipalities within a scope grouped by county
 * (one {@code <optgroup>} per county, "Skåne län" holding "Malmö"), {@code ${@pickers.scopes(scope, true)}}
 * every scope within a scope (the nation, the regions, the municipalities by county, the units by
 * municipality). A choice's value is the code the form sends; its label is the name a person reads,
 * a unit's with its code after the name. Without the organisation (a page's web-slice test) every
 * list is empty.
 */
@Component("pickers")
class Pickers {

    private final ObjectProvider<Organisation> register;
    private final MessageSource messages;

    /** The register is looked up when asked, as in {@link Places}. */
    Pickers(ObjectProvider<Organisation> register, MessageSource messages) {
        this.register = register;
        this.messages = messages;
    }

    /** One option: the code the form sends and the name shown. */
    record Choice(String value, String label) {
    }

    /** One {@code <optgroup>}: its label and its options, in the order shown. */
    record Group(String label, List<Choice> choices) {
    }

    /** All municipalities, grouped by county in Swedish alphabetical order of the county's name. */
    public List<Group> municipalities() {
        return municipalities(Scope.nation());
    }

    /**
     * The municipalities within a scope (a unit's scope gives its municipality), grouped by county,
     * counties and municipalities in Swedish alphabetical order; the nation for null.
     */
    public List<Group> municipalities(Scope within) {
        Organisation organisation = register.getIfAvailable();
        if (organisation == null) {
            return List.of();
        }
        Scope scope = within == null ? Scope.nation() : within;
        List<Municipality> shown = scope.type() == ScopeType.UNIT
                ? organisation.municipalityOf(scope).flatMap(organisation::municipality).map(List::of).orElse(List.of())
                : organisation.municipalitiesWithin(scope);
        return byCounty(shown);
    }

    /**
     * Every scope within {@code within} that an account or a report may name: the nation ("Riket")
     * if it is the nation, the regions it holds, its municipalities grouped by county and, when
     * {@code withUnits}, its units grouped by municipality ("Malmö – enheter").
     */
    public List<Group> scopes(Scope within, boolean withUnits) {
        return scopes(within, withUnits, List.of(ScopeType.values()));
    }

    /**
     * As {@link #scopes(Scope, boolean)}, but only scopes of the given types: a national analyst's
     * priority process names only the nation, a regional analyst's a region or a municipality.
     */
    public List<Group> scopes(Scope within, boolean withUnits, java.util.Collection<ScopeType> types) {
        return scopesOf(within, withUnits, java.util.EnumSet.copyOf(types));
    }

    private List<Group> scopesOf(Scope within, boolean withUnits, java.util.Set<ScopeType> types) {
        Organisation organisation = register.getIfAvailable();
        if (organisation == null) {
            return List.of();
        }
        Scope scope = within == null ? Scope.nation() : within;
        List<Group> groups = new ArrayList<>();
        if (scope.type() == ScopeType.NATION && types.contains(ScopeType.NATION)) {
            String nation = message("scope.type.nation", "Riket");
            groups.add(new Group(nation, List.of(new Choice(Scope.NATION_CODE, nation))));
        }
        if ((scope.type() == ScopeType.NATION || scope.type() == ScopeType.REGION) && types.contains(ScopeType.REGION)) {
            List<Choice> regions = organisation.counties().stream()
                    .filter(c -> organisation.covers(scope, Scope.region(c.code())))
                    .sorted(Comparator.comparing(County::name, collator()))
                    .map(c -> new Choice(c.code(), c.name())).toList();
            if (!regions.isEmpty()) {
                groups.add(new Group(message("picker.regions", "Regioner"), regions));
            }
        }
        if (scope.type() != ScopeType.UNIT && types.contains(ScopeType.MUNICIPALITY)) {
            groups.addAll(byCounty(organisation.municipalitiesWithin(scope)));
        }
        if (withUnits && types.contains(ScopeType.UNIT)) {
            groups.addAll(units(scope));
        }
        return groups;
    }

    /** The municipalities (grouped by county) and units (grouped by municipality) within a scope: a follow-up chart's places. */
    public List<Group> municipalitiesAndUnits(Scope within) {
        return scopes(within, true, List.of(ScopeType.MUNICIPALITY, ScopeType.UNIT));
    }

    /** The units within a scope, grouped by municipality, each shown as "Barn och unga (1280-IFO-BU)". */
    public List<Group> units(Scope within) {
        Organisation organisation = register.getIfAvailable();
        if (organisation == null) {
            return List.of();
        }
        Scope scope = within == null ? Scope.nation() : within;
        Map<String, List<Choice>> byMunicipality = new LinkedHashMap<>();
        organisation.unitsWithin(scope).stream()
                .sorted(Comparator.comparing((Unit u) -> municipalityName(organisation, u.municipalityCode()), collator())
                        .thenComparing(Unit::name, collator()))
                .forEach(u -> byMunicipality.computeIfAbsent(u.municipalityCode(), k -> new ArrayList<>())
                        .add(new Choice(u.code(), u.labelled())));
        List<Group> groups = new ArrayList<>();
        byMunicipality.forEach((code, choices) -> groups.add(new Group(
                message("picker.units-of", "Enheter", municipalityName(organisation, code)), choices)));
        return groups;
    }

    /** The municipality a scope lies in, to preselect; null for the nation and a region. */
    public String ownMunicipality(Scope scope) {
        Organisation organisation = register.getIfAvailable();
        return scope == null || organisation == null ? null : organisation.municipalityOf(scope).orElse(null);
    }

    private List<Group> byCounty(List<Municipality> shown) {
        Map<String, List<Choice>> byCounty = new LinkedHashMap<>();
        Map<String, String> countyNames = new LinkedHashMap<>();
        shown.stream()
                .sorted(Comparator.comparing(Municipality::countyName, collator()).thenComparing(Municipality::name, collator()))
                .forEach(m -> {
                    countyNames.putIfAbsent(m.countyCode(), m.countyName());
                    byCounty.computeIfAbsent(m.countyCode(), k -> new ArrayList<>()).add(new Choice(m.code(), m.name()));
                });
        List<Group> groups = new ArrayList<>();
        byCounty.forEach((code, choices) -> groups.add(new Group(countyNames.get(code), choices)));
        return groups;
    }

    private static String municipalityName(Organisation organisation, String code) {
        return organisation.municipality(code).map(Municipality::name).orElse(code);
    }

    private String message(String key, String fallback, Object... arguments) {
        return messages.getMessage(key, arguments, fallback, LocaleContextHolder.getLocale());
    }

    private static Comparator<String> collator() {
        Collator swedish = Collator.getInstance(Locale.forLanguageTag("sv-SE"));
        return swedish::compare;
    }
}
