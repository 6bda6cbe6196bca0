package se.samsyn.organisation.referencedata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

/**
 * Loads the reference-data folder at start-up: {@code samsyn.reference-data}
 * ({@code SAMSYN_REFERENCE_DATA}), or {@code ../shared/data} when that exists. Without a folder
 * Samsyn still starts, and an administrator can upload the files instead. A rejected batch is
 * logged with every problem and leaves the stored data as it was.
 */
@Component
@Order(10)
class ReferenceDataFolder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataFolder.class);
    static final Path DEFAULT_FOLDER = Path.of("..", "shared", "data");

    private final ReferenceDataImport importer;
    private final MessageSource messages;
    private final String configured;

    ReferenceDataFolder(ReferenceDataImport importer, MessageSource messages,
                        @Value("${samsyn.reference-data:}") String configured) {
        this.importer = importer;
        this.messages = messages;
        this.configured = configured;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<Path> folder = folder();
        if (folder.isEmpty()) {
            log.warn("No reference-data folder found (set SAMSYN_REFERENCE_DATA); an administrator can upload the files at /admin/reference-data");
            return;
        }
        List<ReferenceFile> files = read(folder.get());
        if (files.isEmpty()) {
            log.warn("The reference-data folder {} holds none of the expected files", folder.get());
            return;
        }
        ReferenceLoadResult result = importer.loadAtStartup(files);
        if (result.rejected()) {
            log.error("Reference data in {} was rejected; the stored data is unchanged. Problems:", folder.get());
            result.problems().stream().limit(200).forEach(p -> log.error("  {} row {} {}: {}", p.fileName(), p.row(),
                    p.field() == null ? "" : p.field(),
                    messages.getMessage(p.messageKey(), p.args().toArray(), p.messageKey(), Locale.ENGLISH)));
        } else {
            result.files().forEach(f -> log.info("Reference data {}: {} ({} rows)", f.fileName(), f.outcome(), f.rows()));
        }
    }

    Optional<Path> folder() {
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (!Files.isDirectory(path)) {
                log.warn("The configured reference-data folder {} does not exist", path);
                return Optional.empty();
            }
            return Optional.of(path);
        }
        return Files.isDirectory(DEFAULT_FOLDER) ? Optional.of(DEFAULT_FOLDER) : Optional.empty();
    }

    static List<ReferenceFile> read(Path folder) {
        List<ReferenceFile> files = new ArrayList<>();
        for (ReferenceFileKind kind : ReferenceFileKind.values()) {
            Path file = folder.resolve(kind.standardFileName());
            if (Files.isRegularFile(file)) {
                try {
                    files.add(new ReferenceFile(kind, kind.standardFileName(), Files.readAllBytes(file)));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read " + file, e);
                }
            }
        }
        return files;
    }
}
