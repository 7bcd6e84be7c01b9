package org.rlsblog.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Comment text that reaches a feed or a mail holds only characters XML can carry. */
class XmlTextTests {

    @Test
    void dropsTheCharactersXmlCannotCarry() {
        assertThat(XmlText.legal("a\uFFFEb\uFFFFc\u0000d\u0008e\uD800f")).isEqualTo("abcdef");
    }

    @Test
    void keepsLineBreaksTabsAndLettersOutsideTheBasicPlane() {
        String text = "Line one\n\tLine two\r\n😀 \u00e9 \uFFFD";
        assertThat(XmlText.legal(text)).isSameAs(text);
    }

    @Test
    void anImportedCommentCarriesNoCharacterXmlCannotCarry() {
        ImportedComment comment = ImportedComment.builder()
                .importKey("k1")
                .postSlug("a-post")
                .author(Author.of("Re\uFFFEader", "reader@example.org"))
                .body("Invisible\uFFFF here")
                .status(CommentStatus.APPROVED)
                .createdAt(Instant.parse("2025-06-01T12:00:00Z"))
                .build();

        assertThat(comment.author().name()).isEqualTo("Reader");
        assertThat(comment.body()).isEqualTo("Invisible here");
    }
}
