package org.rlsblog.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rlsblog.comments.CommentStatus;

/** The queue offers each comment the actions that change it, and deleting always. */
class ModerationActionTests {

    @Test
    void offersOnlyTheActionsThatChangeTheCommentsStatus() {
        assertThat(ModerationAction.offeredFor(CommentStatus.PENDING))
                .containsExactly("approve", "spam", "trash", "delete");
        assertThat(ModerationAction.offeredFor(CommentStatus.APPROVED))
                .containsExactly("unapprove", "spam", "trash", "delete");
        assertThat(ModerationAction.offeredFor(CommentStatus.SPAM))
                .containsExactly("approve", "trash", "restore", "delete");
        assertThat(ModerationAction.offeredFor(CommentStatus.TRASH))
                .containsExactly("approve", "spam", "restore", "delete");
    }
}
