package org.rlsblog.content;

import java.util.List;
import java.util.Optional;

/** One page of posts, newest first; {@code page} is 1-based. */
public record PostList(List<Post> posts, int page, int totalPages, int total) {

    public PostList {
        posts = List.copyOf(posts);
    }

    /** Page {@code page} (1-based) of {@code size} posts; empty when there is no such page. */
    static Optional<PostList> page(List<Post> posts, int page, int size) {
        int totalPages = Math.max(1, (posts.size() + size - 1) / size);
        if (page < 1 || page > totalPages) {
            return Optional.empty();
        }
        int from = (page - 1) * size;
        int to = Math.min(posts.size(), from + size);
        return Optional.of(new PostList(posts.subList(from, to), page, totalPages, posts.size()));
    }

    public boolean hasNewer() {
        return page > 1;
    }

    public boolean hasOlder() {
        return page < totalPages;
    }
}
