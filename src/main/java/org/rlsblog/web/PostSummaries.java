package org.rlsblog.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rlsblog.comments.CommentService;
import org.rlsblog.content.CommentMode;
import org.rlsblog.content.Post;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Cards for a list of posts, each with its approved comment count (one query for the whole list);
 * a post that hides its comments shows no count, as its page shows no comments.
 */
@Component
class PostSummaries {

    private final PostViews views;
    private final CommentService comments;

    PostSummaries(PostViews views, CommentService comments) {
        this.views = views;
        this.comments = comments;
    }

    List<PostSummary> of(List<Post> posts, Locale locale) {
        Map<String, Long> counts = counts(posts);
        return posts.stream()
                .map(p -> views.summary(p, showsComments(p) ? counts.getOrDefault(p.slug(), 0L) : null, locale))
                .toList();
    }

    /** Approved comment counts; none while the comment store is away (the list is still served). */
    private Map<String, Long> counts(List<Post> posts) {
        try {
            return comments.approvedCounts(posts.stream()
                    .filter(PostSummaries::showsComments)
                    .map(Post::slug)
                    .toList());
        } catch (DataAccessException storeDown) {
            return Map.of();
        }
    }

    private static boolean showsComments(Post post) {
        return post.comments() != CommentMode.HIDDEN;
    }
}
