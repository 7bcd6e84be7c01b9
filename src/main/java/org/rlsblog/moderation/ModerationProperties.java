package org.rlsblog.moderation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.rlsblog.comments.Author;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the author appears when replying from the moderation queue.
 *
 * @param authorName the name shown on the author's replies
 * @param authorEmail the e-mail stored with the author's replies (never shown)
 * @param pageSize comments per page in the moderation queue
 */
@Validated
@ConfigurationProperties("blog.moderation")
record ModerationProperties(
        @DefaultValue("The author") @NotBlank String authorName,
        @DefaultValue("author@localhost") @NotBlank String authorEmail,
        @DefaultValue("50") @Min(1) @Max(500) int pageSize) {

    /** The author as the replies from the moderation queue are stored. */
    Author replyAuthor() {
        return Author.of(authorName, authorEmail);
    }
}
