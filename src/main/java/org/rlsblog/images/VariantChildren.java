package org.rlsblog.images;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes variants in {@link VariantWorker} processes, one for each processing thread, started at
 * lower priority when work comes and stopped when it is done: the large decoded pixels then never
 * reach the site's heap, whose collections would otherwise pause every request, and the kernel
 * favours the site's threads over the worker's. A worker that ends without answering gets its
 * image once more in a new one; one that takes too long is stopped and its image given up.
 */
final class VariantChildren implements VariantRunner {

    private static final Logger log = LoggerFactory.getLogger(VariantChildren.class);

    /** Spring Boot's launcher that finds the classes nested in the packaged jar. */
    private static final String JAR_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    /** From this JDK on, libwebp's loading warns unless native access is granted. */
    private static final int FIRST_JDK_WARNING_ON_NATIVE_ACCESS = 22;

    private final List<String> command;
    private final Duration timeout;
    private final Deque<VariantChild> idle = new ConcurrentLinkedDeque<>();
    private final Set<VariantChild> all = ConcurrentHashMap.newKeySet();
    private boolean closed;

    VariantChildren(List<String> command, Duration timeout) {
        this.command = List.copyOf(command);
        this.timeout = timeout;
    }

    /** The command that starts a worker on the site's own class path and Java. */
    static List<String> command(Path store, List<Integer> widths, ImagesProperties.Worker worker) {
        List<String> command = new ArrayList<>();
        String nice = worker.nice() > 0 ? onPath("nice") : null;
        if (nice != null) {
            command.addAll(List.of(nice, "-n", Integer.toString(worker.nice())));
        }
        long heap = worker.heap().toMegabytes();
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap + "m",
                // all of it from the start: growing a serial heap step by step costs full collections
                "-Xms" + heap + "m",
                "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:-UsePerfData",
                "-Xss512k",
                "-Djava.awt.headless=true"));
        if (Runtime.version().feature() >= FIRST_JDK_WARNING_ON_NATIVE_ACCESS) {
            // what the jar's manifest grants a site started with -jar; a worker starts with -cp
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        if (VariantWorker.class.getClassLoader() == ClassLoader.getSystemClassLoader()) {
            command.add(VariantWorker.class.getName());
        } else { // the packaged jar: its classes are nested, only Spring Boot's launcher finds them
            command.addAll(List.of("-Dloader.main=" + VariantWorker.class.getName(), JAR_LAUNCHER));
        }
        command.add(store.toAbsolutePath().toString());
        command.add(widths.stream().map(String::valueOf).collect(Collectors.joining(",")));
        return command;
    }

    @Override
    public VariantJob.Outcome run(VariantJob job) throws IOException, InterruptedException {
        try {
            return attempt(job);
        } catch (VariantChild.WorkerEnded e) {
            log.warn("Image {}: {}; trying once more in a new worker process", job.file(), e.getMessage());
            return attempt(job);
        }
    }

    /** Stops the workers that wait for work. */
    @Override
    public void idle() {
        for (VariantChild child = idle.poll(); child != null; child = idle.poll()) {
            stop(child);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        idle.clear();
        for (VariantChild child : List.copyOf(all)) {
            stop(child);
        }
    }

    private VariantJob.Outcome attempt(VariantJob job) throws IOException, InterruptedException {
        VariantChild child = take();
        boolean keep = false;
        try {
            VariantJob.Outcome outcome = child.run(job, timeout);
            keep = true;
            return outcome;
        } catch (IOException e) {
            keep = child.isAlive(); // it said why it could not: it can take the next one
            throw e;
        } finally {
            synchronized (this) {
                keep = keep && !closed;
            }
            if (keep) {
                idle.push(child);
            } else {
                stop(child);
            }
        }
    }

    private VariantChild take() throws IOException {
        VariantChild child = idle.poll();
        if (child != null) {
            return child;
        }
        synchronized (this) { // no worker may start after close, or it would outlive the site
            if (closed) {
                throw new IOException("the site is stopping");
            }
            child = new VariantChild(command);
            all.add(child);
        }
        log.info("Image variants: worker process {} started", child.pid());
        return child;
    }

    private void stop(VariantChild child) {
        all.remove(child);
        child.close();
    }

    private static @Nullable String onPath(String program) {
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
