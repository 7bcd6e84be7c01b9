package org.rlsblog.comments;

import static org.rlsblog.comments.SqlTimes.instant;
import static org.rlsblog.comments.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Queries on the comment table, in SQL that H2 and PostgreSQL both run; the writes are {@link CommentWrites}. */
@Repository
class CommentReads {

    private static final String COLUMNS = """
            id, post_slug, parent_id, author_name, author_email, author_url, body, status, by_author,
            notify_replies, created_at, updated_at, import_key""";

    private static final RowMapper<Comment> MAPPER = CommentReads::map;

    private final JdbcClient jdbc;

    CommentReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Comment> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM comment WHERE id = :id")
                .param("id", id)
                .query(MAPPER)
                .optional();
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

    Map<String, Long> countBySlug(CommentStatus status) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("SELECT post_slug, COUNT(*) AS n FROM comment WHERE status = :status GROUP BY post_slug")
                .param("status", status.name())
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

    /** Whether one of these comments is approved and was sent from this address. */
    boolean hasApprovedAmong(Collection<Long> ids, String authorEmail) {
        if (ids.isEmpty()) {
            return false;
        }
        return jdbc.sql("""
                        SELECT COUNT(*) FROM comment
                         WHERE id IN (:ids) AND author_email = :email AND status = 'APPROVED'""")
                        .param("ids", ids)
                        .param("email", authorEmail)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static Comment map(ResultSet rs, int row) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        return Comment.builder()
                .id(rs.getLong("id"))
                .postSlug(rs.getString("post_slug"))
                .parentId(parentId)
                .author(new Author(
                        rs.getString("author_name"), rs.getString("author_email"), rs.getString("author_url")))
                .body(rs.getString("body"))
                .status(CommentStatus.valueOf(rs.getString("status")))
                .byAuthor(rs.getBoolean("by_author"))
                .notifyReplies(rs.getBoolean("notify_replies"))
                .createdAt(instant(rs, "created_at"))
                .updatedAt(instant(rs, "updated_at"))
                .importKey(rs.getString("import_key"))
                .build();
    }
}
