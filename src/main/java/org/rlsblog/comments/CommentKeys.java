package org.rlsblog.comments;

import com.carrotsearch.hppc.LongHashSet;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.AbstractDriverBasedDataSource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The (address, text hash) pairs of each post's comments, held in memory so that the duplicate check
 * need not ask the store; that lets the embedded store's comment table do without an index on the
 * text's hash, the costliest part of its commits (see docs/benchmarks.md). The pairs held are at
 * least all those stored: a pair not held is certainly not stored, one held may be, which the store
 * then answers. Only right while this process is the store's only writer (embedded H2); otherwise
 * {@link #mayHave} always answers "maybe".
 */
final class CommentKeys {

    private final JdbcClient jdbc;
    private final boolean soleWriter;
    private final Map<String, PostKeys> posts = new ConcurrentHashMap<>();

    /** With the URL (and connection settings) the store was configured with; null when unknown. */
    CommentKeys(JdbcClient jdbc, @Nullable String configuredUrl) {
        this.jdbc = jdbc;
        this.soleWriter = isSoleWriter(configuredUrl);
    }

    /** False only when no comment of this post has this address and text hash. */
    boolean mayHave(String postSlug, String authorEmail, String bodyHash) {
        if (!soleWriter) {
            return true;
        }
        return loaded(postSlug).contains(key(authorEmail, bodyHash));
    }

    /**
     * Runs a statement that stores this pair: holds the pair before it runs (whether it then
     * succeeds or not), and again once it is committed (at once when it runs outside a transaction,
     * where it commits by itself), since a post's pairs read again after {@link #forgetAll} cannot
     * see a write not yet committed.
     */
    <T> T writing(String postSlug, String authorEmail, String bodyHash, Supplier<T> statement) {
        if (!soleWriter) {
            return statement.get();
        }
        long key = key(authorEmail, bodyHash);
        hold(postSlug, key);
        T result = statement.get();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    hold(postSlug, key);
                }
            });
        } else {
            hold(postSlug, key);
        }
        return result;
    }

    /** Runs a statement that gives this comment a new text, as {@link #writing} does. */
    <T> T editing(long commentId, String bodyHash, Supplier<T> statement) {
        if (!soleWriter) {
            return statement.get();
        }
        return jdbc.sql("SELECT post_slug, author_email FROM comment WHERE id = :id")
                .param("id", commentId)
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)})
                .optional()
                .map(comment -> writing(comment[0], comment[1], bodyHash, statement))
                .orElseGet(statement); // no such comment: the statement changes nothing
    }

    /**
     * Lets go of every pair held, after comments were deleted in bulk (the purge of old spam and
     * trash), so that memory follows the comments kept rather than all those ever written. Each
     * post's pairs are read again at its next check; a write not yet committed then is held again
     * when it commits ({@link #writing}).
     */
    void forgetAll() {
        posts.clear();
    }

    private void hold(String postSlug, long key) {
        posts.computeIfAbsent(postSlug, slug -> new PostKeys()).add(key);
    }

    private PostKeys loaded(String postSlug) {
        PostKeys post = posts.computeIfAbsent(postSlug, slug -> new PostKeys());
        if (!post.loaded) {
            // only other first checks of this post wait for the read; writes go on adding their keys
            synchronized (post.loading) {
                if (!post.loaded) {
                    LongHashSet stored = new LongHashSet();
                    jdbc.sql("SELECT author_email, body_hash FROM comment WHERE post_slug = :slug")
                            .param("slug", postSlug)
                            .query(rs -> {
                                stored.add(key(rs.getString(1), rs.getString(2)));
                            });
                    post.addAll(stored);
                    post.loaded = true;
                }
            }
        }
        return post;
    }

    /**
     * The URL a pool was configured with, its connection properties appended as {@code ;KEY=VALUE}
     * settings (H2 takes settings either way); null for a kind of pool not known here. Not the URL
     * an open connection reports: H2 cuts settings such as {@code AUTO_SERVER} off that one.
     */
    static @Nullable String configuredUrl(DataSource dataSource) {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
                return withSettings(hikari.getJdbcUrl(), hikari.getDataSourceProperties());
            }
        } catch (SQLException e) {
            return null;
        }
        if (dataSource instanceof AbstractDriverBasedDataSource driverBased) {
            return withSettings(driverBased.getUrl(), driverBased.getConnectionProperties());
        }
        return null;
    }

    private static @Nullable String withSettings(@Nullable String url, @Nullable Properties settings) {
        if (url == null || settings == null) {
            return url;
        }
        StringBuilder withSettings = new StringBuilder(url);
        settings.forEach((name, value) ->
                withSettings.append(';').append(name).append('=').append(value));
        return withSettings.toString();
    }

    /**
     * Whether a database at this JDBC URL can only be written by the process that opened it: an
     * embedded H2 database (a file, which H2 locks, or memory), not one served to other processes.
     */
    static boolean isSoleWriter(@Nullable String url) {
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
     * cost a look in the store.
     */
    static long key(String authorEmail, String bodyHash) {
        return ((long) authorEmail.hashCode() << 32) | (bodyHash.hashCode() & 0xFFFF_FFFFL);
    }

    /** One post's keys, in an open-addressing set of plain longs (HPPC); its monitor guards it. */
    private static final class PostKeys {
        private final LongHashSet keys = new LongHashSet();
        /** Held while the post's keys are read from the store, which happens once. */
        final Object loading = new Object();

        volatile boolean loaded;

        synchronized void add(long key) {
            keys.add(key);
        }

        synchronized void addAll(LongHashSet stored) {
            keys.addAll(stored);
        }

        synchronized boolean contains(long key) {
            return keys.contains(key);
        }
    }
}
