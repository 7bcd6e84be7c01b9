package org.rlsblog.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rlsblog.SiteFolders;

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
            root = SiteFolders.temporary("rls-blog-site", TestSite::create);
        }
        return root;
    }

    static Path contentDir() {
        return root().resolve("content");
    }

    static Path dataDir() {
        return root().resolve("data");
    }

    private static void create(Path site) throws IOException {
        Path content = SiteFolders.copyContent(site);
        SiteFolders.post(
                content,
                "2024-02-10-iron-and-ferritin.md",
                """
                title: Iron and ferritin
                date: 2024-02-10T10:00:00+01:00
                summary: Why the doctor checks ferritin first.
                tags: [iron, RLS]
                """,
                "Ferritin is stored in the liver. " + "word ".repeat(450));
        SiteFolders.post(content, "2024-02-20-sleep.md", """
                title: Sleeping with restless legs
                date: 2024-02-20
                tags: [sleep]
                """, "Evenings are the worst.");
        SiteFolders.post(content, "rusteloze-benen.md", """
                title: Rusteloze benen en de lever
                date: 2023-11-05
                lang: nl
                tags: [RLS]
                """, "Een artikel in het Nederlands.");
        SiteFolders.post(content, "scheduled.md", """
                title: A post from the future
                date: 2999-01-01
                tags: [future-only]
                """, "Not yet.");
        Files.createDirectories(content.resolve("media"));
        Files.writeString(content.resolve("media/note.txt"), "a media file");
        Files.writeString(site.resolve("secret.txt"), SECRET);
        Files.writeString(content.resolve("secret.txt"), SECRET);
    }
}
