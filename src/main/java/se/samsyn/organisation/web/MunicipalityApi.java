package se.samsyn.organisation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samsyn.organisation.County;
import se.samsyn.organisation.Municipality;
import se.samsyn.organisation.MunicipalityFilter;
import se.samsyn.organisation.MunicipalityGroup;
import se.samsyn.organisation.MunicipalityNotFound;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.PopulationBand;
import se.samsyn.organisation.PopulationYear;

/** The public read API over the organisation's reference data. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Organisation", description = "Regions, municipalities, kommungrupper, population and map boundaries")
class MunicipalityApi {

    private final Organisation organisation;

    MunicipalityApi(Organisation organisation) {
        this.organisation = organisation;
    }

    record MunicipalityView(String code, String name, String countyCode, String countyName, String groupCode,
                            String groupName, Integer population, Integer populationYear, Double share80Plus) {
        static MunicipalityView from(Municipality m) {
            return new MunicipalityView(m.code(), m.name(), m.countyCode(), m.countyName(), m.groupCode(),
                    m.groupName(), m.population(), m.populationYear(), m.share80Plus());
        }
    }

    record MunicipalityDetail(MunicipalityView municipality, List<PopulationBand> populationBands,
                              List<PopulationYear> populationTrend, List<UnitView> units) {
    }

    record UnitView(String code, String name, List<String> focusAreas, boolean active) {
    }

    @GetMapping("/municipalities")
    @Operation(summary = "All 290 municipalities, optionally filtered by text, county and kommungrupp")
    List<MunicipalityView> municipalities(@RequestParam(required = false) String q,
                                          @RequestParam(required = false) String county,
                                          @RequestParam(required = false) String group) {
        return organisation.municipalities(new MunicipalityFilter(q, county, group)).stream()
                .map(MunicipalityView::from).toList();
    }

    @GetMapping("/municipalities/{code}")
    @Operation(summary = "One municipality with population by sex and age band, the population trend and its units")
    MunicipalityDetail municipality(@PathVariable String code) {
        Municipality m = organisation.municipality(code).orElseThrow(() -> MunicipalityNotFound.forCode(code));
        return new MunicipalityDetail(MunicipalityView.from(m), organisation.populationBands(code),
                organisation.populationTrend(code), organisation.units(code).stream()
                .map(u -> new UnitView(u.code(), u.name(),
                        u.focusAreas().stream().map(f -> f.code()).sorted().toList(), u.active()))
                .toList());
    }

    @GetMapping("/counties")
    @Operation(summary = "The 21 regions (län)")
    List<County> counties() {
        return organisation.counties();
    }

    @GetMapping("/municipality-groups")
    @Operation(summary = "SKR's kommungrupper 2017")
    List<MunicipalityGroup> groups() {
        return organisation.groups();
    }

    @GetMapping(value = "/geo/{kind}", produces = "application/geo+json")
    @Operation(summary = "Boundaries as GeoJSON: kind is 'municipalities' or 'counties'")
    ResponseEntity<String> boundaries(@PathVariable String kind) {
        String internal = switch (kind) {
            case "municipalities" -> "municipality";
            case "counties" -> "county";
            default -> null;
        };
        if (internal == null) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/geo+json"))
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic())
                .body(organisation.boundaries(internal));
    }
}
