package org.rlsblog.comments;

/** The outcome of {@link CommentService#submit}: stored (and committed), or rejected with a reason. */
public sealed interface SubmitResult {

    /** Stored durably; {@code comment.status()} says whether it is published or held. */
    record Accepted(Comment comment) implements SubmitResult {}

    /** Not stored; nothing was written. */
    record Rejected(Rejection reason) implements SubmitResult {}
}
