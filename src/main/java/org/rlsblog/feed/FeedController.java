package org.rlsblog.feed;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.rlsblog.NotFoundException;
import org.rlsblog.comments.Comment;
import org.rlsblog.comments.CommentChanged;
import org.rlsblog.comments.CommentService;
import org.rlsblog.content.CommentMode;
import org.rlsblog.content.ContentChanged;
import org.rlsblog.content.Post;
import org.rlsblog.content.PostCatalog;
import org.rlsblog.content.Tag;
import org.springframework.context.event.EventListener;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.DigestUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Atom and RSS feeds: the latest posts ({@code /feed.atom}, {@code /feed.rss}, and WordPress's
 * {@code /feed/}), per tag, and the latest approved comments that readers can see. A feed is
 * written once and kept until the content (or, for comments, a comment) changes or a scheduled
 * post comes out; answers carry ETag and Last-Modified, so conditional requests get 304.
 */
@Controller
class FeedController {

    private static final Duration CACHE_FOR = Duration.ofMinutes(5);
    /** Another replica may have changed comments, so a stored comment feed is remade this often. */
    private static final Duration COMMENT_FEED_KEPT_AT_MOST = Duration.ofSeconds(30);
    /**
     * How many of the newest approved comments the comment feed reads at most to fill itself, so
     * that a hidden post with a long thread cannot make each rewrite of the feed read the whole store.
     */
    private static final int COMMENTS_READ_AT_MOST = 1_000;

    private final PostCatalog catalog;
    private final CommentService comments;
    private final FeedWriter writer;
    private final FeedProperties properties;
    private final Clock clock;
    private final ConcurrentHashMap<String, Rendered> cache = new ConcurrentHashMap<>();

    FeedController(
            PostCatalog catalog, CommentService comments, FeedWriter writer, FeedProperties properties, Clock clock) {
        this.clock = clock;
        this.catalog = catalog;
        this.comments = comments;
        this.writer = writer;
        this.properties = properties;
    }

    /** A written feed, valid while the newest visible post is the same one. */
    private record Rendered(String key, byte[] body, String etag, Instant lastModified, Instant writtenAt) {}

    @GetMapping("/feed.atom")
    ResponseEntity<byte[]> showAtomFeed() {
        return posts(FeedWriter.Format.ATOM, "posts.atom", "/feed.atom", "/", catalog.published(), "");
    }

    @GetMapping({"/feed.rss", "/feed", "/feed/"})
    ResponseEntity<byte[]> showRssFeed() {
        return posts(FeedWriter.Format.RSS, "posts.rss", "/feed.rss", "/", catalog.published(), "");
    }

    @GetMapping("/tags/{tag}/feed.atom")
    ResponseEntity<byte[]> showTagFeed(@PathVariable String tag) {
        Tag found = catalog.findTag(tag).orElseThrow(() -> new NotFoundException("no tag " + tag));
        // a tag that only scheduled posts carry is not public yet: no feed, as there is no tag page
        List<Post> posts = catalog.tagged(tag, 1, properties.size())
                .map(list -> list.posts())
                .orElseThrow(() -> new NotFoundException("no posts " + tag));
        return posts(
                FeedWriter.Format.ATOM,
                "tag." + tag,
                "/tags/" + tag + "/feed.atom",
                "/tags/" + tag,
                posts,
                "Articles tagged " + found.name());
    }

    @GetMapping("/comments/feed.atom")
    ResponseEntity<byte[]> showCommentFeed() {
        Rendered cachedComments = cache.get("comments");
        if (cachedComments != null
                && cachedComments.writtenAt().isBefore(clock.instant().minus(COMMENT_FEED_KEPT_AT_MOST))) {
            cache.remove("comments", cachedComments);
        }
        Rendered rendered = cache.computeIfAbsent("comments", key -> {
            Map<String, Post> posts = new HashMap<>();
            List<Comment> latest = shownComments(properties.commentsSize(), posts);
            String xml = writer.comments(
                    FeedWriter.Format.ATOM,
                    "Latest comments",
                    latest,
                    slug -> posts.get(slug).title());
            Instant modified = latest.stream()
                    .map(Comment::updatedAt)
                    .max(Instant::compareTo)
                    .orElse(Instant.EPOCH);
            return rendered(key, xml, modified);
        });
        return answer(rendered, FeedWriter.Format.ATOM);
    }

    /**
     * The newest approved comments that readers see: on a published post that shows its comments
     * (open or closed). Those on a hidden, draft, scheduled or deleted post are skipped, and more are
     * read until the feed is full, the store has no more, or {@link #COMMENTS_READ_AT_MOST} were read.
     *
     * @param posts filled with the post of each comment returned, by slug
     */
    private List<Comment> shownComments(int wanted, Map<String, Post> posts) {
        int asked = wanted;
        while (true) {
            List<Comment> newest = comments.latestApproved(asked);
            List<Comment> shown = new ArrayList<>();
            for (Comment comment : newest) {
                Optional<Post> post =
                        catalog.findPost(comment.postSlug()).filter(p -> p.comments() != CommentMode.HIDDEN);
                if (post.isPresent()) {
                    posts.put(comment.postSlug(), post.get());
                    shown.add(comment);
                    if (shown.size() == wanted) {
                        return shown;
                    }
                }
            }
            if (newest.size() < asked || asked >= COMMENTS_READ_AT_MOST) {
                return shown;
            }
            asked = Math.min(asked * 4, COMMENTS_READ_AT_MOST);
        }
    }

    @EventListener
    void onContentChanged(ContentChanged event) {
        cache.clear();
    }

    @EventListener
    void onCommentChanged(CommentChanged event) {
        cache.remove("comments");
    }

    private ResponseEntity<byte[]> posts(
            FeedWriter.Format format,
            String name,
            String selfPath,
            String pagePath,
            List<Post> newestFirst,
            String title) {
        List<Post> latest = newestFirst.subList(0, Math.min(properties.size(), newestFirst.size()));
        String key = name + "|" + catalog.loadedAt() + "|"
                + (latest.isEmpty() ? "" : latest.get(0).slug());
        Rendered rendered = cache.get(name);
        if (rendered == null || !rendered.key().equals(key)) {
            String xml = writer.posts(format, title, selfPath, pagePath, latest);
            Instant modified = latest.stream()
                    .map(p -> p.lastModified().toInstant())
                    .max(Instant::compareTo)
                    .orElse(catalog.loadedAt());
            rendered = rendered(key, xml, modified);
            cache.put(name, rendered);
        }
        return answer(rendered, format);
    }

    private Rendered rendered(String key, String xml, Instant modified) {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        return new Rendered(key, body, "\"" + DigestUtils.md5DigestAsHex(body) + "\"", modified, clock.instant());
    }

    private static ResponseEntity<byte[]> answer(Rendered rendered, FeedWriter.Format format) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.parseMediaType(format.mediaType), StandardCharsets.UTF_8))
                .eTag(rendered.etag())
                .lastModified(rendered.lastModified())
                .cacheControl(CacheControl.maxAge(CACHE_FOR).cachePublic())
                .body(rendered.body());
    }
}
