package org.rlsblog.comments;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A comment from elsewhere (the seed, a WordPress export), keyed so that importing twice adds
 * nothing. Built with {@link #builder()}.
 */
public record ImportedComment(
        String importKey,
        String postSlug,
        @Nullable String parentImportKey,
        Author author,
        String body,
        CommentStatus status,
        boolean byAuthor,
        Instant createdAt) {

    /** Imported text is checked as a reader's is (see {@link Author#imported()}). */
    public ImportedComment {
        author = author.imported();
        body = XmlText.legal(body);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an imported comment by naming its fields; unset optional fields are null, by the author false. */
    public static final class Builder {

        private @Nullable String importKey;
        private @Nullable String postSlug;
        private @Nullable String parentImportKey;
        private @Nullable Author author;
        private @Nullable String body;
        private @Nullable CommentStatus status;
        private boolean byAuthor;
        private @Nullable Instant createdAt;

        private Builder() {}

        public Builder importKey(String importKey) {
            this.importKey = importKey;
            return this;
        }

        public Builder postSlug(String postSlug) {
            this.postSlug = postSlug;
            return this;
        }

        public Builder parentImportKey(@Nullable String parentImportKey) {
            this.parentImportKey = parentImportKey;
            return this;
        }

        public Builder author(Author author) {
            this.author = author;
            return this;
        }

        public Builder body(String body) {
            this.body = body;
            return this;
        }

        public Builder status(CommentStatus status) {
            this.status = status;
            return this;
        }

        public Builder byAuthor(boolean byAuthor) {
            this.byAuthor = byAuthor;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public ImportedComment build() {
            return new ImportedComment(
                    requireNonNull(importKey, "importKey"),
                    requireNonNull(postSlug, "postSlug"),
                    parentImportKey,
                    requireNonNull(author, "author"),
                    requireNonNull(body, "body"),
                    requireNonNull(status, "status"),
                    byAuthor,
                    requireNonNull(createdAt, "createdAt"));
        }
    }
}
