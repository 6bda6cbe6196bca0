package se.samsyn.platform.internal;

import java.io.File;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Free space in the data folder ({@code samsyn.data-dir}, where the embedded database and the key
 * file live), against the warning limit {@code samsyn.disk.warn-below} (default 500MB). Below the
 * limit, national administrators see a banner on every page and the health details (shown to
 * administrators, indicator {@code dataFolder}) say {@code low: true}; the log says so at WARN
 * once per crossing, and at INFO when space is back. The status stays UP: a warning must not
 * take the instance out of the load balancer, while {@code databaseWrite} goes DOWN when writing
 * actually fails. Free space is read at most every 10 seconds; a folder that does not exist yet
 * is measured at its nearest existing parent.
 */
@Component("dataFolderHealthIndicator")
class DataFolderSpace implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(DataFolderSpace.class);
    private static final long CHECK_INTERVAL_MS = 10_000;

    private final Path folder;
    private final DataSize warnBelow;
    private volatile long checkedAt;
    private volatile long free = Long.MAX_VALUE;
    private volatile boolean low;

    DataFolderSpace(@Value("${samsyn.data-dir}") String dataDir,
                    @Value("${samsyn.disk.warn-below:500MB}") DataSize warnBelow) {
        this.folder = Path.of(dataDir).toAbsolutePath().normalize();
        this.warnBelow = warnBelow;
    }

    /** Whether the free space is below the warning limit. */
    boolean low() {
        refresh();
        return low;
    }

    /** Free bytes in the data folder's file system, as last read. */
    long free() {
        refresh();
        return free;
    }

    DataSize warnBelow() {
        return warnBelow;
    }

    @Override
    public Health health() {
        refresh();
        return Health.up().withDetail("path", folder.toString()).withDetail("free", free)
                .withDetail("warnBelow", warnBelow.toBytes()).withDetail("low", low).build();
    }

    private void refresh() {
        long now = System.currentTimeMillis();
        if (now - checkedAt < CHECK_INTERVAL_MS && checkedAt != 0) {
            return;
        }
        checkedAt = now;
        File existing = folder.toFile();
        while (existing != null && !existing.exists()) {
            existing = existing.getParentFile();
        }
        free = existing == null ? 0 : existing.getUsableSpace();
        boolean nowLow = free < warnBelow.toBytes();
        if (nowLow && !low) {
            log.warn("Low disk space: {} free in the data folder {}, below samsyn.disk.warn-below={}; when the disk is "
                    + "full the database stops accepting writes", readable(free), folder, readable(warnBelow.toBytes()));
        } else if (!nowLow && low) {
            log.info("Disk space is back above samsyn.disk.warn-below: {} free in the data folder", readable(free));
        }
        low = nowLow;
    }

    /** Bytes as whole TB, GB or MB (binary units), for the banner and the log. */
    static String readable(long bytes) {
        if (bytes >= DataSize.ofTerabytes(1).toBytes()) {
            return bytes / DataSize.ofTerabytes(1).toBytes() + " TB";
        }
        if (bytes >= DataSize.ofGigabytes(1).toBytes()) {
            return bytes / DataSize.ofGigabytes(1).toBytes() + " GB";
        }
        return bytes / DataSize.ofMegabytes(1).toBytes() + " MB";
    }
}
