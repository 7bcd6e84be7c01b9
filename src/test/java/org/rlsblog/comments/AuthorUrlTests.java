package org.rlsblog.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An author's web address becomes a link only when it is http or https, however it came in. */
class AuthorUrlTests {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "JavaScript:alert(1)",
                " javascript:alert(1)",
                "data:text/html,x",
                "vbscript:x",
                "//evil.example",
                "ftp://example.org"
            })
    void dropsAnImportedAddressThatIsNotHttp(String url) {
        assertThat(imported(url).author().url()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.org/", "http://example.org", "HTTPS://Example.org/x"})
    void keepsAnImportedHttpAddress(String url) {
        assertThat(imported(url).author().url()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "data:text/html,x"})
    void neverLinksAStoredAddressThatIsNotHttp(String url) {
        assertThat(stored(url).author().linkableUrl()).isNull();
        assertThat(stored("https://example.org/").author().linkableUrl()).isEqualTo("https://example.org/");
    }

    private static ImportedComment imported(@Nullable String url) {
        return ImportedComment.builder()
                .importKey("k1")
                .postSlug("a-post")
                .author(new Author("Reader", "reader@example.org", url))
                .body("Hello")
                .status(CommentStatus.APPROVED)
                .createdAt(NOW)
                .build();
    }

    private static Comment stored(String url) {
        return Comment.builder()
                .id(1)
                .postSlug("a-post")
                .author(new Author("Reader", "reader@example.org", url))
                .body("Hello")
                .status(CommentStatus.APPROVED)
                .createdAt(NOW)
                .updatedAt(NOW)
                .build();
    }
}
