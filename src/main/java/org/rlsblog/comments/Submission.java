package org.rlsblog.comments;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a reader sent, already validated for shape (lengths, e-mail, URL), with what is known of
 * the client: the address (hashed before it is stored), the signed form token from when the form
 * was shown, and whether the hidden honeypot field was filled in. Also what the browser shows of
 * its commenter: the ids of the comments it wrote (from its genuine pending-comment tokens) and
 * the signed token of an address confirmed in it, which {@code moderation=returning} trusts.
 * Built with {@link #builder()}.
 */
public record Submission(
        String postSlug,
        @Nullable Long parentId,
        Author author,
        String body,
        boolean notifyReplies,
        String clientAddress,
        @Nullable String formToken,
        boolean honeypotFilled,
        Set<Long> ownCommentIds,
        @Nullable String addressToken) {

    public Submission {
        ownCommentIds = Set.copyOf(ownCommentIds);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this submission, to change some of it. */
    public Builder toBuilder() {
        return builder()
                .postSlug(postSlug)
                .parentId(parentId)
                .author(author)
                .body(body)
                .notifyReplies(notifyReplies)
                .clientAddress(clientAddress)
                .formToken(formToken)
                .honeypotFilled(honeypotFilled)
                .ownCommentIds(ownCommentIds)
                .addressToken(addressToken);
    }

    /** Builds a submission by naming its fields; unset flags are false and unset optional fields null. */
    public static final class Builder {

        private @Nullable String postSlug;
        private @Nullable Long parentId;
        private @Nullable Author author;
        private @Nullable String body;
        private boolean notifyReplies;
        private @Nullable String clientAddress;
        private @Nullable String formToken;
        private boolean honeypotFilled;
        private Set<Long> ownCommentIds = Set.of();
        private @Nullable String addressToken;

        private Builder() {}

        public Builder postSlug(String postSlug) {
            this.postSlug = postSlug;
            return this;
        }

        public Builder parentId(@Nullable Long parentId) {
            this.parentId = parentId;
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

        public Builder notifyReplies(boolean notifyReplies) {
            this.notifyReplies = notifyReplies;
            return this;
        }

        public Builder clientAddress(String clientAddress) {
            this.clientAddress = clientAddress;
            return this;
        }

        public Builder formToken(@Nullable String formToken) {
            this.formToken = formToken;
            return this;
        }

        public Builder honeypotFilled(boolean honeypotFilled) {
            this.honeypotFilled = honeypotFilled;
            return this;
        }

        /** The ids in the browser's genuine pending-comment tokens. */
        public Builder ownCommentIds(Set<Long> ownCommentIds) {
            this.ownCommentIds = ownCommentIds;
            return this;
        }

        /** The browser's token of a confirmed address ({@link CommentService#addressToken}), if it sent one. */
        public Builder addressToken(@Nullable String addressToken) {
            this.addressToken = addressToken;
            return this;
        }

        public Submission build() {
            return new Submission(
                    requireNonNull(postSlug, "postSlug"),
                    parentId,
                    requireNonNull(author, "author"),
                    requireNonNull(body, "body"),
                    notifyReplies,
                    requireNonNull(clientAddress, "clientAddress"),
                    formToken,
                    honeypotFilled,
                    ownCommentIds,
                    addressToken);
        }
    }
}
