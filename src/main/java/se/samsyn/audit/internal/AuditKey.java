package se.samsyn.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret key of the audit trail's keyed hashes (HMAC-SHA256, RFC 2104), kept outside the
 * database ({@link AuditKeySource}): without it, whoever can write the database cannot compute a
 * valid hash for an altered row. Verification computes one hash per event, so the key is set up
 * once in a prototype {@link Mac} that each call copies ({@link Mac#clone()}) instead of looking
 * up the algorithm's provider and initialising a new one for every event.
 */
final class AuditKey {

    static final int MINIMUM_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final Mac prototype;

    /**
     * @param bytes the key, at least {@link #MINIMUM_BYTES} bytes (copied)
     * @throws IllegalArgumentException when it is shorter
     */
    AuditKey(byte[] bytes) {
        if (bytes == null || bytes.length < MINIMUM_BYTES) {
            throw new IllegalArgumentException("An audit key needs at least " + MINIMUM_BYTES + " bytes");
        }
        try {
            prototype = Mac.getInstance(ALGORITHM);
            prototype.init(new SecretKeySpec(bytes.clone(), ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java runtime", e);
        }
    }

    /** HMAC-SHA256 of the UTF-8 text under the key, as 64 lower-case hex digits; safe from several threads. */
    String mac(String text) {
        Mac mac;
        try {
            synchronized (prototype) {
                mac = (Mac) prototype.clone();
            }
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("The runtime's " + ALGORITHM + " cannot be copied", e);
        }
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return "AuditKey[hidden]";
    }
}
