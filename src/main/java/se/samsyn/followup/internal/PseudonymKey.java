package se.samsyn.followup.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.samsyn.shared.StartRefused;

/**
 * The installation's pseudonym key lives outside the database: {@code SAMSYN_PSEUDONYM_KEY}
 * (base64, at least 32 bytes) in production, otherwise a file {@code pseudonym.key} generated
 * once in the data folder. With {@code samsyn.pseudonym-key-required=true} (set by the
 * {@code postgres} profile) Samsyn refuses to start without the variable, and it always refuses a
 * key that is not base64 or shorter than 32 bytes ({@link StartRefused}). Losing the key means
 * new pseudonyms no longer match old ones, so back it up, separately from the database.
 */
@Configuration(proxyBeanMethods = false)
class PseudonymKey {

    private static final Logger log = LoggerFactory.getLogger(PseudonymKey.class);
    static final String KEY_FILE = "pseudonym.key";

    @Bean
    Pseudonymiser pseudonymiser(@Value("${samsyn.pseudonym-key:}") String configured,
                                @Value("${samsyn.pseudonym-key-required:false}") boolean required,
                                @Value("${samsyn.data-dir}") String dataDir) {
        if (!configured.isBlank()) {
            log.info("Pseudonym key: from SAMSYN_PSEUDONYM_KEY (samsyn.pseudonym-key)");
            return new Pseudonymiser(decode(configured, "SAMSYN_PSEUDONYM_KEY"));
        }
        if (required) {
            throw new StartRefused("""
                    SAMSYN_PSEUDONYM_KEY is not set, and this installation requires it \
                    (samsyn.pseudonym-key-required=true, set by the postgres profile). Personal identity \
                    numbers are turned into pseudonyms with this key; a key generated on one server would \
                    not match the pseudonyms in a shared production database.""",
                    """
                    Set SAMSYN_PSEUDONYM_KEY to the installation's key (base64, at least 32 bytes; a new \
                    installation can create one with `openssl rand -base64 32`). Keep it in a secret store \
                    and back it up separately from the database.""");
        }
        Path file = Path.of(dataDir, KEY_FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, Base64.getEncoder().encodeToString(Pseudonymiser.generateKey()),
                        StandardCharsets.US_ASCII);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    log.warn("Cannot restrict the permissions of the pseudonym key file on this file system");
                }
                log.info("Pseudonym key: generated a new key file {} in the data folder (samsyn.data-dir)", KEY_FILE);
            } else {
                log.info("Pseudonym key: the key file {} in the data folder (samsyn.data-dir)", KEY_FILE);
            }
            log.info("Back up the pseudonym key file separately from the database; without it returning "
                    + "clients cannot be recognised");
            return new Pseudonymiser(decode(Files.readString(file, StandardCharsets.US_ASCII), KEY_FILE
                    + " in the data folder"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the pseudonym key file", e);
        }
    }

    /** Checks the key against the fingerprint the data was pseudonymised with, after Flyway has run. */
    @Bean
    @DependsOnDatabaseInitialization
    PseudonymKeyFingerprint pseudonymKeyFingerprint(Pseudonymiser pseudonymiser, JdbcClient jdbc) {
        PseudonymKeyFingerprint fingerprint = new PseudonymKeyFingerprint(jdbc);
        fingerprint.verify(pseudonymiser.fingerprint());
        return fingerprint;
    }

    /** The key's bytes, or {@link StartRefused} naming where the key came from, never the key itself. */
    static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new StartRefused("The pseudonym key in " + source + " is not valid base64.",
                    "Give the installation's key as standard base64 (A-Z, a-z, 0-9, + and /, with = padding), "
                            + "for example the output of `openssl rand -base64 32`.");
        }
        if (key.length < Pseudonymiser.MINIMUM_KEY_BYTES) {
            throw new StartRefused("The pseudonym key in " + source + " is " + key.length + " bytes; at least "
                    + Pseudonymiser.MINIMUM_KEY_BYTES + " are needed so that the key, not the hash, is not the "
                    + "weak point.", "Use the installation's key; a new installation can create one with "
                    + "`openssl rand -base64 32`.");
        }
        return key;
    }
}
