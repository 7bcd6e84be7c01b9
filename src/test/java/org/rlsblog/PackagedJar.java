package org.rlsblog;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** For tests that run the packaged application as a child process: the jar, and a free port. */
final class PackagedJar {

    /** How long a killed app may take to go. */
    private static final int STOP_WAIT_SECONDS = 30;

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
        } catch (NoSuchFileException e) {
            throw new AssertionError("No target/ folder: run ./mvnw verify, which packages the jar first", e);
        }
    }

    /**
     * The jar copied under a neutral name: other builds on the same machine may clean up their own
     * {@code rls-blog-*.jar} processes by name, and must not hit the one under test.
     */
    static Path copyInto(Path dir) throws IOException {
        return Files.copy(path(), dir.resolve("app-under-test.jar"));
    }

    /**
     * Starts the jar on {@code port} with {@code dataDir} and the repository's content (timing
     * checks off, no watching), adds it to {@code started} at once (so the caller can always stop
     * it), and returns once it reports healthy.
     */
    static Process start(Path jar, int port, Path dataDir, Path log, List<Process> started) throws IOException {
        return start(jar, port, dataDir, log, started, List.of());
    }

    /** As {@link #start(Path, int, Path, Path, List)}, with more arguments, which replace the defaults they name. */
    static Process start(Path jar, int port, Path dataDir, Path log, List<Process> started, List<String> more)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--blog.data-dir=" + dataDir,
                "--blog.content-dir=" + Path.of("content").toAbsolutePath(),
                "--blog.comments.min-fill-time=0",
                "--blog.comments.flood-interval=0",
                "--blog.watch=false"));
        // a key given twice on Spring's command line becomes both values joined: drop the default
        command.removeIf(arg -> arg.startsWith("--")
                && more.stream().anyMatch(m -> m.startsWith(arg.substring(0, arg.indexOf('=') + 1))));
        command.addAll(more);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        started.add(process);
        BlogClient probe = new BlogClient(port);
        await("the app on port " + port + " to answer (log: " + log + ")")
                .atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(250))
                .failFast("the app stopped; see " + log, () -> !process.isAlive())
                .ignoreExceptions()
                .until(() -> {
                    HttpResponse<String> health = probe.get("/actuator/health", "application/json");
                    return health.statusCode() == 200 && health.body().contains("\"UP\"");
                });
        return process;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /** Kills what a test started and is still running, so that no app outlives its test. */
    static void stopAll(List<Process> started) throws InterruptedException {
        for (Process process : started) {
            if (process.isAlive()) {
                process.destroyForcibly().waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            }
        }
    }
}
