package se.samsyn.organisation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.samsyn.shared.Scope;

class ScopeHierarchyTests {

    private static final Map<String, String> UNIT_MUNICIPALITY = Map.of(
            "1280-IFO-BU", "1280",
            "1281-IFO", "1281",
            "0180-X", "0180");
    private static final Map<String, String> MUNICIPALITY_COUNTY = Map.of(
            "1280", "12",
            "1281", "12",
            "0180", "01");

    private final ScopeHierarchy hierarchy = new ScopeHierarchy(new ScopeHierarchy.Lookups() {
        @Override
        public Optional<String> municipalityOfUnit(String unitCode) {
            return Optional.ofNullable(UNIT_MUNICIPALITY.get(unitCode));
        }

        @Override
        public Optional<String> countyOfMunicipality(String municipalityCode) {
            return Optional.ofNullable(MUNICIPALITY_COUNTY.get(municipalityCode));
        }
    });

    @Test
    void nationCoversEveryScope() {
        assertThat(hierarchy.covers(Scope.nation(), Scope.nation())).isTrue();
        assertThat(hierarchy.covers(Scope.nation(), Scope.region("12"))).isTrue();
        assertThat(hierarchy.covers(Scope.nation(), Scope.region("01"))).isTrue();
        assertThat(hierarchy.covers(Scope.nation(), Scope.municipality("1280"))).isTrue();
        assertThat(hierarchy.covers(Scope.nation(), Scope.unit("1280-IFO-BU"))).isTrue();
        assertThat(hierarchy.covers(Scope.nation(), Scope.unit("0180-X"))).isTrue();
    }

    @Test
    void regionCoversItselfItsMunicipalitiesAndTheirUnits() {
        Scope skane = Scope.region("12");
        assertThat(hierarchy.covers(skane, skane)).isTrue();
        assertThat(hierarchy.covers(skane, Scope.municipality("1280"))).isTrue();
        assertThat(hierarchy.covers(skane, Scope.municipality("1281"))).isTrue();
        assertThat(hierarchy.covers(skane, Scope.unit("1280-IFO-BU"))).isTrue();
        assertThat(hierarchy.covers(skane, Scope.unit("1281-IFO"))).isTrue();
    }

    @Test
    void regionDoesNotCoverOtherRegionsTheirMunicipalitiesOrUnitsOrTheNation() {
        Scope skane = Scope.region("12");
        assertThat(hierarchy.covers(skane, Scope.region("01"))).isFalse();
        assertThat(hierarchy.covers(skane, Scope.municipality("0180"))).isFalse();
        assertThat(hierarchy.covers(skane, Scope.unit("0180-X"))).isFalse();
        assertThat(hierarchy.covers(skane, Scope.nation())).isFalse();
    }

    @Test
    void municipalityCoversItselfAndItsUnitsOnly() {
        Scope malmo = Scope.municipality("1280");
        assertThat(hierarchy.covers(malmo, malmo)).isTrue();
        assertThat(hierarchy.covers(malmo, Scope.unit("1280-IFO-BU"))).isTrue();
        assertThat(hierarchy.covers(malmo, Scope.unit("1281-IFO"))).isFalse();
        assertThat(hierarchy.covers(malmo, Scope.municipality("1281"))).isFalse();
        assertThat(hierarchy.covers(malmo, Scope.region("12"))).isFalse();
        assertThat(hierarchy.covers(malmo, Scope.nation())).isFalse();
    }

    @Test
    void unitCoversOnlyItself() {
        Scope unit = Scope.unit("1280-IFO-BU");
        assertThat(hierarchy.covers(unit, unit)).isTrue();
        assertThat(hierarchy.covers(unit, Scope.unit("1281-IFO"))).isFalse();
        assertThat(hierarchy.covers(unit, Scope.municipality("1280"))).isFalse();
        assertThat(hierarchy.covers(unit, Scope.region("12"))).isFalse();
        assertThat(hierarchy.covers(unit, Scope.nation())).isFalse();
    }

    @Test
    void unknownUnitIsNotCoveredByRegionOrMunicipality() {
        Scope unknown = Scope.unit("9999-NONE");
        assertThat(hierarchy.covers(Scope.region("12"), unknown)).isFalse();
        assertThat(hierarchy.covers(Scope.municipality("1280"), unknown)).isFalse();
        assertThat(hierarchy.covers(Scope.unit("1280-IFO-BU"), unknown)).isFalse();
    }

    @Test
    void municipalityOfIsTheCodeItselfOrTheUnitsMunicipality() {
        assertThat(hierarchy.municipalityOf(Scope.municipality("1281"))).contains("1281");
        assertThat(hierarchy.municipalityOf(Scope.unit("1280-IFO-BU"))).contains("1280");
        assertThat(hierarchy.municipalityOf(Scope.unit("9999-NONE"))).isEmpty();
        assertThat(hierarchy.municipalityOf(Scope.region("12"))).isEmpty();
        assertThat(hierarchy.municipalityOf(Scope.nation())).isEmpty();
    }

    @Test
    void countyOfFollowsUnitToMunicipalityToCounty() {
        assertThat(hierarchy.countyOf(Scope.region("01"))).contains("01");
        assertThat(hierarchy.countyOf(Scope.municipality("1281"))).contains("12");
        assertThat(hierarchy.countyOf(Scope.unit("1280-IFO-BU"))).contains("12");
        assertThat(hierarchy.countyOf(Scope.unit("0180-X"))).contains("01");
        assertThat(hierarchy.countyOf(Scope.unit("9999-NONE"))).isEmpty();
        assertThat(hierarchy.countyOf(Scope.municipality("9999"))).isEmpty();
        assertThat(hierarchy.countyOf(Scope.nation())).isEmpty();
    }
}
