package org.rlsblog.newsletter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.rlsblog.content.Post;
import org.rlsblog.content.PostCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides which posts are mailed: a post is announced when its date is reached, once. The store
 * remembers every post it has seen ({@code newsletter_post}): one first seen before its date is
 * scheduled and announced when the date comes; one first seen dated more than {@link #NEW_FOR}
 * ago (an import, an old file) is skipped; on the very first start every published post is
 * skipped, so a new install does not mail the archive. An edit never announces again.
 */
@Component
class Announcements {

    private static final Logger log = LoggerFactory.getLogger(Announcements.class);

    /**
     * A post first seen at most this long after its date is new: a file dated today (a date without
     * a time is midnight) or dated "now" and saved a little later.
     */
    static final Duration NEW_FOR = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final PostCatalog catalog;
    private final Clock clock;
    private final TransactionTemplate transactions;
    /** Whether content may have changed since the last scan; the first scan reads it all. */
    private final AtomicBoolean contentChanged = new AtomicBoolean(true);

    Announcements(JdbcClient jdbc, PostCatalog catalog, Clock clock, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** Records posts not seen before, and announces those whose date has come; returns how many were announced. */
    synchronized int scan() {
        int announced = 0;
        if (contentChanged.getAndSet(false)) {
            announced += recordNewPosts();
        }
        for (String slug : jdbc.sql("SELECT slug FROM newsletter_post WHERE state = 'SCHEDULED'")
                .query(String.class)
                .list()) {
            Optional<Post> post = catalog.findPost(slug);
            if (post.isPresent() && announce(post.get(), false)) {
                announced++;
            }
        }
        return announced;
    }

    /** A new content snapshot is in: the next scan looks for posts not seen before. */
    void contentChanged() {
        contentChanged.set(true);
    }

    private int recordNewPosts() {
        Set<String> known = new HashSet<>(
                jdbc.sql("SELECT slug FROM newsletter_post").query(String.class).list());
        Instant now = clock.instant();
        List<Post> unseen = catalog.allPosts().stream()
                .filter(post -> !known.contains(post.slug()))
                .toList();
        if (unseen.isEmpty()) {
            return 0;
        }
        if (known.isEmpty()) {
            seedFirstStart(unseen, now);
            return 0;
        }
        int announced = 0;
        for (Post post : unseen) {
            Instant date = post.published().toInstant();
            if (date.isAfter(now)) {
                insert(post.slug(), "SCHEDULED", null);
            } else if (!date.isBefore(now.minus(NEW_FOR)) && announce(post, true)) {
                announced++;
            } else {
                insert(post.slug(), "SKIPPED", null);
            }
        }
        return announced;
    }

    /** The first start: what is published is the archive, not news. One transaction, so a second replica waits. */
    private void seedFirstStart(List<Post> posts, Instant now) {
        try {
            transactions.executeWithoutResult(status -> {
                for (Post post : posts) {
                    insert(post.slug(), post.published().toInstant().isAfter(now) ? "SCHEDULED" : "SKIPPED", null);
                }
            });
            log.info("Newsletter: {} posts already on the site will not be mailed", posts.size());
        } catch (DuplicateKeyException anotherReplicaSeeded) {
            log.debug("Newsletter: another instance recorded the posts first");
        }
    }

    /**
     * Announces the post: its row becomes ANNOUNCED (or SKIPPED for {@code newsletter: false}) and
     * a delivery is made for each confirmed subscriber, in one transaction. Only the instance whose
     * insert or update takes the row does it.
     */
    private boolean announce(Post post, boolean firstSeen) {
        String state = post.newsletter() ? "ANNOUNCED" : "SKIPPED";
        Boolean done = transactions.execute(status -> {
            OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
            boolean took;
            if (firstSeen) {
                took = insert(post.slug(), state, now);
                if (!took) {
                    status.setRollbackOnly(); // PostgreSQL ends a transaction at a failed statement
                }
            } else {
                took = jdbc.sql("UPDATE newsletter_post SET state = :state, announced_at = :now"
                                        + " WHERE slug = :slug AND state = 'SCHEDULED'")
                                .param("slug", post.slug())
                                .param("state", state)
                                .param("now", now)
                                .update()
                        == 1;
            }
            if (!took || !post.newsletter()) {
                return false;
            }
            int deliveries =
                    jdbc.sql("""
                            INSERT INTO newsletter_delivery (post_slug, subscriber_id, state, attempts, next_attempt_at)
                            SELECT :slug, id, 'PENDING', 0, :now FROM newsletter_subscriber WHERE confirmed_at IS NOT NULL""").param("slug", post.slug()).param("now", now).update();
            log.info("Newsletter: \"{}\" is published; mailing it to {} subscribers", post.title(), deliveries);
            return true;
        });
        return Boolean.TRUE.equals(done);
    }

    /** Inserts the post's row; false if another instance recorded it first. */
    private boolean insert(String slug, String state, @Nullable OffsetDateTime announcedAt) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        try {
            jdbc.sql("INSERT INTO newsletter_post (slug, state, first_seen_at, announced_at)"
                            + " VALUES (:slug, :state, :now, :announced)")
                    .param("slug", slug)
                    .param("state", state)
                    .param("now", now)
                    .param("announced", announcedAt == null ? now : announcedAt)
                    .update();
            return true;
        } catch (DuplicateKeyException anotherInstanceWasFirst) {
            return false;
        }
    }
}
