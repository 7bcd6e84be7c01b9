package org.rlsblog.article;

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
        List<CommentView> replies) {}
