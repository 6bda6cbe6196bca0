package se.samsyn.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The audit chain's head exported where the database cannot change it (issue 12 point 6, ADR 5):
 * on a schedule ({@code samsyn.audit.anchor-interval}, 5 minutes) the head's sequence number and
 * hash, when they moved, are appended as one line to the anchor file ({@code samsyn.audit.anchor-file},
 * {@code audit-anchors.log} in the data folder; empty: no file) and written as an INFO log line,
 * which the installation's log collection keeps. Each file line carries an HMAC under the audit key,
 * so a line cannot be forged without it. Verification compares the chain with every exported head
 * ({@link #heads()}): a chain recomputed after an edit no longer matches them.
 *
 * <p>Line format: {@code <ISO instant> seq=<n> hash=<64 hex> mac=<64 hex>}, the mac over
 * {@code "anchor|<n>|<hash>"}.
 */
@Component
class AuditAnchors {

    private static final Logger log = LoggerFactory.getLogger(AuditAnchors.class);
    private static final Pattern LINE = Pattern.compile("\\S+ seq=(\\d+) hash=([0-9a-f]{64}) mac=([0-9a-f]{64})");

    private final AuditEventRepository events;
    private final AuditKey key;
    private final Clock clock;
    private final Path file;
    private long lastExported = -1;

    AuditAnchors(AuditEventRepository events, AuditKey key, Clock clock,
                 @Value("${samsyn.audit.anchor-file:${samsyn.data-dir}/audit-anchors.log}") String file) {
        this.events = events;
        this.key = key;
        this.clock = clock;
        this.file = file == null || file.isBlank() ? null : Path.of(file);
    }

    /** Appends the current head to the anchor file and the log, unless it has not moved since the last export. */
    @Scheduled(fixedDelayString = "${samsyn.audit.anchor-interval:5m}", initialDelayString = "${samsyn.audit.anchor-interval:5m}")
    synchronized void export() {
        AuditEventRepository.ChainHead head = events.readHead();
        if (head.lastSeq() == 0 || head.lastSeq() == lastExported) {
            return;
        }
        log.info("Audit chain head: seq={} hash={}", head.lastSeq(), head.lastHash());
        if (file != null) {
            String line = clock.instant() + " seq=" + head.lastSeq() + " hash=" + head.lastHash() + " mac="
                    + key.mac("anchor|" + head.lastSeq() + "|" + head.lastHash()) + System.lineSeparator();
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot append to the audit anchor file " + file, e);
            }
        }
        lastExported = head.lastSeq();
    }

    /**
     * Every head exported to the anchor file whose mac is right, sequence number to hash. A line
     * with a wrong mac is a forged head; it is reported as the hash "forged", which no row matches.
     */
    Map<Long, String> heads() {
        Map<Long, String> heads = new LinkedHashMap<>();
        if (file == null || !Files.exists(file)) {
            return heads;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit anchor file " + file, e);
        }
        for (String line : lines) {
            Matcher m = LINE.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            long seq = Long.parseLong(m.group(1));
            boolean genuine = key.mac("anchor|" + seq + "|" + m.group(2)).equals(m.group(3));
            heads.put(seq, genuine ? m.group(2) : "forged");
        }
        return heads;
    }
}
