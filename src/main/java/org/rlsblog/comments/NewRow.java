package org.rlsblog.comments;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.regex.Pattern;
import org.apache.commons.codec.digest.DigestUtils;
import org.jspecify.annotations.Nullable;

/** A comment row to insert, built with {@link #builder()}; {@code importKey} makes imports idempotent. */
record NewRow(
        String postSlug,
        @Nullable Long parentId,
        Author author,
        String body,
        String bodyHash,
        CommentStatus status,
        boolean byAuthor,
        boolean notifyReplies,
        @Nullable String clientHash,
        @Nullable String importKey,
        Instant createdAt) {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    static Builder builder() {
        return new Builder();
    }

    /**
     * The hash the duplicate check compares: runs of white space count as one space, so that the
     * same text sent again with other line breaks is a duplicate.
     */
    static String bodyHash(String body) {
        return DigestUtils.sha256Hex(WHITESPACE.matcher(body.strip()).replaceAll(" "));
    }

    /** The comment as {@link CommentWrites#insert} stores it (updated when inserted), under its new id. */
    Comment stored(long id, Instant insertedAt) {
        return Comment.builder()
                .id(id)
                .postSlug(postSlug)
                .parentId(parentId)
                .author(author)
                .body(body)
                .status(status)
                .byAuthor(byAuthor)
                .notifyReplies(notifyReplies)
                .createdAt(createdAt)
                .updatedAt(insertedAt)
                .build();
    }

    /** Builds a row by naming its fields; unset flags are false and unset optional fields null. */
    static final class Builder {

        private @Nullable String postSlug;
        private @Nullable Long parentId;
        private @Nullable Author author;
        private @Nullable String body;
        private @Nullable String bodyHash;
        private @Nullable CommentStatus status;
        private boolean byAuthor;
        private boolean notifyReplies;
        private @Nullable String clientHash;
        private @Nullable String importKey;
        private @Nullable Instant createdAt;

        private Builder() {}

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

        /** The text, and its hash as {@link #bodyHash(String)} makes it. */
        Builder body(String body) {
            return body(body, bodyHash(body));
        }

        Builder body(String body, String bodyHash) {
            this.body = body;
            this.bodyHash = bodyHash;
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

        Builder clientHash(@Nullable String clientHash) {
            this.clientHash = clientHash;
            return this;
        }

        Builder importKey(@Nullable String importKey) {
            this.importKey = importKey;
            return this;
        }

        Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        NewRow build() {
            return new NewRow(
                    requireNonNull(postSlug, "postSlug"),
                    parentId,
                    requireNonNull(author, "author"),
                    requireNonNull(body, "body"),
                    requireNonNull(bodyHash, "bodyHash"),
                    requireNonNull(status, "status"),
                    byAuthor,
                    notifyReplies,
                    clientHash,
                    importKey,
                    requireNonNull(createdAt, "createdAt"));
        }
    }
}
