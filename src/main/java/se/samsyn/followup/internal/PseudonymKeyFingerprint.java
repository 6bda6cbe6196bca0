package se.samsyn.followup.internal;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.samsyn.shared.StartRefused;

/**
 * Keeps the fingerprint of the pseudonym key in {@code fup_pseudonym_key} (one row, never the
 * key; see {@link Pseudonymiser#fingerprint()}). The first start stores it; every later start
 * must present a key with the same fingerprint, or Samsyn refuses to start: pseudonyms made with
 * another key would turn one returning person into two clients. Two instances starting at once
 * are safe: the insert of the single row (id 1) succeeds for one, and both then read that row.
 */
final class PseudonymKeyFingerprint {

    private static final Logger log = LoggerFactory.getLogger(PseudonymKeyFingerprint.class);

    private final JdbcClient jdbc;

    PseudonymKeyFingerprint(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the fingerprint if none is stored, then refuses a different one with {@link StartRefused}. */
    void verify(String fingerprint) {
        Optional<String> stored = stored();
        if (stored.isEmpty()) {
            try {
                jdbc.sql("INSERT INTO fup_pseudonym_key (id, fingerprint, stored_at) VALUES (1, :fingerprint, CURRENT_TIMESTAMP)")
                        .param("fingerprint", fingerprint)
                        .update();
                log.info("Pseudonym key: stored its fingerprint; later starts must use the same key");
            } catch (DuplicateKeyException e) {
                log.info("Pseudonym key: another instance stored the fingerprint at the same moment");
            }
            stored = stored();
        }
        if (!stored.orElseThrow().equals(fingerprint)) {
            throw new StartRefused("""
                    The pseudonym key differs from the key this database's data was pseudonymised with \
                    (its fingerprint in fup_pseudonym_key does not match). With another key, the same personal \
                    identity number gives another pseudonym, so one person would become two clients.""",
                    """
                    Start Samsyn with the installation's original SAMSYN_PSEUDONYM_KEY (or, for the embedded \
                    database, the original pseudonym.key in the data folder), restored from the key's own backup. \
                    Do not delete the fingerprint to get past this check.""");
        }
        log.info("Pseudonym key: matches the fingerprint stored in the database");
    }

    Optional<String> stored() {
        return jdbc.sql("SELECT fingerprint FROM fup_pseudonym_key WHERE id = 1").query(String.class).optional();
    }
}
