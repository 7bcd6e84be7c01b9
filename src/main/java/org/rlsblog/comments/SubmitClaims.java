package org.rlsblog.comments;

import static org.rlsblog.comments.SqlTimes.utc;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.rlsblog.comments.ReaderTokens.FormTokenId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a reader's comment claims in the transaction that stores it, so that comments sent at once
 * cannot all pass the checks made before: its post's lock (the duplicate check), its client's row
 * (the flood limit) and its form token (each form is sent once). Another transaction's claim of
 * the same row waits for that one to end, on H2 and on PostgreSQL alike; a claim made twice fails
 * on the primary key.
 */
@Repository
class SubmitClaims {

    /** How long past a form's lifetime its used token is kept: replicas' clocks may differ a little. */
    static final Duration USED_TOKEN_MARGIN = Duration.ofHours(1);

    private final JdbcClient jdbc;

    SubmitClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the post's comment version row until the transaction ends: submissions to one post take
     * turns from here on, so the duplicate check that follows sees any comment committed before.
     */
    void lockPost(String postSlug) {
        jdbc.sql("SELECT version FROM post_comment_version WHERE post_slug = :slug FOR UPDATE")
                .param("slug", postSlug)
                .query(Long.class)
                .optional();
    }

    /** When the client's last comment was stored, if within the time its row is kept. */
    Optional<Instant> lastCommentFrom(String clientHash) {
        return jdbc.sql("SELECT last_comment_at FROM comment_client WHERE client_hash = :client")
                .param("client", clientHash)
                .query(OffsetDateTime.class)
                .optional()
                .map(OffsetDateTime::toInstant);
    }

    /**
     * Records a comment from the client now, unless it stored one after {@code notAfter}: false then,
     * and nothing is changed. {@code seen} says whether {@link #lastCommentFrom} found its row just
     * before. A concurrent claim of the same row waits for the other transaction and then sees it; a
     * first claim made twice at once fails on the key (the caller tries again and then sees it).
     */
    boolean claimClient(String clientHash, Instant now, Instant notAfter, boolean seen) {
        if (seen) {
            int claimed = jdbc.sql("""
                            UPDATE comment_client SET last_comment_at = :now
                             WHERE client_hash = :client AND last_comment_at <= :notAfter""")
                    .param("client", clientHash)
                    .param("now", utc(now))
                    .param("notAfter", utc(notAfter))
                    .update();
            if (claimed == 1) {
                return true;
            }
            if (lastCommentFrom(clientHash).isPresent()) {
                return false; // another comment from the client came first
            }
            // the row was purged in between: claim it anew
        }
        jdbc.sql("INSERT INTO comment_client (client_hash, last_comment_at) VALUES (:client, :now)")
                .param("client", clientHash)
                .param("now", utc(now))
                .update();
        return true;
    }

    boolean isUsed(FormTokenId token) {
        return jdbc.sql("SELECT COUNT(*) FROM used_form_token WHERE issued_at = :issued AND nonce = :nonce")
                        .param("issued", token.issuedAt())
                        .param("nonce", token.nonce())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Uses the token up; fails on the key if it was used before (by a transaction committed since). */
    void use(FormTokenId token, Instant now) {
        jdbc.sql("INSERT INTO used_form_token (issued_at, nonce, used_at) VALUES (:issued, :nonce, :now)")
                .param("issued", token.issuedAt())
                .param("nonce", token.nonce())
                .param("now", utc(now))
                .update();
    }

    /**
     * Deletes the client rows the flood check no longer reads: their hash is pseudonymised data, so
     * it goes as soon as the flood interval has passed. Returns how many.
     */
    int forgetClients(Instant now, Duration floodInterval) {
        return jdbc.sql("DELETE FROM comment_client WHERE last_comment_at < :before")
                .param("before", utc(now.minus(floodInterval)))
                .update();
    }

    /** Deletes the used form tokens older than a form's lifetime (refused as expired anyway). */
    int forgetTokens(Instant now) {
        return jdbc.sql("DELETE FROM used_form_token WHERE issued_at < :before")
                .param(
                        "before",
                        now.minus(ReaderTokens.FORM_LIFETIME)
                                .minus(USED_TOKEN_MARGIN)
                                .toEpochMilli())
                .update();
    }
}
