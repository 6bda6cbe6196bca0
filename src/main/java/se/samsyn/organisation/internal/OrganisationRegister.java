package se.samsyn.organisation.internal;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samsyn.cluster.ChangeSignals;
import se.samsyn.organisation.County;
import se.samsyn.organisation.Municipality;
import se.samsyn.organisation.MunicipalityFilter;
import se.samsyn.organisation.MunicipalityGroup;
import se.samsyn.organisation.MunicipalityNotFound;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.PopulationBand;
import se.samsyn.organisation.PopulationYear;
import se.samsyn.organisation.ReferenceDataLoaded;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Scope;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Look-ups over the organisation and its reference data, and scope containment for permission
 * checks. The municipality list and the map boundaries change only when reference data is
 * loaded, so they are kept in memory until then.
 */
@Service
@Transactional(readOnly = true)
class OrganisationRegister implements Organisation {

    /** Swedish alphabetical order: Å, Ä and Ö come last. */
    private static final Collator SWEDISH = Collator.getInstance(new Locale("sv", "SE"));

    private final OrganisationRepository repository;
    private final ScopeHierarchy hierarchy;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Cache lists;
    private final Cache boundaries;

    OrganisationRegister(OrganisationRepository repository, CacheManager caches, ChangeSignals signals) {
        this.repository = repository;
        this.lists = caches.getCache("organisation-lists");
        this.boundaries = caches.getCache("organisation-boundaries");
        signals.onChange(REFERENCE_DATA_CHANGED, this::forget);
        this.hierarchy = new ScopeHierarchy(new ScopeHierarchy.Lookups() {
            @Override
            public Optional<String> municipalityOfUnit(String unitCode) {
                return repository.municipalityOfUnit(unitCode);
            }

            @Override
            public Optional<String> countyOfMunicipality(String municipalityCode) {
                return repository.countyOfMunicipality(municipalityCode);
            }
        });
    }

    /** Empties this instance's caches; a clear asked for inside a transaction happens after commit. */
    @EventListener
    void on(ReferenceDataLoaded event) {
        forget();
    }

    private void forget() {
        lists.clear();
        boundaries.clear();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Municipality> municipalities() {
        return (List<Municipality>) lists.get("municipalities", () -> repository.municipalities().stream()
                .sorted(Comparator.comparing(Municipality::name, SWEDISH)).toList());
    }

    @Override
    public List<Municipality> municipalities(MunicipalityFilter filter) {
        return municipalities().stream().filter(filter::matches).toList();
    }

    @Override
    public Optional<Municipality> municipality(String code) {
        return municipalities().stream().filter(m -> m.code().equals(code)).findFirst();
    }

    @Override
    public Municipality requireMunicipality(String code) {
        return municipality(code).orElseThrow(() -> MunicipalityNotFound.forCode(code));
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<County> counties() {
        return (List<County>) lists.get("counties", () -> repository.counties());
    }

    @Override
    public Optional<County> county(String code) {
        return counties().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<MunicipalityGroup> groups() {
        return (List<MunicipalityGroup>) lists.get("groups", () -> repository.groups());
    }

    @Override
    public List<PopulationBand> populationBands(String municipalityCode) {
        return repository.populationBands(municipalityCode);
    }

    @Override
    public List<PopulationYear> populationTrend(String municipalityCode) {
        return repository.populationTrend(municipalityCode);
    }

    @Override
    public List<Unit> units(String municipalityCode) {
        return repository.units(municipalityCode);
    }

    @Override
    public Optional<Unit> unit(String unitCode) {
        return repository.unit(unitCode);
    }

    @Override
    public List<Unit> unitsWithin(Scope scope) {
        return switch (scope.type()) {
            case NATION -> repository.allUnits();
            case REGION -> repository.unitsInCounty(scope.code());
            case MUNICIPALITY -> repository.units(scope.code());
            case UNIT -> repository.unit(scope.code()).stream().toList();
        };
    }

    @Override
    /**
     * Filters the cached municipality list by the county or code each carries: no query per
     * municipality (asking {@link #covers} for each looked up every municipality's county, 290
     * queries for a region's report).
     */
    public List<Municipality> municipalitiesWithin(Scope scope) {
        return switch (scope.type()) {
            case NATION -> municipalities();
            case REGION -> municipalities().stream().filter(m -> scope.code().equals(m.countyCode())).toList();
            case MUNICIPALITY -> municipalities().stream().filter(m -> scope.code().equals(m.code())).toList();
            case UNIT -> List.of();
        };
    }

    @Override
    public boolean covers(Scope outer, Scope inner) {
        return hierarchy.covers(outer, inner);
    }

    @Override
    public boolean exists(Scope scope) {
        return switch (scope.type()) {
            case NATION -> true;
            case REGION -> repository.countyExists(scope.code());
            case MUNICIPALITY -> repository.municipalityExists(scope.code());
            case UNIT -> repository.municipalityOfUnit(scope.code()).isPresent();
        };
    }

    @Override
    public Optional<String> municipalityOf(Scope scope) {
        return hierarchy.municipalityOf(scope);
    }

    @Override
    public Optional<String> countyOf(Scope scope) {
        return hierarchy.countyOf(scope);
    }

    @Override
    public String boundaries(String kind) {
        return boundaries.get(kind, () -> buildFeatureCollection(kind));
    }

    private String buildFeatureCollection(String kind) {
        Map<String, String> names = "county".equals(kind)
                ? counties().stream().collect(Collectors.toMap(County::code, County::name))
                : municipalities().stream().collect(Collectors.toMap(Municipality::code, Municipality::name));
        StringBuilder out = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        boolean first = true;
        for (Map.Entry<String, String> e : repository.boundaries(kind).entrySet()) {
            ObjectNode properties = json.createObjectNode();
            properties.put("code", e.getKey());
            properties.put("name", names.getOrDefault(e.getKey(), e.getKey()));
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append("{\"type\":\"Feature\",\"properties\":").append(json.writeValueAsString(properties))
                    .append(",\"geometry\":").append(e.getValue()).append('}');
        }
        return out.append("]}").toString();
    }

}
