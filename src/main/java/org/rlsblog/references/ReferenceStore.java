package org.rlsblog.references;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The last check of each cited link, in the database so that every replica sees the same list. */
@Repository
class ReferenceStore {

    /** Longer addresses are not checked (nor stored): no genuine reference needs one. */
    static final int LONGEST_URL = 2000;

    private static final int LONGEST_ANSWER = 500;

    private final JdbcClient jdbc;

    ReferenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param brokenSince null for a link that answered well last time */
    record Check(String url, Instant checkedAt, @Nullable Instant brokenSince, String lastAnswer) {}

    Map<String, Check> all() {
        Map<String, Check> checks = new HashMap<>();
        jdbc.sql("SELECT url, checked_at, broken_since, last_answer FROM reference_link")
                .query(ReferenceStore::row)
                .list()
                .forEach(c -> checks.put(c.url(), c));
        return checks;
    }

    List<Check> broken() {
        return jdbc.sql("""
                        SELECT url, checked_at, broken_since, last_answer FROM reference_link
                         WHERE broken_since IS NOT NULL ORDER BY broken_since, url""").query(ReferenceStore::row).list();
    }

    /** Keeps a check: a broken link keeps the moment it first broke, a good one has none. */
    @Transactional
    void record(String url, Instant at, boolean good, String answer) {
        String text = answer.length() > LONGEST_ANSWER ? answer.substring(0, LONGEST_ANSWER) : answer;
        OffsetDateTime now = at.atOffset(ZoneOffset.UTC);
        int updated = jdbc.sql("""
                        UPDATE reference_link
                           SET checked_at = :now, last_answer = :answer,
                               broken_since = CASE WHEN :good THEN NULL ELSE COALESCE(broken_since, :now) END
                         WHERE url = :url""")
                .param("now", now)
                .param("answer", text)
                .param("good", good)
                .param("url", url)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO reference_link (url, checked_at, broken_since, last_answer)
                            VALUES (:url, :now, :since, :answer)""")
                    .param("url", url)
                    .param("now", now)
                    .param("since", good ? null : now)
                    .param("answer", text)
                    .update();
        }
    }

    private static Check row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime since = rs.getObject("broken_since", OffsetDateTime.class);
        return new Check(
                rs.getString("url"),
                rs.getObject("checked_at", OffsetDateTime.class).toInstant(),
                since == null ? null : since.toInstant(),
                rs.getString("last_answer"));
    }
}
