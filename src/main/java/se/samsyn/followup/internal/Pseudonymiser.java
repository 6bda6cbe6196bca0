package se.samsyn.followup.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import se.samsyn.followup.PersonalIdentityNumber;

/**
 * Turns a personal identity number into a keyed pseudonym: HMAC-SHA256 with the installation's
 * secret key. A plain hash would not do: there are few enough valid numbers to hash them all, so
 * without the key a pseudonym must not be recomputable from a guessed number.
 */
final class Pseudonymiser {

    private static final String ALGORITHM = "HmacSHA256";

    /** Shorter than the HMAC-SHA256 output would make the key, not the hash, the weak point. */
    public static final int MINIMUM_KEY_BYTES = 32;

    /** The key set up once; each pseudonym is computed on a copy ({@link Mac#clone()}), as a Mac is not thread-safe. */
    private final Mac prototype;

    public Pseudonymiser(byte[] key) {
        if (key == null || key.length < MINIMUM_KEY_BYTES) {
            throw new IllegalArgumentException("The pseudonym key must be at least " + MINIMUM_KEY_BYTES + " bytes");
        }
        try {
            this.prototype = Mac.getInstance(ALGORITHM);
            this.prototype.init(new SecretKeySpec(key.clone(), ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime must provide " + ALGORITHM, e);
        }
    }

    /** 64 lower-case hex characters; the same number always gives the same pseudonym under one key. */
    public String pseudonym(PersonalIdentityNumber number) {
        Objects.requireNonNull(number, "number");
        return hmac(number.canonical());
    }

    private String hmac(String message) {
        // A Mac is not thread-safe and this object is shared, so each call gets its own copy of the
        // initialised prototype (an import computes one per row: no provider look-up and key set-up each time).
        Mac mac;
        try {
            synchronized (prototype) {
                mac = (Mac) prototype.clone();
            }
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("The runtime's " + ALGORITHM + " cannot be copied", e);
        }
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * What the database may store to recognise the key without holding it: 64 lower-case hex
     * characters of HMAC-SHA256(key, {@value #FINGERPRINT_PURPOSE}). The message differs from
     * every canonical personal identity number, so the fingerprint is never a client's pseudonym.
     */
    public String fingerprint() {
        return hmac(FINGERPRINT_PURPOSE);
    }

    /** The message whose HMAC under the key is the key's fingerprint. */
    public static final String FINGERPRINT_PURPOSE = "samsyn pseudonym key fingerprint";

    /** A new random key of 32 bytes from a {@link SecureRandom}. */
    public static byte[] generateKey() {
        byte[] key = new byte[MINIMUM_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
