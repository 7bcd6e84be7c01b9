package org.rlsblog.content;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The published content, as of now. Reads from an immutable {@link ContentSnapshot} that a
 * reload swaps atomically; a post dated in the future is in the snapshot but hidden until its
 * moment comes, so it appears without a reload. No method here does work proportional to the
 * number of posts, except {@link #published()}, which returns a view.
 */
@Service
public class PostCatalog {

    private static final Logger log = LoggerFactory.getLogger(PostCatalog.class);

    private final ContentLoader loader;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AtomicReference<ContentSnapshot> snapshot;
    private volatile boolean loaded;

    PostCatalog(ContentLoader loader, Clock clock, ApplicationEventPublisher events) {
        this.loader = loader;
        this.clock = clock;
        this.events = events;
        this.snapshot = new AtomicReference<>(ContentSnapshot.empty(clock.instant()));
        reload();
    }

    /**
     * Reads the content folder again and swaps the new snapshot in. When the folder is missing or
     * unreadable, the site keeps serving what it had and the problem is logged.
     *
     * @return whether a new snapshot was swapped in
     */
    public synchronized boolean reload() {
        long start = System.nanoTime();
        ContentSnapshot next;
        try {
            next = loader.load();
        } catch (IOException | RuntimeException e) {
            log.error(
                    "Content not reloaded, still serving the {} posts loaded before: {}",
                    snapshot.get().posts().size(),
                    e.getMessage());
            return false;
        }
        ContentSnapshot previous = snapshot.getAndSet(next);
        loaded = true;
        Set<ContentProblem> known = new HashSet<>(previous.problems());
        next.problems().stream().filter(p -> !known.contains(p)).forEach(p -> log.warn("Content problem: {}", p));
        log.info(
                "Content loaded: {} posts, {} pages, {} problems in {} ms",
                next.posts().size(),
                next.pages().size(),
                next.problems().size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        events.publishEvent(new ContentChanged(
                next.loadedAt(),
                next.posts().size(),
                next.pages().size(),
                next.problems().size()));
        return true;
    }

    /** Whether content has been read at least once (for readiness). */
    public boolean isLoaded() {
        return loaded;
    }

    public Instant loadedAt() {
        return snapshot.get().loadedAt();
    }

    /** A published post by slug; drafts and posts dated in the future are not found. */
    public Optional<Post> findPost(String slug) {
        ContentSnapshot current = snapshot.get();
        Integer index = current.indexBySlug().get(slug);
        if (index == null) {
            return Optional.empty();
        }
        Post post = current.posts().get(index);
        return isDue(post) ? Optional.of(post) : Optional.empty();
    }

    /** A post by slug whatever its date, for comments on a post that is scheduled or was just hidden. */
    public Optional<Post> findAnyPost(String slug) {
        ContentSnapshot current = snapshot.get();
        Integer index = current.indexBySlug().get(slug);
        return index == null ? Optional.empty() : Optional.of(current.posts().get(index));
    }

    /** Page {@code page} (1-based) of the published posts; empty when there is no such page. */
    public Optional<PostList> latest(int page, int size) {
        return PostList.page(published(), page, size);
    }

    /** Page {@code page} of the posts with a tag; empty for an unknown tag or page. */
    public Optional<PostList> tagged(String tagSlug, int page, int size) {
        List<Post> all = snapshot.get().postsByTag().get(tagSlug);
        if (all == null) {
            return Optional.empty();
        }
        List<Post> visible = ContentSnapshot.dueBy(all, clock.instant());
        return visible.isEmpty() ? Optional.empty() : PostList.page(visible, page, size);
    }

    public Optional<Tag> findTag(String tagSlug) {
        return Optional.ofNullable(snapshot.get().tags().get(tagSlug));
    }

    /** Every post in the snapshot, scheduled ones included, newest first (for indexes that filter by date). */
    public List<Post> allPosts() {
        return snapshot.get().posts();
    }

    /** All published posts, newest first. */
    public List<Post> published() {
        return ContentSnapshot.dueBy(snapshot.get().posts(), clock.instant());
    }

    /** The published posts next to this one in time. */
    public Neighbours neighbours(Post post) {
        ContentSnapshot current = snapshot.get();
        Integer index = current.indexBySlug().get(post.slug());
        if (index == null) {
            return new Neighbours(null, null);
        }
        List<Post> posts = current.posts();
        Post newer = index > 0 && isDue(posts.get(index - 1)) ? posts.get(index - 1) : null;
        Post older = index + 1 < posts.size() ? posts.get(index + 1) : null;
        return new Neighbours(newer, older);
    }

    /**
     * When the next scheduled post goes live, if one is scheduled: the lists, the feeds and its
     * neighbour's page change then without a reload.
     */
    public Optional<Instant> nextPublication() {
        List<Post> newestFirst = snapshot.get().posts();
        int scheduled = newestFirst.size()
                - ContentSnapshot.dueBy(newestFirst, clock.instant()).size();
        return scheduled == 0
                ? Optional.empty()
                : Optional.of(newestFirst.get(scheduled - 1).published().toInstant());
    }

    public Optional<Page> findPage(String slug) {
        return Optional.ofNullable(snapshot.get().pages().get(slug));
    }

    public List<Page> pages() {
        return snapshot.get().pages().values().stream()
                .sorted(Comparator.comparing(Page::slug))
                .toList();
    }

    /**
     * A file that a published bundle post serves beside its text ({@code /posts/{slug}/{name}}): an
     * image or media file right beside its {@code index.md}; never its Markdown, nothing elsewhere.
     */
    public Optional<Path> postFile(String slug, String name) {
        return findPost(slug).flatMap(post -> ImageLinks.bundleFile(post.bundle(), name));
    }

    /** As {@link #postFile}, for a bundle page ({@code /{slug}/{name}}). */
    public Optional<Path> pageFile(String slug, String name) {
        return findPage(slug).flatMap(page -> ImageLinks.bundleFile(page.bundle(), name));
    }

    /** Where an old address ({@code aliases:} in front matter) now lives, if it is one. */
    public Optional<String> aliasTarget(String path) {
        String target = snapshot.get().aliases().get(Aliases.normalize(path));
        if (target == null || !target.startsWith("/posts/")) {
            return Optional.ofNullable(target);
        }
        return findPost(target.substring("/posts/".length())).map(Post::url);
    }

    /** Where the post or page with this WordPress id ({@code wordpress_id}, {@code wordpress_attachments}) lives. */
    public Optional<String> wordpressTarget(long wordpressId) {
        return aliasTarget(Aliases.WORDPRESS_KEY + wordpressId);
    }

    /** Whether {@code path} is one of the site's own addresses, which no page or alias may take. */
    public static boolean isReservedAddress(String path) {
        return Aliases.isReserved(path);
    }

    /** Files left out of the current snapshot, and why. */
    public List<ContentProblem> problems() {
        return snapshot.get().problems();
    }

    /** What the author should fix in files that are on the site (an image without alt text, an unknown key). */
    public List<ContentProblem> warnings() {
        return snapshot.get().warnings();
    }

    /** The draft posts ({@code draft: true}), newest first: in no list, feed or index, only in previews. */
    public List<Post> drafts() {
        return snapshot.get().drafts();
    }

    /** The draft pages, by slug. */
    public List<Page> draftPages() {
        return snapshot.get().draftPages().stream()
                .sorted(Comparator.comparing(Page::slug))
                .toList();
    }

    /** A draft or a scheduled post by slug, for its preview; a published post is not one. */
    public Optional<Post> findUnpublished(String slug) {
        Optional<Post> scheduled = findAnyPost(slug).filter(post -> !isDue(post));
        if (scheduled.isPresent()) {
            return scheduled;
        }
        return snapshot.get().drafts().stream()
                .filter(draft -> draft.slug().equals(slug))
                .findFirst();
    }

    /** Whether this post is on the site now: not a draft, and dated now or earlier. */
    public boolean isPublished(Post post) {
        return findPost(post.slug())
                .filter(p -> p.source().equals(post.source()))
                .isPresent();
    }

    private boolean isDue(Post post) {
        return !post.published().toInstant().isAfter(clock.instant());
    }
}
