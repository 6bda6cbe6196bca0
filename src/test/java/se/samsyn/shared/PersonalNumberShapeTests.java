package se.samsyn.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which text is shaped like a personal identity number, and how it is masked. */
class PersonalNumberShapeTests {

    @Test
    void everyWrittenFormIsFoundWhereverItStands() {
        for (String text : new String[] {"191212121212", "19121212-1212", "19121212+1212", "1212121212",
                "121212-1212", "121212+1212", "/api/v1/followup/clients/191212121212", "q=x 121212-1212 y",
                "123456789012"}) {
            assertThat(PersonalNumberShape.foundIn(text)).as(text).isTrue();
        }
    }

    @Test
    void otherDigitRunsAreNot() {
        for (String text : new String[] {"1280", "2026-01-31", "123456789", "12345678901", "1234567890123",
                "1764540000000", "12-34-56-7890", "N00945", "", "1280-IFO-BU"}) {
            assertThat(PersonalNumberShape.foundIn(text)).as(text).isFalse();
        }
        assertThat(PersonalNumberShape.foundIn(null)).isFalse();
    }

    @Test
    void maskingReplacesEachRunAndKeepsTheRest() {
        assertThat(PersonalNumberShape.masked("GET /followup/clients/19121212-1212 and 1212121212 in 1280"))
                .isEqualTo("GET /followup/clients/[personnummer] and [personnummer] in 1280");
        assertThat(PersonalNumberShape.masked("client 42")).isEqualTo("client 42");
        assertThat(PersonalNumberShape.masked(null)).isNull();
    }

    /** The audit chain head as logged: its 12-digit run is part of a hash, not a personnummer. */
    @Test
    void aHexDigestIsKeptWholeAndANumberBesideItIsStillMasked() {
        String hash = "e880aa5a1ebf4bec19603cf469143050180e1adacb5d0e2f7a1b3c4d5e6f7081";
        assertThat(hash).hasSize(64);
        assertThat(PersonalNumberShape.masked("Audit chain head: seq=790 hash=" + hash))
                .isEqualTo("Audit chain head: seq=790 hash=" + hash);
        assertThat(PersonalNumberShape.masked("hash=" + hash + " client 19121212-1212"))
                .isEqualTo("hash=" + hash + " client [personnummer]");
        // shorter than a digest, or glued to other letters: masked as before
        assertThat(PersonalNumberShape.masked("abc469143050180e")).isEqualTo("abc[personnummer]e");
        assertThat(PersonalNumberShape.masked("x" + hash)).isEqualTo("xe880aa5a1ebf4bec19603cf[personnummer]e1adacb5d0e2f7a1b3c4d5e6f7081");
        assertThat(PersonalNumberShape.foundIn(hash)).isTrue();
    }
}
