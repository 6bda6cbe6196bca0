package se.samsyn.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samsyn.shared.StartRefused;

/**
 * Where the audit key comes from: {@code SAMSYN_AUDIT_KEY} (samsyn.audit.key; base64, at least 32
 * bytes) in production; otherwise a file {@code audit.key} generated once in the data folder, beside
 * but outside the database. With {@code samsyn.audit.key-required=true} (set by the {@code postgres}
 * profile) Samsyn refuses to start without the variable, and it always refuses a key that is not
 * base64 or shorter than 32 bytes ({@link StartRefused}). ADR 5 says why and how to keep it.
 */
@Configuration(proxyBeanMethods = false)
class AuditKeySource {

    private static final Logger log = LoggerFactory.getLogger(AuditKeySource.class);
    static final String KEY_FILE = "audit.key";

    @Bean
    AuditKey auditKey(@Value("${samsyn.audit.key:}") String configured,
                      @Value("${samsyn.audit.key-required:false}") boolean required,
                      @Value("${samsyn.data-dir}") String dataDir) {
        if (!configured.isBlank()) {
            log.info("Audit key: from SAMSYN_AUDIT_KEY (samsyn.audit.key)");
            return new AuditKey(decode(configured, "SAMSYN_AUDIT_KEY"));
        }
        if (required) {
            throw new StartRefused("""
                    SAMSYN_AUDIT_KEY is not set, and this installation requires it \
                    (samsyn.audit.key-required=true, set by the postgres profile). The audit trail's hashes \
                    are keyed with it so that whoever can write the database cannot rewrite the trail \
                    unnoticed; a key in the database or generated on one server would defeat that.""",
                    """
                    Set SAMSYN_AUDIT_KEY to the installation's audit key (base64, at least 32 bytes; a new \
                    installation can create one with `openssl rand -base64 32`). Keep it in a secret store, \
                    apart from the database and its backups.""");
        }
        Path file = Path.of(dataDir, KEY_FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] key = new byte[AuditKey.MINIMUM_BYTES];
                new SecureRandom().nextBytes(key);
                Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    log.warn("Cannot restrict the permissions of the audit key file on this file system");
                }
                log.info("Audit key: generated a new key file {} in the data folder (samsyn.data-dir)", KEY_FILE);
            } else {
                log.info("Audit key: the key file {} in the data folder (samsyn.data-dir)", KEY_FILE);
            }
            return new AuditKey(decode(Files.readString(file, StandardCharsets.US_ASCII), KEY_FILE
                    + " in the data folder"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the audit key file", e);
        }
    }

    /** The key's bytes, or {@link StartRefused} naming where the key came from, never the key itself. */
    static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new StartRefused("The audit key in " + source + " is not valid base64.",
                    "Give the installation's audit key as standard base64, for example the output of "
                            + "`openssl rand -base64 32`.");
        }
        if (key.length < AuditKey.MINIMUM_BYTES) {
            throw new StartRefused("The audit key in " + source + " is " + key.length + " bytes; at least "
                    + AuditKey.MINIMUM_BYTES + " are needed.", "Use the installation's audit key; a new "
                    + "installation can create one with `openssl rand -base64 32`.");
        }
        return key;
    }
}
