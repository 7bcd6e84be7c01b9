package org.rlsblog.comments;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Comment rules and spam defences. Durations take Spring's forms: {@code 15s}, {@code 30d}; 0 turns
 * the time-based checks off.
 *
 * @param moderation {@code all} holds every new comment; {@code returning} approves a commenter who proves an earlier comment was approved
 * @param minFillTime the least time between showing the form and posting it (robots are faster)
 * @param floodInterval the least time between two comments from one client
 * @param maxLinks a comment with this many links or more is held for moderation
 * @param maxDepth how deep replies nest under a top-level comment
 * @param holdWords words or addresses that hold a comment for moderation (case-insensitive, in any field)
 * @param spamWords words or addresses that mark a comment as spam at once
 * @param purgeAfter spam and trash older than this are deleted for good
 * @param honeypot whether the hidden honeypot field is checked
 */
@Validated
@ConfigurationProperties("blog.comments")
public record CommentProperties(
        @DefaultValue("all") @NotNull ModerationMode moderation,
        @DefaultValue("3s") @NotNull Duration minFillTime,
        @DefaultValue("15s") @NotNull Duration floodInterval,
        @DefaultValue("2") @Min(1) int maxLinks,
        @DefaultValue("3") @Min(1) @Max(10) int maxDepth,
        @DefaultValue List<String> holdWords,
        @DefaultValue List<String> spamWords,
        @DefaultValue("30d") @NotNull Duration purgeAfter,
        @DefaultValue("true") boolean honeypot) {

    public CommentProperties {
        holdWords = holdWords == null ? List.of() : List.copyOf(holdWords);
        spamWords = spamWords == null ? List.of() : List.copyOf(spamWords);
    }

    /** These settings with another moderation mode. */
    CommentProperties withModeration(ModerationMode mode) {
        return new CommentProperties(
                mode, minFillTime, floodInterval, maxLinks, maxDepth, holdWords, spamWords, purgeAfter, honeypot);
    }
}
