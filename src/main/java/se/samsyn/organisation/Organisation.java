package se.samsyn.organisation;

import java.util.List;
import java.util.Optional;
import se.samsyn.shared.Scope;

/**
 * Look-ups over the organisation and its reference data, and scope containment for permission
 * checks. The municipality list and the map boundaries change only when reference data is
 * loaded, so they are kept in memory until then.
 */
public interface Organisation {

    /** Change-signal topic raised in the transaction that loads reference data. */
    String REFERENCE_DATA_CHANGED = "reference-data";

    /** All 290 municipalities, in Swedish alphabetical order of name; cached until reference data is loaded. */
    List<Municipality> municipalities();

    /** The municipalities that match the filter (name text, county, kommungrupp), in the same order. */
    List<Municipality> municipalities(MunicipalityFilter filter);

    /** The municipality with this four-digit SCB code, if any. */
    Optional<Municipality> municipality(String code);

    /** The municipality with this code, or {@link MunicipalityNotFound} (404). */
    Municipality requireMunicipality(String code);

    /** The 21 counties (län), by code. */
    List<County> counties();

    /** The county with this two-digit code, if any. */
    Optional<County> county(String code);

    /** SKR's kommungrupper 2017, by code. */
    List<MunicipalityGroup> groups();

    /** The municipality's population by year, sex ({@code K}, {@code M}) and age band; empty if none is loaded. */
    List<PopulationBand> populationBands(String municipalityCode);

    /** The municipality's population per year: total, women and men, ascending by year. */
    List<PopulationYear> populationTrend(String municipalityCode);

    /** The municipality's units (enheter), active and inactive, by code. */
    List<Unit> units(String municipalityCode);

    /** The unit with this (nationally unique) code, if any. */
    Optional<Unit> unit(String unitCode);

    /** The units that lie within a scope. */
    List<Unit> unitsWithin(Scope scope);

    /** The municipalities that lie within a scope, by name. */
    List<Municipality> municipalitiesWithin(Scope scope);

    /** Whether {@code outer} contains {@code inner}: nation &gt; region &gt; municipality &gt; unit. */
    boolean covers(Scope outer, Scope inner);

    /** Whether the scope names something that exists. */
    boolean exists(Scope scope);

    /** The municipality a scope lies in, if it lies in one. */
    Optional<String> municipalityOf(Scope scope);

    /** The county a scope lies in, if it lies in one. */
    Optional<String> countyOf(Scope scope);

    /**
     * A GeoJSON FeatureCollection of the municipality ("municipality") or county ("county")
     * boundaries, each feature carrying {@code code} and {@code name}.
     */
    String boundaries(String kind);
}
