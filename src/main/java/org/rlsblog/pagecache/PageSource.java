package org.rlsblog.pagecache;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a stored page was made from, and when: the store uses it only while these still hold.
 *
 * @param postSlug the article's post, or {@code null} for a list, a feed or a search
 * @param contentLoadedAt the content snapshot the page shows
 * @param commentVersion the post's comment version the page shows (articles only)
 * @param staleAt when a scheduled post goes live, which the page does not show yet
 * @param madeAt when the page was made
 */
record PageSource(
        @Nullable String postSlug, Instant contentLoadedAt, long commentVersion, Instant staleAt, Instant madeAt) {

    boolean isArticle() {
        return postSlug != null;
    }
}
