package org.rlsblog.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Any file an author (or a broken editor) can save either becomes a post or is reported as a
 * {@link ContentFileException} with a line: nothing else escapes the loader, and a post that loads
 * has a title, a slug that fits a URL, and HTML. Fuzzes with Jazzer when {@code JAZZER_FUZZ=1};
 * otherwise replays the corpus in {@code ContentFuzzTestsInputs}.
 */
class ContentFuzzTests {

    private static final ContentFileReader READER = ContentFixtures.reader();

    @FuzzTest(maxDuration = "60s")
    void anyFileBecomesAPostOrAReportedProblem(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            ContentFileReader.Result<Post> result = READER.readPost(Path.of("content/posts/fuzz.md"), text);
            Post post = result.item();
            if (post != null) {
                assertThat(post.title()).isNotBlank();
                assertThat(Slugs.isValid(post.slug())).isTrue();
                assertThat(post.html()).isNotNull();
            }
        } catch (ContentFileException reported) {
            assertThat(reported.getMessage()).isNotBlank();
            assertThat(reported.line()).isNotNegative();
        }
    }
}
