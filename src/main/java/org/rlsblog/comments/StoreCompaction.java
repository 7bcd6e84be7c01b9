package org.rlsblog.comments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gives the embedded store's disk space back at a graceful stop, when a burst of comments has left
 * the file mostly empty. H2 keeps every chunk a commit replaced for 45 s ({@code RETENTION_TIME})
 * before it reuses the space, so a minute of 1,000 comments a second grew the file to 1.0-1.3 GB
 * for some 40 MB of data; the space is reused afterwards but never returned, and the 200 ms H2
 * compacts for at close did not shrink it (measured). Then, and only then, this closes the store
 * with {@code SHUTDOWN COMPACT}, which writes the live data to a new file and renames it over the
 * old one (a crash meanwhile leaves the old file, which H2 cleans up at the next open).
 *
 * <p>It runs as a bean is destroyed, after the web server has stopped and before the connection
 * pool closes; a test context that is merely paused is left alone. PostgreSQL needs nothing here.
 */
@Component
class StoreCompaction implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StoreCompaction.class);

    /** Below this a file is not worth the wait, whatever its fill. */
    static final long MIN_FILE_BYTES = 64L * 1024 * 1024;

    /** Compacts when at most this share of the file (in %) holds live data. */
    static final int MAX_LIVE_PERCENT = 25;

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
            long livePercent =
                    info.getOrDefault("info.FILL_RATE", 100L) * info.getOrDefault("info.CHUNKS_FILL_RATE", 100L) / 100;
            if (size < minFileBytes || livePercent > MAX_LIVE_PERCENT) {
                return;
            }
            long start = System.nanoTime();
            jdbc.execute("SHUTDOWN COMPACT");
            log.info(
                    "Store compacted at shutdown: {} MB, about {} % of it in use, to {} MB in {} ms",
                    size >> 20,
                    livePercent,
                    // H2 reads "~" in a URL as the home folder: then the size after is not known here
                    Files.exists(file) ? Long.toString(Files.size(file) >> 20) : "?",
                    (System.nanoTime() - start) / 1_000_000);
        } catch (DataAccessException | IOException e) {
            log.warn("Store not compacted at shutdown: {}", e.toString());
        }
    }

    /** The database file, when the store is an embedded H2 file; null otherwise. */
    private Path h2File() {
        String url = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getURL());
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
