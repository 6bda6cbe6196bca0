package se.samsyn.organisation;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
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
public class Organisation {

    /** Swedish alphabetical order: Å, Ä and Ö come last. */
    private static final Collator SWEDISH = Collator.getInstance(new Locale("sv", "SE"));

    private final OrganisationRepository repository;
    private final ScopeHierarchy hierarchy;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Object> cache = new ConcurrentHashMap<>();

    Organisation(OrganisationRepository repository) {
        this.repository = repository;
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

    /**
     * Forgets the cached lists when reference data is loaded, and again once that load has
     * committed: a page served between the first clear and the commit (the start-up load runs while
     * the server already answers) may have cached the rows from before the load. The second clear
     * runs before the other after-commit work, which reads the new rows.
     */
    @EventListener
    void on(ReferenceDataLoaded event) {
        cache.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.clear();
                }

                @Override
                public int getOrder() {
                    return Ordered.HIGHEST_PRECEDENCE;
                }
            });
        }
    }

    @SuppressWarnings("unchecked")
    public List<Municipality> municipalities() {
        return (List<Municipality>) cache.computeIfAbsent("municipalities", k -> repository.municipalities().stream()
                .sorted(Comparator.comparing(Municipality::name, SWEDISH)).toList());
    }

    public List<Municipality> municipalities(MunicipalityFilter filter) {
        return municipalities().stream().filter(filter::matches).toList();
    }

    public Optional<Municipality> municipality(String code) {
        return municipalities().stream().filter(m -> m.code().equals(code)).findFirst();
    }

    public Municipality requireMunicipality(String code) {
        return municipality(code).orElseThrow(() -> MunicipalityNotFound.forCode(code));
    }

    @SuppressWarnings("unchecked")
    public List<County> counties() {
        return (List<County>) cache.computeIfAbsent("counties", k -> repository.counties());
    }

    public Optional<County> county(String code) {
        return counties().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    @SuppressWarnings("unchecked")
    public List<MunicipalityGroup> groups() {
        return (List<MunicipalityGroup>) cache.computeIfAbsent("groups", k -> repository.groups());
    }

    public List<PopulationBand> populationBands(String municipalityCode) {
        return repository.populationBands(municipalityCode);
    }

    public List<PopulationYear> populationTrend(String municipalityCode) {
        return repository.populationTrend(municipalityCode);
    }

    public List<Unit> units(String municipalityCode) {
        return repository.units(municipalityCode);
    }

    public Optional<Unit> unit(String unitCode) {
        return repository.unit(unitCode);
    }

    /** The units that lie within a scope. */
    public List<Unit> unitsWithin(Scope scope) {
        return switch (scope.type()) {
            case NATION -> repository.allUnits();
            case REGION -> repository.unitsInCounty(scope.code());
            case MUNICIPALITY -> repository.units(scope.code());
            case UNIT -> repository.unit(scope.code()).stream().toList();
        };
    }

    /** The municipalities that lie within a scope, by name. */
    public List<Municipality> municipalitiesWithin(Scope scope) {
        return municipalities().stream()
                .filter(m -> covers(scope, Scope.municipality(m.code())))
                .toList();
    }

    /** Whether {@code outer} contains {@code inner}: nation &gt; region &gt; municipality &gt; unit. */
    public boolean covers(Scope outer, Scope inner) {
        return hierarchy.covers(outer, inner);
    }

    /** Whether the scope names something that exists. */
    public boolean exists(Scope scope) {
        return switch (scope.type()) {
            case NATION -> true;
            case REGION -> repository.countyExists(scope.code());
            case MUNICIPALITY -> repository.municipalityExists(scope.code());
            case UNIT -> repository.municipalityOfUnit(scope.code()).isPresent();
        };
    }

    /** The municipality a scope lies in, if it lies in one. */
    public Optional<String> municipalityOf(Scope scope) {
        return hierarchy.municipalityOf(scope);
    }

    /** The county a scope lies in, if it lies in one. */
    public Optional<String> countyOf(Scope scope) {
        return hierarchy.countyOf(scope);
    }

    /**
     * A GeoJSON FeatureCollection of the municipality ("municipality") or county ("county")
     * boundaries, each feature carrying {@code code} and {@code name}.
     */
    public String boundaries(String kind) {
        return (String) cache.computeIfAbsent("geo:" + kind, k -> buildFeatureCollection(kind));
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
