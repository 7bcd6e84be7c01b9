package org.rlsblog.comments;

import static org.rlsblog.comments.SqlTimes.utc;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the store knows of imports: which import keys are stored, which belonged to comments deleted
 * since (so the importer does not bring them back), and which files were imported whole.
 */
@Repository
class ImportRecords {

    /** How many keys one {@code IN (...)} query asks for. */
    static final int KEYS_PER_QUERY = 500;

    private final JdbcClient jdbc;

    ImportRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    /** Which of these import keys belonged to comments deleted since (they are not imported again). */
    Set<String> findDeletedImportKeys(Collection<String> importKeys) {
        Set<String> deleted = new HashSet<>();
        forKeysIn(
                importKeys,
                "SELECT import_key FROM comment_import_tombstone WHERE import_key IN (:keys)",
                rs -> deleted.add(rs.getString(1)));
        return deleted;
    }

    /**
     * Remembers the import keys of the comments about to be deleted ({@code where} picks them). Called
     * before the delete: a crash between the two leaves a key remembered for a comment still there,
     * which changes nothing.
     */
    void rememberDeleted(String where, Map<String, ?> params) {
        jdbc.sql("INSERT INTO comment_import_tombstone (import_key, deleted_at)"
                        + " SELECT import_key, CURRENT_TIMESTAMP FROM comment WHERE import_key IS NOT NULL AND "
                        + where
                        + " AND NOT EXISTS (SELECT 1 FROM comment_import_tombstone t"
                        + " WHERE t.import_key = comment.import_key)")
                .params(params)
                .update();
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

    /** Runs {@code sql} (with {@code IN (:keys)}) for the keys, a query per {@value #KEYS_PER_QUERY}. */
    private void forKeysIn(Collection<String> keys, String sql, RowCallbackHandler rows) {
        List<String> all = List.copyOf(keys);
        for (int from = 0; from < all.size(); from += KEYS_PER_QUERY) {
            jdbc.sql(sql)
                    .param("keys", all.subList(from, Math.min(all.size(), from + KEYS_PER_QUERY)))
                    .query(rows);
        }
    }
}
