package se.samsyn.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditRecord;
import se.samsyn.shared.Scope;

/** Where an audit record is placed for each kind of scope, without Spring. */
class AuditPlacesTests {

    private final Organisation organisation = mock(Organisation.class);

    @Test
    void aUnitIsPlacedInItsMunicipalityCountyAndUnitTheNationNowhere() {
        when(organisation.municipalityOf(Scope.unit("1280-IFO-BU"))).thenReturn(Optional.of("1280"));
        when(organisation.countyOf(Scope.unit("1280-IFO-BU"))).thenReturn(Optional.of("12"));
        when(organisation.countyOf(Scope.region("12"))).thenReturn(Optional.of("12"));

        AuditRecord unit = place(Scope.unit("1280-IFO-BU"));
        AuditRecord region = place(Scope.region("12"));
        AuditRecord nation = place(Scope.nation());

        assertThat(unit).extracting(AuditRecord::municipalityCode, AuditRecord::countyCode, AuditRecord::unitCode)
                .containsExactly("1280", "12", "1280-IFO-BU");
        assertThat(region).extracting(AuditRecord::municipalityCode, AuditRecord::countyCode, AuditRecord::unitCode)
                .containsExactly(null, "12", null);
        assertThat(nation).extracting(AuditRecord::municipalityCode, AuditRecord::countyCode, AuditRecord::unitCode)
                .containsExactly(null, null, null);
    }

    private AuditRecord place(Scope scope) {
        return AuditPlaces.placed(organisation, AuditRecord.of("REPORT_READ", AuditCategory.ADMINISTRATION)
                .actorName("tester"), scope).build();
    }
}
