package org.rlsblog.newsletter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The deliveries: one row per post and subscriber. A row is claimed before its mail is sent and
 * marked after. The claim is one conditional UPDATE whose count says whether this instance won
 * it, which is atomic on H2 and on PostgreSQL (a second UPDATE of the row waits for the first and
 * then finds its condition false), so two instances never send the same row at once.
 */
@Repository
class Deliveries {

    /** The longest error text kept with a delivery. */
    static final int MAX_ERROR_LENGTH = 200;

    /** A claimed delivery, with what its mail needs. */
    record Claimed(long id, String postSlug, int attempts, String email, Locale lang) {}

    /** Sent, pending and failed mails of one announced post. */
    record PostCounts(String slug, Instant announcedAt, long sent, long pending, long failed) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final NewsletterProperties properties;

    Deliveries(JdbcClient jdbc, Clock clock, NewsletterProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** Ids of deliveries that may be claimed now, oldest first. */
    List<Long> due(int limit) {
        return jdbc.sql("""
                        SELECT id FROM newsletter_delivery
                         WHERE state = 'PENDING' AND next_attempt_at <= :now
                           AND (claimed_until IS NULL OR claimed_until < :now)
                         ORDER BY id FETCH FIRST :limit ROWS ONLY""")
                .param("now", now())
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    /**
     * Claims the delivery for {@code blog.newsletter.lease}, if it is still due and nobody holds
     * it; empty if another instance was first or its subscriber is gone (the row is then deleted).
     */
    Optional<Claimed> claim(long id) {
        OffsetDateTime now = now();
        int claimed = jdbc.sql("""
                        UPDATE newsletter_delivery SET claimed_until = :until
                         WHERE id = :id AND state = 'PENDING' AND next_attempt_at <= :now
                           AND (claimed_until IS NULL OR claimed_until < :now)""")
                .param("id", id)
                .param("now", now)
                .param("until", now.plus(properties.lease()))
                .update();
        if (claimed != 1) {
            return Optional.empty();
        }
        Optional<Claimed> delivery = jdbc.sql("""
                        SELECT d.id, d.post_slug, d.attempts, s.email, s.lang
                          FROM newsletter_delivery d JOIN newsletter_subscriber s ON s.id = d.subscriber_id
                         WHERE d.id = :id""")
                .param("id", id)
                .query((rs, n) -> new Claimed(
                        rs.getLong("id"),
                        rs.getString("post_slug"),
                        rs.getInt("attempts"),
                        rs.getString("email"),
                        Locale.forLanguageTag(rs.getString("lang"))))
                .optional();
        if (delivery.isEmpty()) {
            jdbc.sql("DELETE FROM newsletter_delivery WHERE id = :id AND state = 'PENDING'")
                    .param("id", id)
                    .update();
        }
        return delivery;
    }

    void markSent(long id) {
        jdbc.sql("UPDATE newsletter_delivery SET state = 'SENT', sent_at = :now, claimed_until = NULL WHERE id = :id")
                .param("id", id)
                .param("now", now())
                .update();
    }

    /** Gives the claim back untried (the mail server could not be reached): no attempt is counted. */
    void release(long id) {
        jdbc.sql("UPDATE newsletter_delivery SET claimed_until = NULL WHERE id = :id AND state = 'PENDING'")
                .param("id", id)
                .update();
    }

    /** Counts a failed attempt and tries again after {@code wait}. */
    void retryLater(long id, Duration wait, String error) {
        OffsetDateTime now = now();
        jdbc.sql("""
                        UPDATE newsletter_delivery
                           SET attempts = attempts + 1, next_attempt_at = :next, claimed_until = NULL, last_error = :error
                         WHERE id = :id AND state = 'PENDING'""")
                .param("id", id)
                .param("next", now.plus(wait))
                .param("error", shorten(error))
                .update();
    }

    /** Gives up on the delivery. */
    void fail(long id, String error) {
        jdbc.sql("""
                        UPDATE newsletter_delivery
                           SET state = 'FAILED', attempts = attempts + 1, claimed_until = NULL, last_error = :error
                         WHERE id = :id AND state = 'PENDING'""").param("id", id).param("error", shorten(error)).update();
    }

    /** Sent, pending and failed mails per announced post, newest post first. */
    List<PostCounts> countsByPost(int limit) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, Instant> announced = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT slug, announced_at FROM newsletter_post WHERE state = 'ANNOUNCED'
                         ORDER BY announced_at DESC FETCH FIRST :limit ROWS ONLY""")
                .param("limit", limit)
                .query((rs, n) -> announced.put(
                        rs.getString("slug"),
                        rs.getObject("announced_at", OffsetDateTime.class).toInstant()))
                .list();
        if (announced.isEmpty()) {
            return List.of();
        }
        jdbc.sql("""
                        SELECT post_slug, state, COUNT(*) AS n FROM newsletter_delivery
                         WHERE post_slug IN (:slugs) GROUP BY post_slug, state""")
                .param("slugs", List.copyOf(announced.keySet()))
                .query((rs, n) -> {
                    long[] row = counts.computeIfAbsent(rs.getString("post_slug"), s -> new long[3]);
                    switch (rs.getString("state")) {
                        case "SENT" -> row[0] = rs.getLong("n");
                        case "PENDING" -> row[1] = rs.getLong("n");
                        default -> row[2] = rs.getLong("n");
                    }
                    return row;
                })
                .list();
        return announced.entrySet().stream()
                .map(e -> {
                    long[] row = counts.getOrDefault(e.getKey(), new long[3]);
                    return new PostCounts(e.getKey(), e.getValue(), row[0], row[1], row[2]);
                })
                .toList();
    }

    private static String shorten(String error) {
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
