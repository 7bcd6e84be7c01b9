package org.rlsblog.comments;

/** {@code blog.comments.moderation}: hold every new comment, or let returning commenters through. */
public enum ModerationMode {
    /** Every new comment waits for the author's approval. */
    ALL,
    /**
     * A commenter who proves that an earlier comment of theirs was approved is approved at once: the
     * browser holds the signed token of an approved comment from the same address, or of the address,
     * confirmed by a mailed link ({@link SpamChecks}).
     */
    RETURNING
}
