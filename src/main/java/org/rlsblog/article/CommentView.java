package org.rlsblog.article;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rlsblog.web.DateView;

/**
 * A comment as readers see it: never the e-mail address. {@code bodyHtml} is the reader's text
 * escaped and linkified by the comments feature; {@code authorUrl} only if it is http(s).
 */
record CommentView(
        long id,
        String anchor,
        String authorName,
        @Nullable String authorUrl,
        String bodyHtml,
        DateView date,
        boolean byAuthor,
        boolean pending,
        int depth,
        @Nullable String replyUrl,
        List<CommentView> replies) {

    static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CommentView} by naming its parts; unset flags are false, numbers 0, lists empty and optional parts null. */
    static final class Builder {

        private long id;
        private @Nullable String anchor;
        private @Nullable String authorName;
        private @Nullable String authorUrl;
        private @Nullable String bodyHtml;
        private @Nullable DateView date;
        private boolean byAuthor;
        private boolean pending;
        private int depth;
        private @Nullable String replyUrl;
        private List<CommentView> replies = List.of();

        private Builder() {}

        Builder id(long id) {
            this.id = id;
            return this;
        }

        Builder anchor(String anchor) {
            this.anchor = anchor;
            return this;
        }

        Builder authorName(String authorName) {
            this.authorName = authorName;
            return this;
        }

        Builder authorUrl(@Nullable String authorUrl) {
            this.authorUrl = authorUrl;
            return this;
        }

        Builder bodyHtml(String bodyHtml) {
            this.bodyHtml = bodyHtml;
            return this;
        }

        Builder date(DateView date) {
            this.date = date;
            return this;
        }

        Builder byAuthor(boolean byAuthor) {
            this.byAuthor = byAuthor;
            return this;
        }

        Builder pending(boolean pending) {
            this.pending = pending;
            return this;
        }

        Builder depth(int depth) {
            this.depth = depth;
            return this;
        }

        Builder replyUrl(@Nullable String replyUrl) {
            this.replyUrl = replyUrl;
            return this;
        }

        Builder replies(List<CommentView> replies) {
            this.replies = replies;
            return this;
        }

        CommentView build() {
            return new CommentView(
                    id,
                    requireNonNull(anchor, "anchor"),
                    requireNonNull(authorName, "authorName"),
                    authorUrl,
                    requireNonNull(bodyHtml, "bodyHtml"),
                    requireNonNull(date, "date"),
                    byAuthor,
                    pending,
                    depth,
                    replyUrl,
                    replies);
        }
    }
}
