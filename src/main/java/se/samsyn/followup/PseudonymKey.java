package se.samsyn.followup;

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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The installation's pseudonym key lives outside the database: {@code SAMSYN_PSEUDONYM_KEY}
 * (base64, at least 32 bytes) in production, otherwise a file generated once in the data folder.
 * Losing the key means new pseudonyms no longer match old ones, so back it up with the data.
 */
@Configuration(proxyBeanMethods = false)
class PseudonymKey {

    private static final Logger log = LoggerFactory.getLogger(PseudonymKey.class);

    @Bean
    Pseudonymiser pseudonymiser(@Value("${samsyn.pseudonym-key:}") String configured,
                                @Value("${samsyn.data-dir}") String dataDir) {
        if (!configured.isBlank()) {
            return new Pseudonymiser(Base64.getDecoder().decode(configured.trim()));
        }
        Path file = Path.of(dataDir, "pseudonym.key");
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
                log.info("Generated a new pseudonym key in the data folder; back it up together with the database");
            }
            return new Pseudonymiser(Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the pseudonym key file", e);
        }
    }
}
