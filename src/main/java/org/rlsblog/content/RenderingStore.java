package org.rlsblog.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running build's folder of renderings in the data folder: read, written whole or not at all,
 * and pruned. The folders next to it belong to other builds; two builds sharing one data folder
 * (a rolling deploy with PostgreSQL) delete each other's, which only costs renderings.
 */
final class RenderingStore {

    private static final Logger log = LoggerFactory.getLogger(RenderingStore.class);

    /**
     * With a counter, names a temporary file uniquely among the processes that may share the data
     * folder (a pid would not do: in a container the JVM is always process 1). Not {@link
     * Files#createTempFile}: its random names cost a first start a noticeable share of its CPU.
     */
    private static final String TEMPORARY_SUFFIX = "." + UUID.randomUUID() + ".tmp";

    private static final AtomicLong TEMPORARY_FILES = new AtomicLong();

    private final RenderingFolder folder;
    private volatile boolean folderMade;
    private volatile boolean warned;

    RenderingStore(Path path) {
        this.folder = new RenderingFolder(path);
    }

    Path path() {
        return folder.path();
    }

    @Nullable
    RenderedMarkdown read(String key) {
        return folder.read(key);
    }

    /** Keeps a rendering for the next start; a failure is logged once and otherwise ignored. */
    void write(String key, RenderedMarkdown rendered) {
        Path file = path().resolve(key);
        try {
            if (!folderMade) {
                Files.createDirectories(path());
                folderMade = true;
            }
            try {
                writeWhole(file, rendered);
            } catch (NoSuchFileException folderGone) { // another build's prune deleted it
                Files.createDirectories(path());
                writeWhole(file, rendered);
            }
            folder.added(key);
        } catch (IOException e) {
            if (!warned) {
                warned = true;
                log.warn("Rendered Markdown is not kept for the next start ({}): {}", path(), e.toString());
            }
        }
    }

    /** Deletes the folders of other builds, and the renderings here whose keys are not in {@code used}. */
    void prune(Set<String> used) {
        Path builds = path().getParent();
        try (Stream<Path> folders = Files.list(builds)) {
            for (Path build : folders.toList()) {
                if (!build.equals(path())) {
                    deleteTree(build);
                }
            }
        } catch (NoSuchFileException nothingKept) {
            return;
        } catch (IOException e) {
            log.warn("Renderings of other builds not deleted from {}: {}", builds, e.toString());
        }
        try (Stream<Path> files = Files.list(path())) {
            for (Path file : files.toList()) {
                if (!used.contains(file.getFileName().toString())) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (NoSuchFileException nothingKept) {
            // nothing rendered yet
        } catch (IOException e) {
            log.warn("Unused renderings not deleted from {}: {}", path(), e.toString());
        }
    }

    private static void writeWhole(Path file, RenderedMarkdown rendered) throws IOException {
        Path temporary =
                file.resolveSibling(file.getFileName() + "." + TEMPORARY_FILES.incrementAndGet() + TEMPORARY_SUFFIX);
        Files.write(
                temporary, RenderingFormat.write(rendered), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
