package org.rlsblog.comments;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A comment as stored. {@code authorEmail} is for the author's eyes only: views for readers
 * must never show it.
 */
public record Comment(
        long id,
        String postSlug,
        @Nullable Long parentId,
        String authorName,
        String authorEmail,
        @Nullable String authorUrl,
        String body,
        CommentStatus status,
        boolean byAuthor,
        boolean notifyReplies,
        Instant createdAt,
        Instant updatedAt) {

    public boolean isApproved() {
        return status == CommentStatus.APPROVED;
    }
}
