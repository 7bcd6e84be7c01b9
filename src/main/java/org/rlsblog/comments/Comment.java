package org.rlsblog.comments;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A comment as stored. Its author's e-mail is for the blog author's eyes only: views for readers
 * must never show it.
 */
public record Comment(
        long id,
        String postSlug,
        @Nullable Long parentId,
        Author author,
        String body,
        CommentStatus status,
        boolean byAuthor,
        boolean notifyReplies,
        Instant createdAt,
        Instant updatedAt,
        @Nullable String importKey) {

    /** {@code wp:<post id>:<comment id>}: the key a WordPress import stores. */
    private static final Pattern WORDPRESS_KEY = Pattern.compile("wp:\\d+:(\\d{1,18})");

    /**
     * The comment's anchor on its post's page: {@code comment-<id>}, or for a comment imported from
     * WordPress its id there, so that the old blog's {@code #comment-57} links still land on it.
     */
    public String anchor() {
        if (importKey != null) {
            Matcher wordpress = WORDPRESS_KEY.matcher(importKey);
            if (wordpress.matches()) {
                return "comment-" + wordpress.group(1);
            }
        }
        return "comment-" + id;
    }

    public boolean isApproved() {
        return status == CommentStatus.APPROVED;
    }

    static Builder builder() {
        return new Builder();
    }

    /** Builds a comment by naming its fields; unset flags are false and unset optional fields null. */
    static final class Builder {

        private long id;
        private @Nullable String postSlug;
        private @Nullable Long parentId;
        private @Nullable Author author;
        private @Nullable String body;
        private @Nullable CommentStatus status;
        private boolean byAuthor;
        private boolean notifyReplies;
        private @Nullable String importKey;
        private @Nullable Instant createdAt;
        private @Nullable Instant updatedAt;

        private Builder() {}

        Builder id(long id) {
            this.id = id;
            return this;
        }

        Builder postSlug(String postSlug) {
            this.postSlug = postSlug;
            return this;
        }

        Builder parentId(@Nullable Long parentId) {
            this.parentId = parentId;
            return this;
        }

        Builder author(Author author) {
            this.author = author;
            return this;
        }

        Builder body(String body) {
            this.body = body;
            return this;
        }

        Builder status(CommentStatus status) {
            this.status = status;
            return this;
        }

        Builder byAuthor(boolean byAuthor) {
            this.byAuthor = byAuthor;
            return this;
        }

        Builder notifyReplies(boolean notifyReplies) {
            this.notifyReplies = notifyReplies;
            return this;
        }

        Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        Builder importKey(@Nullable String importKey) {
            this.importKey = importKey;
            return this;
        }

        Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        Comment build() {
            return new Comment(
                    id,
                    requireNonNull(postSlug, "postSlug"),
                    parentId,
                    requireNonNull(author, "author"),
                    requireNonNull(body, "body"),
                    requireNonNull(status, "status"),
                    byAuthor,
                    notifyReplies,
                    requireNonNull(createdAt, "createdAt"),
                    requireNonNull(updatedAt, "updatedAt"),
                    importKey);
        }
    }
}
