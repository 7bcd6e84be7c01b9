package org.rlsblog.moderation;

import java.util.Arrays;
import java.util.List;
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

    /** The URL segments of the actions a comment in {@code status} is offered, in button order. */
    static List<String> offeredFor(CommentStatus status) {
        return Arrays.stream(values())
                .filter(action -> action.offeredOn(status))
                .map(action -> action.name().toLowerCase(Locale.ROOT))
                .toList();
    }

    /** Whether the button makes sense for a comment in {@code status}: no action that changes nothing. */
    private boolean offeredOn(CommentStatus status) {
        return switch (this) {
            case APPROVE, SPAM, TRASH -> status != target;
            case UNAPPROVE -> status == CommentStatus.APPROVED;
            case RESTORE -> status == CommentStatus.SPAM || status == CommentStatus.TRASH;
            case DELETE -> true;
        };
    }

    static Optional<ModerationAction> of(String name) {
        try {
            return Optional.of(valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
