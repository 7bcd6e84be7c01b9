package org.rlsblog.comments;

import com.carrotsearch.hppc.LongHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The (address, text) pairs of each post's comments, held in memory so that the duplicate check on
 * a submitted comment need not ask the store. On the embedded store that is what lets the comment
 * table do without an index on the text's hash: filled in random order, that index cost each commit
 * a page read back from the file and rewritten, the largest part of a comment's time in the store
 * once a post had many comments (see the README, "Benchmarks").
 *
 * <p>Only right when this process is the store's only writer: an embedded H2 database, whose file
 * one process at a time can open (not H2's server modes). With PostgreSQL, every replica writes to
 * the table, so {@link #mayHave} always answers "maybe" and the check asks the database, through the
 * index that PostgreSQL keeps.
 *
 * <p>A post's pairs are read from the store at its first check; every pair this process writes is
 * added before the statement that writes it runs. So the pairs held are at least all the pairs
 * stored, whatever the order: a pair not held is certainly not stored, and a pair held may be
 * stored (or belong to a comment since trashed, deleted or edited, or to a write that failed), which
 * the store then answers. Each pair is held as a 64-bit key, 11 to 21 bytes of heap (HPPC's set
 * of plain longs, three-quarters full at most) for each comment of a post that has been checked.
 */
final class CommentKeys {

    private final JdbcClient jdbc;
    private final Map<String, PostKeys> posts = new ConcurrentHashMap<>();
    /** Whether this process is the only writer; found from the store's URL at the first use. */
    private volatile Boolean soleWriter;

    CommentKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False only when no comment of this post has this address and text hash. */
    boolean mayHave(String postSlug, String authorEmail, String bodyHash) {
        if (!soleWriter()) {
            return true;
        }
        return loaded(postSlug).contains(key(authorEmail, bodyHash));
    }

    /** To call before a statement stores this pair, whether it then succeeds or not. */
    void add(String postSlug, String authorEmail, String bodyHash) {
        if (soleWriter()) {
            posts.computeIfAbsent(postSlug, slug -> new PostKeys()).add(key(authorEmail, bodyHash));
        }
    }

    /** To call before a statement gives this comment a new text. */
    void addEdited(long commentId, String bodyHash) {
        if (soleWriter()) {
            jdbc.sql("SELECT post_slug, author_email FROM comment WHERE id = :id")
                    .param("id", commentId)
                    .query(rs -> {
                        add(rs.getString(1), rs.getString(2), bodyHash);
                    });
        }
    }

    /**
     * Lets go of every pair held, after comments were deleted in bulk (the purge of old spam and
     * trash), so that memory follows the comments kept rather than all those ever written. Each
     * post's pairs are read again at its next check. A comment being written at that very moment
     * may be missed by that read until it is committed: the same moment in which two copies sent
     * at once both pass the check, as they always could.
     */
    void forgetAll() {
        posts.clear();
    }

    private PostKeys loaded(String postSlug) {
        PostKeys post = posts.computeIfAbsent(postSlug, slug -> new PostKeys());
        if (!post.loaded) {
            synchronized (post) {
                if (!post.loaded) {
                    jdbc.sql("SELECT author_email, body_hash FROM comment WHERE post_slug = :slug")
                            .param("slug", postSlug)
                            .query(rs -> {
                                post.add(key(rs.getString(1), rs.getString(2)));
                            });
                    post.loaded = true;
                }
            }
        }
        return post;
    }

    private boolean soleWriter() {
        Boolean sole = soleWriter;
        if (sole == null) {
            // the URL the pool's connections were opened with
            String url = jdbc.sql("SELECT 1").query(rs -> {
                return rs.getStatement().getConnection().getMetaData().getURL();
            });
            sole = isSoleWriter(url);
            soleWriter = sole;
        }
        return sole;
    }

    /**
     * Whether a database at this JDBC URL can only be written by the process that opened it: an
     * embedded H2 database (a file, which H2 locks, or memory), not one served to other processes.
     */
    static boolean isSoleWriter(String url) {
        if (url == null) {
            return false;
        }
        String u = url.toUpperCase(Locale.ROOT).replace(" ", "");
        return u.startsWith("JDBC:H2:")
                && !u.startsWith("JDBC:H2:TCP:")
                && !u.startsWith("JDBC:H2:SSL:")
                && !u.contains("AUTO_SERVER=TRUE")
                && !u.contains("FILE_LOCK=NO");
    }

    /**
     * A pair as one number: the address's hash and the text hash's. Two pairs that share it only
     * cost a look in the store (about one check in 40,000 for a post with 100,000 comments).
     */
    static long key(String authorEmail, String bodyHash) {
        return ((long) authorEmail.hashCode() << 32) | (bodyHash.hashCode() & 0xFFFF_FFFFL);
    }

    /** One post's keys, in an open-addressing set of plain longs (HPPC); its monitor guards it. */
    private static final class PostKeys {
        private final LongHashSet keys = new LongHashSet();
        volatile boolean loaded;

        synchronized void add(long key) {
            keys.add(key);
        }

        synchronized boolean contains(long key) {
            return keys.contains(key);
        }
    }
}
