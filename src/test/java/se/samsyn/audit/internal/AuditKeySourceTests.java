package se.samsyn.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.samsyn.shared.StartRefused;

/** Where the audit key comes from, and when Samsyn refuses to start (issue 12 point 6). */
class AuditKeySourceTests {

    final AuditKeySource source = new AuditKeySource();

    @Test
    void whenTheKeyIsRequiredAndMissingTheStartIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> source.auditKey("", true, dir.toString()))
                .isInstanceOfSatisfying(StartRefused.class, e -> assertThat(e.description())
                        .startsWith("SAMSYN_AUDIT_KEY is not set, and this installation requires it"));
        assertThat(dir.resolve(AuditKeySource.KEY_FILE)).doesNotExist();
    }

    @Test
    void aShortOrMalformedKeyIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> source.auditKey(Base64.getEncoder().encodeToString(new byte[16]), true, dir.toString()))
                .isInstanceOfSatisfying(StartRefused.class, e -> assertThat(e.description())
                        .isEqualTo("The audit key in SAMSYN_AUDIT_KEY is 16 bytes; at least 32 are needed."));
        assertThatThrownBy(() -> source.auditKey("not base64!", false, dir.toString()))
                .isInstanceOf(StartRefused.class);
    }

    @Test
    void theEmbeddedDefaultGeneratesAKeyFileOnceAndReadsItAgain(@TempDir Path dir) throws Exception {
        AuditKey first = source.auditKey("", false, dir.toString());
        String stored = Files.readString(dir.resolve(AuditKeySource.KEY_FILE));
        assertThat(Base64.getDecoder().decode(stored)).hasSize(32);
        AuditKey again = source.auditKey("", false, dir.toString());
        assertThat(again.mac("x")).isEqualTo(first.mac("x"));
        AuditKey configured = source.auditKey(Base64.getEncoder().encodeToString(new byte[32]), true, dir.toString());
        assertThat(configured.mac("x")).isNotEqualTo(first.mac("x")).hasSize(64);
    }
}
