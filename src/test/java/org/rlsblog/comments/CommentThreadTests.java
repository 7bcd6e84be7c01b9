package org.rlsblog.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class CommentThreadTests {

    private static final Instant START = Instant.parse("2025-01-01T10:00:00Z");

    private static Comment aComment(long id, @Nullable Long parentId) {
        return aComment(id, parentId, CommentStatus.APPROVED);
    }

    private static Comment aComment(long id, @Nullable Long parentId, CommentStatus status) {
        Instant created = START.plusSeconds(60 * id);
        return Comment.builder()
                .id(id)
                .postSlug("a-post")
                .parentId(parentId)
                .author(Author.of("Reader " + id, "reader" + id + "@example.com"))
                .body("Comment number " + id)
                .status(status)
                .createdAt(created)
                .updatedAt(created)
                .build();
    }

    private static List<Long> ids(List<CommentThread.Node> nodes) {
        return nodes.stream().map(n -> n.comment().id()).toList();
    }

    @Test
    void listsTopLevelCommentsOldestFirst() {
        CommentThread thread = CommentThread.of(List.of(aComment(1, null), aComment(2, null), aComment(3, null)), 3);

        assertThat(ids(thread.roots())).containsExactly(1L, 2L, 3L);
        assertThat(thread.roots()).allSatisfy(node -> assertThat(node.depth()).isEqualTo(1));
    }

    @Test
    void nestsRepliesUnderTheirParentOldestFirst() {
        CommentThread thread = CommentThread.of(
                List.of(aComment(1, null), aComment(2, null), aComment(3, 1L), aComment(4, 3L), aComment(5, 1L)), 3);

        assertThat(ids(thread.roots())).containsExactly(1L, 2L);
        CommentThread.Node first = thread.roots().get(0);
        assertThat(ids(first.replies())).containsExactly(3L, 5L);
        assertThat(first.replies().get(0).depth()).isEqualTo(2);
        assertThat(ids(first.replies().get(0).replies())).containsExactly(4L);
        assertThat(first.replies().get(0).replies().get(0).depth()).isEqualTo(3);
        assertThat(thread.roots().get(1).replies()).isEmpty();
    }

    @Test
    void showsARepliesDeeperThanTheLimitAtTheLimitUnderTheDeepestAllowedAncestor() {
        // 1 <- 2 <- 3 <- 4 <- 5, with max depth 3
        CommentThread thread = CommentThread.of(
                List.of(aComment(1, null), aComment(2, 1L), aComment(3, 2L), aComment(4, 3L), aComment(5, 4L)), 3);

        CommentThread.Node depth2 = thread.roots().get(0).replies().get(0);
        assertThat(depth2.comment().id()).isEqualTo(2L);
        assertThat(ids(depth2.replies())).containsExactly(3L, 4L, 5L);
        assertThat(depth2.replies()).allSatisfy(node -> {
            assertThat(node.depth()).isEqualTo(3);
            assertThat(node.replies()).isEmpty();
        });
    }

    @Test
    void keepsEveryReplyTopLevelWhenTheLimitIsOne() {
        CommentThread thread = CommentThread.of(List.of(aComment(1, null), aComment(2, 1L), aComment(3, 2L)), 1);

        assertThat(ids(thread.roots())).containsExactly(1L, 2L, 3L);
        assertThat(thread.roots()).allSatisfy(node -> assertThat(node.depth()).isEqualTo(1));
    }

    @Test
    void showsAReplyToAHiddenParentAsTopLevel() {
        // comment 1 is not in the list (pending for someone else, spam, trash or deleted)
        CommentThread thread = CommentThread.of(List.of(aComment(2, 1L), aComment(3, null), aComment(4, 2L)), 3);

        assertThat(ids(thread.roots())).containsExactly(2L, 3L);
        assertThat(thread.roots().get(0).depth()).isEqualTo(1);
        assertThat(ids(thread.roots().get(0).replies())).containsExactly(4L);
        assertThat(thread.roots().get(0).replies().get(0).depth()).isEqualTo(2);
    }

    @Test
    void countsOnlyApprovedComments() {
        CommentThread thread = CommentThread.of(
                List.of(
                        aComment(1, null),
                        aComment(2, 1L, CommentStatus.PENDING),
                        aComment(3, null, CommentStatus.PENDING),
                        aComment(4, 1L)),
                3);

        assertThat(thread.count()).isEqualTo(2);
        assertThat(ids(thread.roots())).containsExactly(1L, 3L);
        assertThat(ids(thread.roots().get(0).replies())).containsExactly(2L, 4L);
    }

    @Test
    void isEmptyWithoutComments() {
        CommentThread thread = CommentThread.of(List.of(), 3);

        assertThat(thread.roots()).isEmpty();
        assertThat(thread.count()).isZero();
    }
}
