package org.rlsblog.comments;

/** A comment became visible to readers: approved by the author, auto-approved, or the author's reply. */
public record CommentApproved(long commentId, String postSlug) {}
