package org.rlsblog.comments;

/** {@code blog.comments.moderation}: hold every new comment, or let returning commenters through. */
public enum ModerationMode {
    /** Every new comment waits for the author's approval. */
    ALL,
    /** A commenter whose e-mail address already has an approved comment is approved at once. */
    RETURNING
}
