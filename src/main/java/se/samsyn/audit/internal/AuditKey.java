package se.samsyn.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret key of the audit trail's keyed hashes (HMAC-SHA256, RFC 2104), kept outside the
 * database ({@link AuditKeySource}): without it, whoever can write the database cannot compute a
 * valid hash for an altered row.
 *
 * @param bytes the key, at least {@link #MINIMUM_BYTES} bytes
 */
record AuditKey(byte[] bytes) {

    static final int MINIMUM_BYTES = 32;

    AuditKey {
        if (bytes == null || bytes.length < MINIMUM_BYTES) {
            throw new IllegalArgumentException("An audit key needs at least " + MINIMUM_BYTES + " bytes");
        }
        bytes = bytes.clone();
    }

    /** HMAC-SHA256 of the UTF-8 text under the key, as 64 lower-case hex digits. */
    String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(bytes, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "AuditKey[hidden]";
    }
}
