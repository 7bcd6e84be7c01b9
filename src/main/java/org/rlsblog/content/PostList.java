package org.rlsblog.content;

import java.util.List;

/** One page of posts, newest first; {@code page} is 1-based. */
public record PostList(List<Post> posts, int page, int totalPages, int total) {

    public PostList {
        posts = List.copyOf(posts);
    }

    public boolean hasNewer() {
        return page > 1;
    }

    public boolean hasOlder() {
        return page < totalPages;
    }
}
