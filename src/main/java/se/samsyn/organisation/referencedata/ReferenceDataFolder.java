package se.samsyn.organisation.referencedata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import se.samsyn.organisation.ReferenceDataLocation;

/**
 * Loads the reference data at start-up from {@code samsyn.reference-data}
 * ({@code SAMSYN_REFERENCE_DATA}): by default the copy shipped in the jar
 * ({@code classpath:reference-data/}, described in its {@code PROVENANCE.md}); a folder on disk
 * when the setting names one, so that an installation can load newer files without a new release.
 * The files are looked up by their standard names ({@link ReferenceFileKind#standardFileName()});
 * missing ones are skipped. Files whose checksum is already stored change nothing, so only the
 * first start does the work. Without any of the files Samsyn still starts, and an administrator
 * can upload them instead. A rejected batch is logged with every problem and leaves the stored
 * data as it was. It is the first of the start-up runners, so that the municipality pages are
 * complete as early as possible (nothing before it needs the reference data; demo data after it does).
 */
@Component
@Order(-10)
class ReferenceDataFolder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataFolder.class);

    private final ReferenceDataImport importer;
    private final MessageSource messages;
    private final ResourceLoader resources;
    private final String location;

    ReferenceDataFolder(ReferenceDataImport importer, MessageSource messages, ResourceLoader resources,
                        @Value("${samsyn.reference-data:}") String configured) {
        this.importer = importer;
        this.messages = messages;
        this.resources = resources;
        this.location = ReferenceDataLocation.of(configured);
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        List<ReferenceFile> files = read(resources, location);
        if (files.isEmpty()) {
            log.warn("No reference-data files found at {} (set SAMSYN_REFERENCE_DATA); an administrator can upload "
                    + "the files at /admin/reference-data", location);
            return;
        }
        ReferenceLoadResult result = importer.loadAtStartup(files);
        if (result.rejected()) {
            log.error("Reference data at {} was rejected; the stored data is unchanged. Problems:", location);
            result.problems().stream().limit(200).forEach(p -> log.error("  {} row {} {}: {}", p.fileName(), p.row(),
                    p.field() == null ? "" : p.field(),
                    messages.getMessage(p.messageKey(), p.args().toArray(), p.messageKey(), Locale.ENGLISH)));
        } else {
            result.files().forEach(f -> log.info("Reference data {}: {} ({} rows)", f.fileName(), f.outcome(), f.rows()));
            log.info("Reference data from {} checked in {} ms", location, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /**
     * Reads every reference file that exists under a location (see {@link ReferenceDataLocation}), in
     * load order. Unreadable files raise {@link UncheckedIOException}.
     */
    static List<ReferenceFile> read(ResourceLoader resources, String location) {
        List<ReferenceFile> files = new ArrayList<>();
        for (ReferenceFileKind kind : ReferenceFileKind.values()) {
            Resource file = resources.getResource(location + kind.standardFileName());
            if (file.exists() && file.isReadable()) {
                try (InputStream in = file.getInputStream()) {
                    files.add(new ReferenceFile(kind, kind.standardFileName(), in.readAllBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read " + file.getDescription(), e);
                }
            }
        }
        return files;
    }
}
