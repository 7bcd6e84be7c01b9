package org.rlsblog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Temporary site folders for tests that start the site on files of their own: made once per test
 * class, deleted when the JVM ends, so that the shared Spring context can keep pointing at them.
 */
public final class SiteFolders {

    /** Writes a test's files into a new site folder. */
    @FunctionalInterface
    public interface Filler {
        void fill(Path site) throws IOException;
    }

    private SiteFolders() {}

    /** A new temporary folder named after {@code prefix}, filled by {@code fill}, deleted when the JVM ends. */
    public static Path temporary(String prefix, Filler fill) {
        try {
            Path site = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(site)));
            fill.fill(site);
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the repository's {@code content/} into {@code site/content} beside an empty data folder. */
    public static Path copyContent(Path site) throws IOException {
        Path content = site.resolve("content");
        copy(Path.of("content"), content);
        Files.createDirectories(site.resolve("data"));
        return content;
    }

    /** Writes a post file into {@code content/posts}, front matter between its fences. */
    public static void post(Path content, String fileName, String frontMatter, String body) throws IOException {
        Path file = content.resolve("posts").resolve(fileName);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "---\n" + frontMatter + "---\n" + body + "\n");
    }

    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Deletes a folder and all in it; nothing when it is not there. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    public static void deleteQuietly(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException ignored) {
            // a temporary folder; the OS cleans up what is left
        }
    }
}
