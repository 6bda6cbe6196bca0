package se.samsyn.comparison.kolada;

import se.samsyn.cluster.ClusterLockTimeout;
import se.samsyn.cluster.ClusterLocks;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;
import se.samsyn.comparison.kolada.KoladaRecords.ImportResult;
import se.samsyn.comparison.kolada.KoladaSampleProgress.FileLoad;
import se.samsyn.organisation.ReferenceDataLocation;

/**
 * Loads the Kolada sample ({@code kolada_sample/kpi_metadata.csv}, {@code kpi_values.csv} and
 * {@code kpi_values_national.csv} under the reference-data location, see
 * {@link ReferenceDataLocation}) so that a demo or CI installation shows real Kolada statistics.
 * The load runs in one background thread once the application is ready, so that start-up does not
 * wait for its 157,207 values; {@link #progress()} tells administrators and national analysts how
 * far it is. A file whose checksum is in the import log is skipped, so later start-ups cost only
 * the checksums. Switched off with {@code samsyn.kolada.load-sample=false}.
 */
@Component
public class KoladaSampleLoad {

    static final String FOLDER = "kolada_sample/";
    static final List<String> FILES = List.of("kpi_metadata.csv", "kpi_values.csv", "kpi_values_national.csv");

    private static final Logger log = LoggerFactory.getLogger(KoladaSampleLoad.class);

    private final KoladaImport importer;
    private final KoladaRepository repository;
    private final ResourceLoader resources;
    private final MessageSource messages;
    private final Clock clock;
    private final String location;
    private final boolean enabled;
    private final SimpleAsyncTaskExecutor background;
    private volatile KoladaSampleProgress progress;
    private volatile Future<KoladaSampleProgress> backgroundRun = CompletableFuture.completedFuture(null);

    private final ClusterLocks locks;

    KoladaSampleLoad(KoladaImport importer, KoladaRepository repository, ResourceLoader resources,
                     MessageSource messages, Clock clock,
                     @Value("${samsyn.reference-data:}") String configured,
                     @Value("${samsyn.kolada.load-sample:true}") boolean enabled,
                     ClusterLocks locks) {
        this.locks = locks;
        this.importer = importer;
        this.repository = repository;
        this.resources = resources;
        this.messages = messages;
        this.clock = clock;
        this.location = ReferenceDataLocation.of(configured) + FOLDER;
        this.enabled = enabled;
        this.progress = KoladaSampleProgress.initial(enabled);
        this.background = new SimpleAsyncTaskExecutor("kolada-sample-");
        this.background.setDaemon(true);
        this.background.setConcurrencyLimit(1);
    }

    /** Where the load stands now; safe to call from any thread. */
    public KoladaSampleProgress progress() {
        return progress;
    }

    /** Starts {@link #loadNow()} in the background thread once the application is ready (when switched on). */
    @EventListener(ApplicationReadyEvent.class)
    void startInBackground() {
        if (enabled) {
            backgroundRun = background.submitCompletable(this::loadNow);
        }
    }

    /**
     * Waits until the background load started at start-up is over, at most {@code timeout}, and
     * returns the progress then; returns at once when no background load was started. For callers
     * that need the sample in place, such as tests.
     *
     * @throws IllegalStateException when the load is not over within {@code timeout}, or the wait is interrupted
     */
    public KoladaSampleProgress awaitBackground(Duration timeout) {
        try {
            backgroundRun.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Kolada sample load", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The Kolada sample load was not over within " + timeout, e);
        }
        return progress;
    }

    /**
     * Loads the sample now, on the calling thread, and returns the final progress. One load runs
     * at a time: a call made while the background load runs waits for it, then finds every file
     * already loaded. Never throws: a rejected or unreadable file ends in
     * {@link KoladaSampleProgress.State#FAILED} with its reason (and is logged); the files before
     * it stay stored, it and the files after it are not. Does nothing when switched off.
     */
    public synchronized KoladaSampleProgress loadNow() {
        if (!enabled) {
            return progress;
        }
        // one instance loads at a time; another starting together waits, then finds every file loaded
        try {
            return locks.runExclusively("kolada-sample", Duration.ofMinutes(30), this::load);
        } catch (ClusterLockTimeout e) {
            log.warn("Another instance kept loading the Kolada sample for over 30 minutes; not loading it here");
            return progress;
        }
    }

    private KoladaSampleProgress load() {
        long started = System.nanoTime();
        progress = new KoladaSampleProgress(KoladaSampleProgress.State.RUNNING, null, 0, 0, List.of(), null, null,
                null, clock.instant(), null);
        String current = null;
        try {
            List<String> pendingNames = new ArrayList<>();
            List<byte[]> pendingContent = new ArrayList<>();
            int found = 0;
            for (String name : FILES) {
                current = FOLDER + name;
                Resource resource = resources.getResource(location + name);
                if (!resource.exists()) {
                    continue;
                }
                found++;
                byte[] content;
                try (InputStream in = resource.getInputStream()) {
                    content = in.readAllBytes();
                }
                String sha = HexFormat.of().formatHex(KoladaImport.sha256().digest(content));
                if (repository.alreadyLoaded(sha)) {
                    progress = progress.with(new FileLoad(current, "already-loaded", 0, 0, 0), 0);
                } else {
                    pendingNames.add(name);
                    pendingContent.add(content);
                }
            }
            current = null;
            if (found == 0) {
                progress = new KoladaSampleProgress(KoladaSampleProgress.State.NOT_FOUND, null, 0, 0, List.of(), null,
                        null, null, progress.startedAt(), clock.instant());
                log.info("No Kolada sample at {}", location);
                return progress;
            }
            long total = 0;
            for (byte[] content : pendingContent) {
                total += records(content);
            }
            progress = progress.counted(total);
            long read = 0;
            for (int i = 0; i < pendingNames.size(); i++) {
                current = FOLDER + pendingNames.get(i);
                String file = current;
                long before = read;
                progress = progress.reading(file, before);
                ImportResult result = importer.runAsSystem(file, KoladaImport.Format.CSV,
                        new ByteArrayInputStream(pendingContent.get(i)), rows -> progress = progress.reading(file, before + rows));
                if (result.rejected()) {
                    progress = progress.failed(file, "kolada.sample.failed.rejected",
                            List.of(file, result.errorCount()), result.errors().isEmpty() ? null : result.errors().get(0),
                            clock.instant());
                    log.error("Kolada sample {} was rejected ({} errors); nothing of it was stored. First problems:", file,
                            result.errorCount());
                    result.errors().stream().limit(50).forEach(e -> log.error("  row {} {}: {}", e.row(),
                            e.field() == null ? "" : e.field(),
                            messages.getMessage(e.messageKey(), null, e.messageKey(), Locale.ENGLISH)));
                    return progress;
                }
                read = before + result.rows();
                progress = progress.with(new FileLoad(file, "imported", result.rows(), result.imported(),
                        result.updated()), read);
                log.info("Kolada sample {}: {} rows, {} new, {} updated", file, result.rows(), result.imported(),
                        result.updated());
            }
            progress = progress.done(clock.instant());
            log.info("Kolada sample {} in {} ms ({} rows read)", pendingNames.isEmpty() ? "already loaded, checked"
                    : "loaded", (System.nanoTime() - started) / 1_000_000, read);
        } catch (IOException | RuntimeException e) {
            progress = progress.failed(current, "kolada.sample.failed.error", List.of(current == null ? "" : current),
                    null, clock.instant());
            log.error("The Kolada sample load failed at {}", current, e);
        }
        return progress;
    }

    /** The number of data rows (CSV records after the header) in a file, read as the import reads it. */
    static long records(byte[] content) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).get();
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            long count = 0;
            for (var ignored : parser) {
                count++;
            }
            return count;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return 0;
        }
    }
}
