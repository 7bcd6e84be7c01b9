package org.rlsblog.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The real {@code content/comments/*.yml}, as {@code ContentValidationTests} checks the posts: a
 * file the site would skip at start (and log) fails the build instead, so its comments do not
 * silently go missing in production.
 */
class ExistingCommentsValidationTests {

    private static final Path COMMENTS = Path.of("content", "comments");

    @Test
    void readsEveryRealCommentsFile() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(COMMENTS)) {
            files = listed.filter(
                            f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        }
        assertThat(files).as("the seed article's comment").isNotEmpty();

        for (Path file : files) {
            assertThat(ExistingCommentsFile.read(Files.readAllBytes(file)))
                    .as("%s", file)
                    .isNotEmpty();
        }
    }
}
