package org.rlsblog.comments;

/** Where a comment stands in moderation. Only APPROVED comments are shown to readers. */
public enum CommentStatus {
    PENDING,
    APPROVED,
    SPAM,
    TRASH
}
