package se.samsyn.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CodesTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aCodeIsTheNameInLowerCaseWithHyphens() {
        assertThat(Codes.of(Role.CASE_WORKER)).isEqualTo("case-worker");
        assertThat(Codes.of(ScopeType.MUNICIPALITY)).isEqualTo("municipality");
        assertThat(Role.REGIONAL_ANALYST.code()).isEqualTo("regional-analyst");
    }

    @Test
    void aCodeOrTheOldNameReadsBackAndAnythingElseIsRefused() {
        assertThat(Codes.parse(Role.values(), Role::code, "unit-manager")).isEqualTo(Role.UNIT_MANAGER);
        assertThat(Codes.parse(Role.values(), Role::code, "UNIT_MANAGER")).isEqualTo(Role.UNIT_MANAGER);
        assertThat(Codes.find(Role.values(), Role::code, "Unit-Manager")).isEmpty();
        assertThat(Codes.find(Role.values(), Role::code, null)).isEmpty();
        assertThatThrownBy(() -> Codes.parse(ScopeType.values(), ScopeType::code, "county"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Unknown code county");
    }

    @Test
    void scopesAndRolesAnswerCodesInJsonAndStillReadTheNamesStoredBefore() throws Exception {
        assertThat(json.writeValueAsString(Scope.municipality("1280")))
                .isEqualTo("{\"type\":\"municipality\",\"code\":\"1280\"}");
        assertThat(json.writeValueAsString(Role.SOCIAL_DIRECTOR)).isEqualTo("\"social-director\"");
        assertThat(json.readValue("{\"type\":\"MUNICIPALITY\",\"code\":\"1280\"}", Scope.class))
                .isEqualTo(Scope.municipality("1280"));
        assertThat(json.readValue("\"SOCIAL_DIRECTOR\"", Role.class)).isEqualTo(Role.SOCIAL_DIRECTOR);
        assertThat(json.readValue("\"social-director\"", Role.class)).isEqualTo(Role.SOCIAL_DIRECTOR);
    }
}
