package org.rlsblog.desk;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The preview links, kept in the database so that a link shared with a reviewer survives restarts
 * and works on every replica. A token is random, not signed: revoking one must make it fail at
 * once, which a signature alone cannot do.
 */
@Repository
class PreviewTokens {

    /** 128 random bits, as unguessable as a session id. */
    private static final int TOKEN_BYTES = 16;

    /** What a token looks like; anything else is not looked up at all. */
    static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{22}");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PreviewTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A preview link of a post; {@code spentAt} is when the post was seen published. */
    record PreviewToken(
            String slug,
            String token,
            Instant createdAt,
            @Nullable Instant spentAt) {

        boolean isSpent() {
            return spentAt != null;
        }
    }

    Optional<PreviewToken> find(String token) {
        if (!FORM.matcher(token).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT post_slug, token, created_at, spent_at FROM preview_token WHERE token = :token")
                .param("token", token)
                .query(PreviewTokens::row)
                .optional();
    }

    /** The live (unspent) token of each post that has one. */
    Map<String, PreviewToken> liveBySlug() {
        Map<String, PreviewToken> tokens = new HashMap<>();
        jdbc.sql("SELECT post_slug, token, created_at, spent_at FROM preview_token WHERE spent_at IS NULL")
                .query(PreviewTokens::row)
                .list()
                .forEach(t -> tokens.put(t.slug(), t));
        return tokens;
    }

    /** A new token for the post; the one it had, if any, stops working. */
    @Transactional
    String renew(String slug) {
        String token = newToken();
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        int updated = jdbc.sql("""
                        UPDATE preview_token SET token = :token, created_at = :now, spent_at = NULL
                         WHERE post_slug = :slug""")
                .param("token", token)
                .param("now", now)
                .param("slug", slug)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO preview_token (post_slug, token, created_at) VALUES (:slug, :token, :now)")
                    .param("slug", slug)
                    .param("token", token)
                    .param("now", now)
                    .update();
        }
        return token;
    }

    /** The post is published: its link no longer shows a preview. */
    void spend(String slug) {
        jdbc.sql("UPDATE preview_token SET spent_at = :now WHERE post_slug = :slug AND spent_at IS NULL")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("slug", slug)
                .update();
    }

    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static PreviewToken row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime spent = rs.getObject("spent_at", OffsetDateTime.class);
        return new PreviewToken(
                rs.getString("post_slug"),
                rs.getString("token"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                spent == null ? null : spent.toInstant());
    }
}
