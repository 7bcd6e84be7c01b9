package org.rlsblog.article;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The comment part of an article page: the thread, whether the form is shown, and the reply
 * target when the reader clicked "Reply".
 *
 * @param count approved comments
 * @param formOpen whether new comments are accepted (front matter {@code comments: open})
 * @param visible whether comments are shown at all ({@code comments: hidden} hides them)
 * @param storeDown the comment store could not be read: no comments shown, the form still is
 */
record CommentSection(
        List<CommentView> comments,
        int count,
        boolean visible,
        boolean formOpen,
        String action,
        @Nullable CommentView replyingTo,
        @Nullable String cancelReplyUrl,
        boolean storeDown) {}
