package org.rlsblog.moderation;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/** One comment in the moderation queue, with the post it is on. */
record QueueItem(
        long id,
        String postTitle,
        String postUrl,
        String authorName,
        String authorEmail,
        @Nullable String authorUrl,
        String body,
        String createdIso,
        String createdText,
        boolean byAuthor,
        boolean isReply,
        String status) {

    static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link QueueItem} by naming its parts; unset flags are false, numbers 0, lists empty and optional parts null. */
    static final class Builder {

        private long id;
        private @Nullable String postTitle;
        private @Nullable String postUrl;
        private @Nullable String authorName;
        private @Nullable String authorEmail;
        private @Nullable String authorUrl;
        private @Nullable String body;
        private @Nullable String createdIso;
        private @Nullable String createdText;
        private boolean byAuthor;
        private boolean isReply;
        private @Nullable String status;

        private Builder() {}

        Builder id(long id) {
            this.id = id;
            return this;
        }

        Builder postTitle(String postTitle) {
            this.postTitle = postTitle;
            return this;
        }

        Builder postUrl(String postUrl) {
            this.postUrl = postUrl;
            return this;
        }

        Builder authorName(String authorName) {
            this.authorName = authorName;
            return this;
        }

        Builder authorEmail(String authorEmail) {
            this.authorEmail = authorEmail;
            return this;
        }

        Builder authorUrl(@Nullable String authorUrl) {
            this.authorUrl = authorUrl;
            return this;
        }

        Builder body(String body) {
            this.body = body;
            return this;
        }

        Builder createdIso(String createdIso) {
            this.createdIso = createdIso;
            return this;
        }

        Builder createdText(String createdText) {
            this.createdText = createdText;
            return this;
        }

        Builder byAuthor(boolean byAuthor) {
            this.byAuthor = byAuthor;
            return this;
        }

        Builder isReply(boolean isReply) {
            this.isReply = isReply;
            return this;
        }

        Builder status(String status) {
            this.status = status;
            return this;
        }

        QueueItem build() {
            return new QueueItem(
                    id,
                    requireNonNull(postTitle, "postTitle"),
                    requireNonNull(postUrl, "postUrl"),
                    requireNonNull(authorName, "authorName"),
                    requireNonNull(authorEmail, "authorEmail"),
                    authorUrl,
                    requireNonNull(body, "body"),
                    requireNonNull(createdIso, "createdIso"),
                    requireNonNull(createdText, "createdText"),
                    byAuthor,
                    isReply,
                    requireNonNull(status, "status"));
        }
    }
}
