package org.rlsblog.comments;

import static org.rlsblog.comments.SqlTimes.instant;
import static org.rlsblog.comments.SqlTimes.utc;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each post's comment version, a counter bumped in the transaction of every change to the post's
 * comments, so that a cache keyed on it can never miss a change (every replica reads it from the
 * database).
 */
@Repository
class CommentVersions {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate transactions;

    /** Posts known to have a version row (rows are never deleted), to skip the check. */
    private final Set<String> postsWithRow = ConcurrentHashMap.newKeySet();

    CommentVersions(JdbcClient jdbc, Clock clock, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** A post's comment version and when it last changed; version 0 for a post without comments. */
    CommentVersion version(String postSlug) {
        return jdbc.sql("SELECT version, changed_at FROM post_comment_version WHERE post_slug = :slug")
                .param("slug", postSlug)
                .query((rs, n) -> new CommentVersion(rs.getLong("version"), instant(rs, "changed_at")))
                .optional()
                .orElse(CommentVersion.NONE);
    }

    /** Runs a write and the bump of the post's version in one transaction of their own. */
    <T> T change(String postSlug, Supplier<T> write) {
        prepare(postSlug);
        return transactions.execute(status -> writeAndBump(postSlug, write));
    }

    /** Makes sure the post has a version row; to be called before the change's transaction. */
    void prepare(String postSlug) {
        if (!postsWithRow.contains(postSlug)) {
            ensureRow(postSlug, clock.instant());
            postsWithRow.add(postSlug);
        }
    }

    /** The write, then the bump unless the write returned false; to be called in the write's transaction. */
    <T> T writeAndBump(String postSlug, Supplier<T> write) {
        T result = write.get();
        if (!Boolean.FALSE.equals(result)) {
            bump(postSlug);
        }
        return result;
    }

    /** Bumps the post's version; to be called in the write's transaction, after {@link #prepare}. */
    void bump(String postSlug) {
        if (!bumpRow(postSlug, clock.instant())) {
            // the row went away (a store restored from an old backup): make it again next time
            postsWithRow.remove(postSlug);
        }
    }

    /**
     * Makes sure the post has a version row, outside any transaction: two replicas racing to
     * create it is harmless (one insert fails on the key and is ignored), and the change's own
     * transaction then only has to UPDATE, which every engine runs the same way.
     */
    void ensureRow(String postSlug, Instant now) {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM post_comment_version WHERE post_slug = :slug")
                        .param("slug", postSlug)
                        .query(Long.class)
                        .single()
                > 0;
        if (!exists) {
            try {
                jdbc.sql("INSERT INTO post_comment_version (post_slug, version, changed_at) VALUES (:slug, 0, :now)")
                        .param("slug", postSlug)
                        .param("now", utc(now))
                        .update();
            } catch (DuplicateKeyException anotherWriterWasFirst) {
                // the row is there: all we wanted
            }
        }
    }

    /** Counts one more change to a post's comments; false if the post has no version row. */
    boolean bumpRow(String postSlug, Instant now) {
        return jdbc.sql(
                                "UPDATE post_comment_version SET version = version + 1, changed_at = :now WHERE post_slug = :slug")
                        .param("slug", postSlug)
                        .param("now", utc(now))
                        .update()
                > 0;
    }
}
