package org.rlsblog.web;

import java.util.List;
import java.util.Locale;
import org.rlsblog.content.Post;
import org.springframework.stereotype.Component;

/** Cards for a list of posts, each with its approved comment count. */
@Component
class PostSummaries {

    private final PostViews views;

    PostSummaries(PostViews views) {
        this.views = views;
    }

    List<PostSummary> of(List<Post> posts, Locale locale) {
        return posts.stream().map(p -> views.summary(p, 0, locale)).toList();
    }
}
