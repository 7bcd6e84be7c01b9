package org.rlsblog.comments;

/** A comment on this post was added, moderated, edited or deleted. */
public record CommentChanged(String postSlug) {}
