package org.rlsblog;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** For tests that run the packaged application as a child process: the jar, and a free port. */
final class PackagedJar {

    private PackagedJar() {}

    /** The jar that {@code package} built (not the {@code .original} without dependencies). */
    static Path path() throws IOException {
        String configured = System.getProperty("rls-blog.jar");
        if (configured != null && Files.isRegularFile(Path.of(configured))) {
            return Path.of(configured);
        }
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("rls-blog-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("No packaged jar target/rls-blog-*.jar (looked for "
                            + configured + "): run ./mvnw verify, which packages the jar before this test"));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new AssertionError("No target/ folder: run ./mvnw verify, which packages the jar first", e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
