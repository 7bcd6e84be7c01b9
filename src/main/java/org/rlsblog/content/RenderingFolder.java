package org.rlsblog.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of kept renderings, one file each, named by its key; only read here. The names are
 * listed once, so that a text never rendered costs no failed open. A missing or damaged file
 * reads as no rendering, which only means rendering again.
 */
final class RenderingFolder {

    private static final Logger log = LoggerFactory.getLogger(RenderingFolder.class);

    private final Path path;
    private final Set<String> names;

    RenderingFolder(Path path) {
        this.path = path;
        this.names = list(path);
    }

    Path path() {
        return path;
    }

    /** The rendering kept under {@code key}, or null. */
    @Nullable
    RenderedMarkdown read(String key) {
        if (!names.contains(key)) {
            return null;
        }
        Path file = path.resolve(key);
        try {
            return RenderingFormat.read(Files.readAllBytes(file));
        } catch (NoSuchFileException deletedSince) {
            return null;
        } catch (IOException | RuntimeException damaged) {
            log.debug("Rendering in {} not read, rendering afresh: {}", file, damaged.toString());
            return null;
        }
    }

    /** Records that a file for {@code key} has been written since the folder was listed. */
    void added(String key) {
        names.add(key);
    }

    private static Set<String> list(Path folder) {
        Set<String> names = ConcurrentHashMap.newKeySet();
        try (Stream<Path> files = Files.list(folder)) {
            files.forEach(file -> names.add(file.getFileName().toString()));
        } catch (NoSuchFileException nothingKeptYet) {
            // a first start
        } catch (IOException e) {
            log.warn("Renderings kept in {} not listed, rendering afresh: {}", folder, e.toString());
        }
        return names;
    }
}
