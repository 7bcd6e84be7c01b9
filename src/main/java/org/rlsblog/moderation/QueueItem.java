package org.rlsblog.moderation;

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
        String status) {}
