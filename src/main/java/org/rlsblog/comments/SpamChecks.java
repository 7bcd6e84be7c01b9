package org.rlsblog.comments;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The status a new comment gets: spam for a spam word, held for a hold word or too many links,
 * and otherwise held, unless moderation is {@code returning} and the commenter proves to be one
 * whose comment was approved: its browser holds the signed token of an approved comment from the
 * same address, or of the address itself, confirmed by a link mailed to it. The address alone
 * proves nothing: anyone can type a regular commenter's address, or the author's.
 */
@Component
class SpamChecks {

    private final CommentReads reads;
    private final ReaderTokens readerTokens;
    private final CommentProperties properties;

    SpamChecks(CommentReads reads, ReaderTokens readerTokens, CommentProperties properties) {
        this.reads = reads;
        this.readerTokens = readerTokens;
        this.properties = properties;
    }

    /** The status for this submission; {@code email} is its address in lower case. */
    CommentStatus statusFor(Submission submission, String email) {
        String everything = String.join(
                        "\n",
                        submission.author().name(),
                        email,
                        Objects.requireNonNullElse(submission.author().url(), ""),
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
        if (properties.moderation() == ModerationMode.RETURNING && provenReturning(submission, email)) {
            return CommentStatus.APPROVED;
        }
        return CommentStatus.PENDING;
    }

    private boolean provenReturning(Submission submission, String email) {
        if (reads.hasApprovedAmong(submission.ownCommentIds(), email)) {
            return true;
        }
        return readerTokens
                        .provenAddress(submission.addressToken())
                        .filter(email::equals)
                        .isPresent()
                && reads.hasApprovedFrom(email);
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
