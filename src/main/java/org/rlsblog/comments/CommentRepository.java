package org.rlsblog.comments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The comment table through JdbcClient, in SQL that H2 and PostgreSQL both run. Every write is
 * its own auto-committed statement: when a method returns, the row is committed.
 */
@Repository
class CommentRepository {

    private static final String COLUMNS = """
            id, post_slug, parent_id, author_name, author_email, author_url, body, status, by_author,
            notify_replies, created_at, updated_at""";

    private static final RowMapper<Comment> MAPPER = CommentRepository::map;

    private final JdbcClient jdbc;
    private final CommentKeys keys;

    /** The data source is only looked at, for the URL and settings it was configured with. */
    CommentRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.keys = new CommentKeys(jdbc, CommentKeys.configuredUrl(dataSource));
    }

    /** A row to insert; {@code importKey} makes imports idempotent. */
    record NewRow(
            String postSlug,
            @Nullable Long parentId,
            String authorName,
            String authorEmail,
            @Nullable String authorUrl,
            String body,
            String bodyHash,
            CommentStatus status,
            boolean byAuthor,
            boolean notifyReplies,
            @Nullable String clientHash,
            @Nullable String importKey,
            Instant createdAt) {

        /** The comment as {@link #insert} stores it (updated when inserted), under its new id. */
        Comment stored(long id, Instant insertedAt) {
            return new Comment(
                    id,
                    postSlug,
                    parentId,
                    authorName,
                    authorEmail,
                    authorUrl,
                    body,
                    status,
                    byAuthor,
                    notifyReplies,
                    createdAt,
                    insertedAt);
        }
    }

    long insert(NewRow row, Instant now) {
        return keys.writing(row.postSlug(), row.authorEmail(), row.bodyHash(), () -> insertRow(row, now));
    }

    private long insertRow(NewRow row, Instant now) {
        KeyHolder generated = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO comment (post_slug, parent_id, author_name, author_email, author_url, body, body_hash,
                                             status, by_author, notify_replies, client_hash, import_key,
                                             created_at, updated_at, status_changed_at)
                        VALUES (:postSlug, :parentId, :authorName, :authorEmail, :authorUrl, :body, :bodyHash,
                                :status, :byAuthor, :notifyReplies, :clientHash, :importKey,
                                :createdAt, :now, :now)
                        """)
                .param("postSlug", row.postSlug())
                .param("parentId", row.parentId())
                .param("authorName", row.authorName())
                .param("authorEmail", row.authorEmail())
                .param("authorUrl", row.authorUrl())
                .param("body", row.body())
                .param("bodyHash", row.bodyHash())
                .param("status", row.status().name())
                .param("byAuthor", row.byAuthor())
                .param("notifyReplies", row.notifyReplies())
                .param("clientHash", row.clientHash())
                .param("importKey", row.importKey())
                .param("createdAt", utc(row.createdAt()))
                .param("now", utc(now))
                .update(generated, "id");
        return generated.getKeyAs(Number.class).longValue();
    }

    Optional<Comment> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM comment WHERE id = :id")
                .param("id", id)
                .query(MAPPER)
                .optional();
    }

    Optional<Long> findIdByImportKey(String importKey) {
        return jdbc.sql("SELECT id FROM comment WHERE import_key = :key")
                .param("key", importKey)
                .query(Long.class)
                .optional();
    }

    /** The ids of the comments stored with these import keys; a key not stored is absent. */
    Map<String, Long> findIdsByImportKeys(Collection<String> importKeys) {
        Map<String, Long> ids = new HashMap<>();
        forKeysIn(
                importKeys,
                "SELECT import_key, id FROM comment WHERE import_key IN (:keys)",
                rs -> ids.put(rs.getString(1), rs.getLong(2)));
        return ids;
    }

    /** Runs {@code sql} (with {@code IN (:keys)}) for the keys, 500 at a time, each row to {@code rows}. */
    private void forKeysIn(Collection<String> keys, String sql, RowCallbackHandler rows) {
        List<String> all = List.copyOf(keys);
        for (int from = 0; from < all.size(); from += 500) {
            jdbc.sql(sql)
                    .param("keys", all.subList(from, Math.min(all.size(), from + 500)))
                    .query(rows);
        }
    }

    boolean isImportedFile(String sha256) {
        return jdbc.sql("SELECT COUNT(*) FROM comment_import_file WHERE sha256 = :sha256")
                        .param("sha256", sha256)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Records a file as imported whole; a replica that recorded it a moment before is fine. */
    void markImportedFile(String sha256, Instant now) {
        try {
            jdbc.sql("INSERT INTO comment_import_file (sha256, imported_at) VALUES (:sha256, :now)")
                    .param("sha256", sha256)
                    .param("now", utc(now))
                    .update();
        } catch (DuplicateKeyException recordedAlready) {
            // the same file, imported by another replica or an earlier start
        }
    }

    /** Approved comments of a post plus the given (pending) ones, oldest first. */
    List<Comment> findVisible(String postSlug, Collection<Long> alsoPendingIds) {
        if (alsoPendingIds.isEmpty()) {
            return jdbc.sql("SELECT " + COLUMNS
                            + " FROM comment WHERE post_slug = :slug AND status = 'APPROVED' ORDER BY created_at, id")
                    .param("slug", postSlug)
                    .query(MAPPER)
                    .list();
        }
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM comment
                        WHERE post_slug = :slug
                          AND (status = 'APPROVED' OR (status = 'PENDING' AND id IN (:ids)))
                        ORDER BY created_at, id""")
                .param("slug", postSlug)
                .param("ids", alsoPendingIds)
                .query(MAPPER)
                .list();
    }

    /** How many approved or pending comments each post slug has, for every slug that has any. */
    Map<String, Long> countShownOrAwaitingBySlug() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("""
                        SELECT post_slug, COUNT(*) AS n FROM comment
                         WHERE status IN ('APPROVED', 'PENDING')
                         GROUP BY post_slug""")
                .query((rs, n) -> counts.put(rs.getString("post_slug"), rs.getLong("n")))
                .list();
        return counts;
    }

    Map<String, Long> countApproved(Collection<String> postSlugs) {
        Map<String, Long> counts = new HashMap<>();
        if (postSlugs.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                        SELECT post_slug, COUNT(*) AS n FROM comment
                         WHERE status = 'APPROVED' AND post_slug IN (:slugs)
                         GROUP BY post_slug""")
                .param("slugs", postSlugs)
                .query((rs, n) -> counts.put(rs.getString("post_slug"), rs.getLong("n")))
                .list();
        return counts;
    }

    Map<CommentStatus, Long> countByStatus() {
        Map<CommentStatus, Long> counts = new EnumMap<>(CommentStatus.class);
        for (CommentStatus status : CommentStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("SELECT status, COUNT(*) AS n FROM comment GROUP BY status")
                .query((rs, n) -> counts.put(CommentStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                .list();
        return counts;
    }

    List<Comment> findByStatus(CommentStatus status, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM comment WHERE status = :status
                        ORDER BY created_at DESC, id DESC
                        LIMIT :limit OFFSET :offset""")
                .param("status", status.name())
                .param("limit", limit)
                .param("offset", offset)
                .query(MAPPER)
                .list();
    }

    List<Comment> findLatestApproved(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM comment WHERE status = 'APPROVED'
                        ORDER BY created_at DESC, id DESC
                        LIMIT :limit""")
                .param("limit", limit)
                .query(MAPPER)
                .list();
    }

    boolean updateStatus(long id, CommentStatus status, Instant now) {
        return jdbc.sql("""
                        UPDATE comment SET status = :status, updated_at = :now, status_changed_at = :now
                         WHERE id = :id""")
                        .param("status", status.name())
                        .param("now", utc(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    boolean updateBody(long id, String body, String bodyHash, Instant now) {
        return keys.editing(
                id,
                bodyHash,
                () -> jdbc.sql("UPDATE comment SET body = :body, body_hash = :hash, updated_at = :now WHERE id = :id")
                                .param("body", body)
                                .param("hash", bodyHash)
                                .param("now", utc(now))
                                .param("id", id)
                                .update()
                        == 1);
    }

    boolean delete(long id) {
        keepImportKeys("id = :id", Map.of("id", id));
        return jdbc.sql("DELETE FROM comment WHERE id = :id").param("id", id).update() == 1;
    }

    /**
     * Remembers the import keys of the comments about to be deleted, so that the importer does not
     * bring them back (see {@link #findDeletedImportKeys}). Done before the delete: a crash between
     * the two leaves a key remembered for a comment still there, which changes nothing.
     */
    private void keepImportKeys(String where, Map<String, ?> params) {
        jdbc.sql("INSERT INTO comment_import_tombstone (import_key, deleted_at)"
                        + " SELECT import_key, CURRENT_TIMESTAMP FROM comment WHERE import_key IS NOT NULL AND "
                        + where
                        + " AND NOT EXISTS (SELECT 1 FROM comment_import_tombstone t"
                        + " WHERE t.import_key = comment.import_key)")
                .params(params)
                .update();
    }

    /** Which of these import keys belonged to comments deleted since (they are not imported again). */
    Set<String> findDeletedImportKeys(Collection<String> importKeys) {
        Set<String> deleted = new HashSet<>();
        forKeysIn(
                importKeys,
                "SELECT import_key FROM comment_import_tombstone WHERE import_key IN (:keys)",
                rs -> deleted.add(rs.getString(1)));
        return deleted;
    }

    /** Whether a comment not in the trash has this text from this address on this post. */
    boolean existsDuplicate(String postSlug, String authorEmail, String bodyHash) {
        if (!keys.mayHave(postSlug, authorEmail, bodyHash)) {
            return false; // the store has no such comment (see CommentKeys)
        }
        return jdbc.sql("""
                        SELECT COUNT(*) FROM comment
                         WHERE post_slug = :slug AND author_email = :email AND body_hash = :hash
                           AND status <> 'TRASH'""")
                        .param("slug", postSlug)
                        .param("email", authorEmail)
                        .param("hash", bodyHash)
                        .query(Long.class)
                        .single()
                > 0;
    }

    boolean existsFromClientSince(String clientHash, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM comment WHERE client_hash = :client AND created_at > :since")
                        .param("client", clientHash)
                        .param("since", utc(since))
                        .query(Long.class)
                        .single()
                > 0;
    }

    boolean hasApprovedFrom(String authorEmail) {
        return jdbc.sql("SELECT COUNT(*) FROM comment WHERE author_email = :email AND status = 'APPROVED'")
                        .param("email", authorEmail)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** A post's comment version and when it last changed; version 0 for a post without comments. */
    CommentVersion version(String postSlug) {
        return jdbc.sql("SELECT version, changed_at FROM post_comment_version WHERE post_slug = :slug")
                .param("slug", postSlug)
                .query((rs, n) -> new CommentVersion(rs.getLong("version"), instant(rs, "changed_at")))
                .optional()
                .orElse(CommentVersion.NONE);
    }

    /**
     * Makes sure the post has a version row, outside any transaction: two replicas racing to
     * create it is harmless (one insert fails on the key and is ignored), and the change's own
     * transaction then only has to UPDATE, which every engine runs the same way.
     */
    void ensureVersionRow(String postSlug, Instant now) {
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
            } catch (org.springframework.dao.DuplicateKeyException anotherWriterWasFirst) {
                // the row is there: all we wanted
            }
        }
    }

    /**
     * Counts one more change to a post's comments; call it in the transaction of the change. False
     * if the post has no version row.
     */
    boolean bumpVersion(String postSlug, Instant now) {
        return jdbc.sql(
                                "UPDATE post_comment_version SET version = version + 1, changed_at = :now WHERE post_slug = :slug")
                        .param("slug", postSlug)
                        .param("now", utc(now))
                        .update()
                > 0;
    }

    int purge(Collection<CommentStatus> statuses, Instant changedBefore) {
        Map<String, Object> params =
                Map.of("statuses", statuses.stream().map(Enum::name).toList(), "before", utc(changedBefore));
        String where = "status IN (:statuses) AND status_changed_at < :before";
        keepImportKeys(where, params);
        int purged =
                jdbc.sql("DELETE FROM comment WHERE " + where).params(params).update();
        if (purged > 0) {
            keys.forgetAll();
        }
        return purged;
    }

    private static Comment map(ResultSet rs, int row) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        return new Comment(
                rs.getLong("id"),
                rs.getString("post_slug"),
                parentId,
                rs.getString("author_name"),
                rs.getString("author_email"),
                rs.getString("author_url"),
                rs.getString("body"),
                CommentStatus.valueOf(rs.getString("status")),
                rs.getBoolean("by_author"),
                rs.getBoolean("notify_replies"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
