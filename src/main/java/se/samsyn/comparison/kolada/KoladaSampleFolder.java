package se.samsyn.comparison.kolada;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samsyn.comparison.kolada.KoladaRecords.ImportResult;

/**
 * Loads the Kolada sample ({@code kolada_sample/} in the reference-data folder) at start-up, after
 * the reference data, so that a demo or CI installation shows real Kolada statistics. A file whose
 * checksum is in the import log is skipped, so later start-ups cost only the checksums. Switched
 * off with {@code samsyn.kolada.load-sample=false}.
 */
@Component
@Order(15)
class KoladaSampleFolder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(KoladaSampleFolder.class);
    static final Path DEFAULT_FOLDER = Path.of("..", "shared", "data");
    static final List<String> FILES = List.of("kpi_metadata.csv", "kpi_values.csv", "kpi_values_national.csv");

    private final KoladaImport importer;
    private final KoladaRepository repository;
    private final MessageSource messages;
    private final String configured;
    private final boolean enabled;

    KoladaSampleFolder(KoladaImport importer, KoladaRepository repository, MessageSource messages,
                       @Value("${samsyn.reference-data:}") String configured,
                       @Value("${samsyn.kolada.load-sample:true}") boolean enabled) {
        this.importer = importer;
        this.repository = repository;
        this.messages = messages;
        this.configured = configured;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        Optional<Path> folder = folder();
        if (folder.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        for (String name : FILES) {
            Path file = folder.get().resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
            String sha = HexFormat.of().formatHex(KoladaImport.sha256().digest(content));
            if (repository.alreadyLoaded(sha)) {
                continue;
            }
            ImportResult result = importer.runAsSystem("kolada_sample/" + name, KoladaImport.Format.CSV,
                    new ByteArrayInputStream(content));
            if (result.rejected()) {
                log.error("Kolada sample {} was rejected ({} errors); nothing of it was stored. First problems:", name,
                        result.errorCount());
                result.errors().stream().limit(50).forEach(e -> log.error("  row {} {}: {}", e.row(),
                        e.field() == null ? "" : e.field(),
                        messages.getMessage(e.messageKey(), null, e.messageKey(), Locale.ENGLISH)));
                return;
            }
            log.info("Kolada sample {}: {} rows, {} new, {} updated", name, result.rows(), result.imported(),
                    result.updated());
        }
        log.debug("Kolada sample checked in {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    Optional<Path> folder() {
        Path base;
        if (configured != null && !configured.isBlank()) {
            base = Path.of(configured);
        } else {
            base = DEFAULT_FOLDER;
        }
        Path sample = base.resolve("kolada_sample");
        return Files.isDirectory(sample) ? Optional.of(sample) : Optional.empty();
    }
}
