package org.rlsblog.comments;

/** A reader's comment was stored (in any status, spam included). */
public record CommentSubmitted(long commentId, String postSlug, CommentStatus status) {}
