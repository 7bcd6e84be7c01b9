package org.rlsblog.moderation;

import java.util.Locale;
import java.util.Optional;
import org.rlsblog.comments.CommentStatus;

/** What a moderation button does; the URL segment is the lower-case name. */
enum ModerationAction {
    APPROVE(CommentStatus.APPROVED),
    UNAPPROVE(CommentStatus.PENDING),
    SPAM(CommentStatus.SPAM),
    TRASH(CommentStatus.TRASH),
    RESTORE(CommentStatus.PENDING),
    DELETE(null);

    private final CommentStatus target;

    ModerationAction(CommentStatus target) {
        this.target = target;
    }

    Optional<CommentStatus> target() {
        return Optional.ofNullable(target);
    }

    static Optional<ModerationAction> of(String name) {
        try {
            return Optional.of(valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
