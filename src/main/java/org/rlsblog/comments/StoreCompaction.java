package org.rlsblog.comments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gives the embedded store's disk space back at a graceful stop when a burst of comments has left
 * the file mostly empty: H2 reuses replaced chunks only after its {@code RETENTION_TIME}, never
 * returns the space, and its own compaction at close does not shrink such a file (see
 * docs/benchmarks.md). {@code SHUTDOWN COMPACT} writes the live data to a new file and renames it
 * over the old one (a crash meanwhile leaves the old file). It runs as the bean is destroyed: after
 * the web server stops, before the connection pool closes.
 */
@Component
class StoreCompaction implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StoreCompaction.class);

    private static final long BYTES_PER_MEGABYTE = 1024L * 1024;

    /** Below this a file is not worth the wait, whatever its fill. */
    static final long MIN_FILE_BYTES = 64 * BYTES_PER_MEGABYTE;

    /** Compacts when at most this share of the file (in %) holds live data. */
    static final int MAX_LIVE_PERCENT = 25;

    /** A fill rate H2 does not report counts as full, which keeps the file as it is. */
    private static final long FULL_PERCENT = 100;

    private final JdbcTemplate jdbc;
    private final long minFileBytes;

    @Autowired
    StoreCompaction(JdbcTemplate jdbc) {
        this(jdbc, MIN_FILE_BYTES);
    }

    /** With another least file size (tests). */
    StoreCompaction(JdbcTemplate jdbc, long minFileBytes) {
        this.jdbc = jdbc;
        this.minFileBytes = minFileBytes;
    }

    @Override
    public void destroy() {
        try {
            Path file = h2File();
            if (file == null) {
                return;
            }
            Map<String, Long> info = storeInfo();
            long size = info.getOrDefault("info.FILE_SIZE", 0L);
            // the share of the file in chunks, times the share of those chunks still in use
            long livePercent = info.getOrDefault("info.FILL_RATE", FULL_PERCENT)
                    * info.getOrDefault("info.CHUNKS_FILL_RATE", FULL_PERCENT)
                    / FULL_PERCENT;
            if (size < minFileBytes || livePercent > MAX_LIVE_PERCENT) {
                return;
            }
            long start = System.nanoTime();
            jdbc.execute("SHUTDOWN COMPACT");
            log.info(
                    "Store compacted at shutdown: {} MB, about {} % of it in use, to {} MB in {} ms",
                    megabytes(size),
                    livePercent,
                    // H2 reads "~" in a URL as the home folder: then the size after is not known here
                    Files.exists(file) ? Long.toString(megabytes(Files.size(file))) : "?",
                    Duration.ofNanos(System.nanoTime() - start).toMillis());
        } catch (DataAccessException | IOException e) {
            log.warn("Store not compacted at shutdown: {}", e.toString());
        }
    }

    private static long megabytes(long bytes) {
        return bytes / BYTES_PER_MEGABYTE;
    }

    /**
     * The database file, when the store is an embedded H2 file; null otherwise. Read from the pool's
     * settings where it can be: a store that has gone away (a stopped PostgreSQL) would otherwise hold
     * the stop for the pool's whole connection timeout.
     */
    private @Nullable Path h2File() {
        DataSource dataSource = jdbc.getDataSource();
        String url = dataSource == null ? null : CommentKeys.configuredUrl(dataSource);
        if (url == null) {
            url = jdbc.execute((Connection c) -> c.getMetaData().getURL());
        }
        if (url == null || !url.startsWith("jdbc:h2:file:")) {
            return null;
        }
        String name = url.substring("jdbc:h2:file:".length());
        int options = name.indexOf(';');
        return Path.of((options < 0 ? name : name.substring(0, options)) + ".mv.db");
    }

    private Map<String, Long> storeInfo() {
        Map<String, Long> info = new HashMap<>();
        jdbc.query(
                "SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                        + " WHERE SETTING_NAME IN ('info.FILE_SIZE', 'info.FILL_RATE', 'info.CHUNKS_FILL_RATE')",
                rs -> {
                    try {
                        info.put(rs.getString(1), Long.parseLong(rs.getString(2).trim()));
                    } catch (NumberFormatException notANumber) {
                        // left out: the defaults above then keep the store as it is
                    }
                });
        return info;
    }
}
