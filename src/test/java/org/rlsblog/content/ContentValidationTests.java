package org.rlsblog.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.rlsblog.images.ImageChecks;

/**
 * The strict build step: the real {@code content/} folder, read by the real loader, must load
 * without a single problem or warning, so that a broken post fails the build instead of quietly
 * disappearing from production.
 */
class ContentValidationTests {

    private static final Path CONTENT = Path.of("content");

    private final ContentProperties properties = ContentFixtures.properties(CONTENT);
    /** With the site's own image checks: alt text, missing files, and files the site would refuse. */
    private final ContentFileReader reader = ContentFixtures.reader(
            properties, new MarkdownRenderer(), ImageChecks.inDataFolder(Path.of("target/content-validation-data")));

    @Test
    void loadsTheRealContentWithoutProblems() throws IOException {
        ContentSnapshot snapshot = new ContentLoader(reader, properties, Clock.systemUTC()).load();

        assertThat(snapshot.problems())
                .as(() -> "content problems:\n"
                        + snapshot.problems().stream()
                                .map(ContentProblem::toString)
                                .collect(Collectors.joining("\n")))
                .isEmpty();
        assertThat(snapshot.posts())
                .as("every post renders (a post is rendered when first asked for, so this asks)")
                .allSatisfy(post -> assertThat(post.body().get().problems())
                        .as(post.source().toString())
                        .isEmpty());
        assertThat(snapshot.indexBySlug()).containsKey("rls-and-liver-diseases");
        assertThat(snapshot.pages()).containsKeys("about", "disclaimer", "privacy");
    }

    @Test
    void readsEveryRealContentFileWithoutWarnings() throws Exception {
        List<String> warnings = new ArrayList<>();
        for (Path file : markdown("posts")) {
            reader.readPost(file, Files.readString(file)).warnings().forEach(w -> warnings.add(file + ": " + w));
        }
        for (Path file : markdown("pages")) {
            reader.readPage(file, Files.readString(file)).warnings().forEach(w -> warnings.add(file + ": " + w));
        }

        assertThat(warnings)
                .as(() -> "content warnings:\n" + String.join("\n", warnings))
                .isEmpty();
    }

    private static List<Path> markdown(String folder) throws IOException {
        try (Stream<Path> files = Files.walk(CONTENT.resolve(folder))) {
            return files.filter(
                            f -> f.toString().endsWith(".md") || f.toString().endsWith(".markdown"))
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }
}
