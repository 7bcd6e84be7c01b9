package org.rlsblog.web;

import org.jspecify.annotations.Nullable;
import org.rlsblog.content.Post;

/** A link to another post (previous/next). */
public record PostLink(String url, String title) {

    static @Nullable PostLink of(@Nullable Post post) {
        return post == null ? null : new PostLink(post.url(), post.title());
    }
}
