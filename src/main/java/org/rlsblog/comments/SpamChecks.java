package org.rlsblog.comments;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The status a new comment gets: spam for a spam word, held for a hold word or too many links,
 * and otherwise held, unless moderation is {@code returning} and the address has an approved comment.
 */
@Component
class SpamChecks {

    private final CommentReads reads;
    private final CommentProperties properties;

    SpamChecks(CommentReads reads, CommentProperties properties) {
        this.reads = reads;
        this.properties = properties;
    }

    /** The status for this submission; {@code email} is its address in lower case. */
    CommentStatus statusFor(Submission submission, String email) {
        String everything = String.join(
                        "\n",
                        submission.authorName(),
                        email,
                        submission.authorUrl() == null ? "" : submission.authorUrl(),
                        submission.body())
                .toLowerCase(Locale.ROOT);
        if (containsAny(everything, properties.spamWords())) {
            return CommentStatus.SPAM;
        }
        if (containsAny(everything, properties.holdWords())) {
            return CommentStatus.PENDING;
        }
        if (CommentTextRenderer.countLinks(submission.body()) >= properties.maxLinks()) {
            return CommentStatus.PENDING;
        }
        if (properties.moderation() == ModerationMode.RETURNING && reads.hasApprovedFrom(email)) {
            return CommentStatus.APPROVED;
        }
        return CommentStatus.PENDING;
    }

    private static boolean containsAny(String text, List<String> words) {
        for (String word : words) {
            if (!word.isBlank() && text.contains(word.toLowerCase(Locale.ROOT).strip())) {
                return true;
            }
        }
        return false;
    }
}
