package org.rlsblog.comments;

import java.time.Instant;

/**
 * A comment became visible to readers: approved by the author, auto-approved, or the author's
 * reply. {@code approvedAt} is when, so listeners that run later (mail is sent off the request
 * thread) judge by the state at that moment.
 */
public record CommentApproved(long commentId, String postSlug, Instant approvedAt) {}
