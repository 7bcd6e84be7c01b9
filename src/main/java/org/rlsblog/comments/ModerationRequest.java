package org.rlsblog.comments;

/** What a genuine, unexpired moderation link asks for (see {@link CommentService#moderationRequest}). */
public record ModerationRequest(Comment comment, CommentStatus status) {}
