package org.rlsblog.comments;

import static org.rlsblog.comments.SqlTimes.utc;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Every change to the comment table, each its own auto-committed statement unless the caller runs
 * it in a transaction. The duplicate check is here too: it trusts the pairs these writes keep in
 * memory ({@link CommentKeys}).
 */
@Repository
class CommentWrites {

    private final JdbcClient jdbc;
    private final CommentKeys keys;
    private final ImportRecords imports;

    /** The data source is only looked at, for the URL and settings it was configured with. */
    CommentWrites(JdbcClient jdbc, DataSource dataSource, ImportRecords imports) {
        this.jdbc = jdbc;
        this.keys = new CommentKeys(jdbc, CommentKeys.configuredUrl(dataSource));
        this.imports = imports;
    }

    long insert(NewRow row, Instant now) {
        return keys.writing(row.postSlug(), row.author().email(), row.bodyHash(), () -> insertRow(row, now));
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
                .param("authorName", row.author().name())
                .param("authorEmail", row.author().email())
                .param("authorUrl", row.author().url())
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

    /** Deletes a comment; its replies stay, as top-level comments. */
    boolean delete(long id) {
        imports.rememberDeleted("id = :id", Map.of("id", id));
        return jdbc.sql("DELETE FROM comment WHERE id = :id").param("id", id).update() == 1;
    }

    /** Deletes the comments in these statuses since before {@code changedBefore}; returns how many. */
    int purge(Collection<CommentStatus> statuses, Instant changedBefore) {
        Map<String, Object> params =
                Map.of("statuses", statuses.stream().map(Enum::name).toList(), "before", utc(changedBefore));
        String where = "status IN (:statuses) AND status_changed_at < :before";
        imports.rememberDeleted(where, params);
        int purged =
                jdbc.sql("DELETE FROM comment WHERE " + where).params(params).update();
        if (purged > 0) {
            keys.forgetAll();
        }
        return purged;
    }

    /** Clears the client hash of every comment made at or before {@code madeBy}; returns how many. */
    int clearClientHashes(Instant madeBy) {
        return jdbc.sql("UPDATE comment SET client_hash = NULL WHERE client_hash IS NOT NULL AND created_at <= :by")
                .param("by", utc(madeBy))
                .update();
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
}
