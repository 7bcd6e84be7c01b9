package org.rlsblog.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A site folder for HTTP tests, made once per test run in a temporary directory: the real
 * {@code content/} (seed article and pages) plus a few more posts, a media file, a file outside
 * {@code media/} that must never be served, and an empty data folder.
 */
final class TestSite {

    static final String SECRET = "secret-outside-media-7f3a";
    private static Path root;

    private TestSite() {}

    static synchronized Path root() {
        if (root == null) {
            try {
                root = create();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(root)));
        }
        return root;
    }

    static Path contentDir() {
        return root().resolve("content");
    }

    static Path dataDir() {
        return root().resolve("data");
    }

    private static Path create() throws IOException {
        Path site = Files.createTempDirectory("rls-blog-site");
        Path content = site.resolve("content");
        copy(Path.of("content"), content);
        Files.createDirectories(site.resolve("data"));
        post(
                content,
                "2024-02-10-iron-and-ferritin.md",
                """
                title: Iron and ferritin
                date: 2024-02-10T10:00:00+01:00
                summary: Why the doctor checks ferritin first.
                tags: [iron, RLS]
                """,
                "Ferritin is stored in the liver. " + "word ".repeat(450));
        post(content, "2024-02-20-sleep.md", """
                title: Sleeping with restless legs
                date: 2024-02-20
                tags: [sleep]
                """, "Evenings are the worst.");
        post(content, "rusteloze-benen.md", """
                title: Rusteloze benen en de lever
                date: 2023-11-05
                lang: nl
                tags: [RLS]
                """, "Een artikel in het Nederlands.");
        post(content, "scheduled.md", """
                title: A post from the future
                date: 2999-01-01
                tags: [future-only]
                """, "Not yet.");
        Files.createDirectories(content.resolve("media"));
        Files.writeString(content.resolve("media/note.txt"), "a media file");
        Files.writeString(site.resolve("secret.txt"), SECRET);
        Files.writeString(content.resolve("secret.txt"), SECRET);
        return site;
    }

    static void post(Path content, String fileName, String frontMatter, String body) throws IOException {
        Path file = content.resolve("posts").resolve(fileName);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "---\n" + frontMatter + "---\n" + body + "\n");
    }

    private static void copy(Path from, Path to) throws IOException {
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

    static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; the OS cleans up what is left
        }
    }
}
