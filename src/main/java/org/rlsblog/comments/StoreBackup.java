package org.rlsblog.comments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.sql.DataSource;
import org.springframework.stereotype.Service;

/**
 * A consistent copy of the embedded store, made while the site runs (H2's {@code BACKUP TO}, which
 * copies the database as of one moment without stopping writers). To restore: stop the site,
 * unzip the copy into the data directory, start it. On PostgreSQL, use {@code pg_dump}.
 */
@Service
public class StoreBackup {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final DataSource dataSource;
    private final Clock clock;

    StoreBackup(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Whether this store can be copied here (the embedded H2 file), rather than by the database's own tools. */
    public boolean isSupported() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().equals("H2");
        } catch (SQLException e) {
            return false;
        }
    }

    /** Writes a zip of the database into {@code directory} and returns its path. */
    public Path backupTo(Path directory) throws IOException {
        if (!isSupported()) {
            throw new UnsupportedOperationException("only the embedded H2 store is copied here; use pg_dump");
        }
        Files.createDirectories(directory);
        Path target = directory
                .resolve("rls-blog-" + STAMP.format(clock.instant().atOffset(ZoneOffset.UTC)) + ".zip")
                .toAbsolutePath();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("BACKUP TO '" + target.toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new IOException("backup failed: " + e.getMessage(), e);
        }
        return target;
    }
}
