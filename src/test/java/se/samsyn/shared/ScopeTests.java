package se.samsyn.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A bare code, as a place picker sends it, read as the scope its form names. */
class ScopeTests {

    @Test
    void aBareCodeTellsItsKindByItsForm() {
        assertThat(Scope.ofCode("0000")).isEqualTo(Scope.nation());
        assertThat(Scope.ofCode("12")).isEqualTo(Scope.region("12"));
        assertThat(Scope.ofCode(" 1280 ")).isEqualTo(Scope.municipality("1280"));
        assertThat(Scope.ofCode("1280-IFO-BU")).isEqualTo(Scope.unit("1280-IFO-BU"));
    }

    @Test
    void aBlankCodeOrOneOfNoScopesFormNamesNothing() {
        assertThat(Scope.ofCode(null)).isNull();
        assertThat(Scope.ofCode("  ")).isNull();
        assertThat(Scope.ofCode("1")).isNull();
        assertThat(Scope.ofCode("-x")).isNull();
        assertThat(Scope.ofCode("12 80")).isNull();
    }
}
