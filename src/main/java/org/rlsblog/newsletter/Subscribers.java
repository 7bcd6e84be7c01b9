package org.rlsblog.newsletter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.rlsblog.comments.SignedTokens;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The subscribers: the address, the mail language, and when they asked and confirmed; nothing else.
 * An address that unsubscribes or bounces is deleted, and only a keyed hash of it is kept.
 */
@Repository
class Subscribers {

    /** At most one confirmation mail per address in this time, so nobody mail-bombs someone through the site. */
    static final Duration CONFIRMATION_INTERVAL = Duration.ofHours(24);
    /** Unconfirmed addresses are deleted after this. */
    static final Duration UNCONFIRMED_KEPT = Duration.ofDays(7);

    private static final String HASH_PURPOSE = "newsletter-stopped";

    record Subscriber(
            long id,
            String email,
            Locale lang,
            Instant subscribedAt,
            @Nullable Instant confirmedAt) {}

    private final JdbcClient jdbc;
    private final SignedTokens tokens;
    private final Clock clock;

    Subscribers(JdbcClient jdbc, SignedTokens tokens, Clock clock) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.clock = clock;
    }

    static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    Optional<Subscriber> find(String email) {
        return jdbc.sql("SELECT * FROM newsletter_subscriber WHERE email = :email")
                .param("email", normalize(email))
                .query(Subscribers::subscriber)
                .optional();
    }

    Optional<Subscriber> findById(long id) {
        return jdbc.sql("SELECT * FROM newsletter_subscriber WHERE id = :id")
                .param("id", id)
                .query(Subscribers::subscriber)
                .optional();
    }

    /**
     * Records that someone asked to subscribe this address; true if a confirmation mail is due: the
     * address is not confirmed yet, had no confirmation mail in the last 24 hours, and never bounced.
     */
    boolean request(String email, Locale lang) {
        String address = normalize(email);
        if (stoppedBecause(address).filter("BOUNCED"::equals).isPresent()) {
            return false;
        }
        OffsetDateTime now = now();
        Optional<Subscriber> existing = find(address);
        if (existing.isEmpty()) {
            try {
                jdbc.sql("INSERT INTO newsletter_subscriber (email, lang, subscribed_at) VALUES (:email, :lang, :now)")
                        .param("email", address)
                        .param("lang", lang.getLanguage())
                        .param("now", now)
                        .update();
                return true;
            } catch (DuplicateKeyException anotherRequestWasFirst) {
                return false;
            }
        }
        return jdbc.sql("""
                        UPDATE newsletter_subscriber SET subscribed_at = :now, lang = :lang
                         WHERE email = :email AND confirmed_at IS NULL AND subscribed_at <= :cutoff""")
                        .param("email", address)
                        .param("lang", lang.getLanguage())
                        .param("now", now)
                        .param("cutoff", now.minus(CONFIRMATION_INTERVAL))
                        .update()
                == 1;
    }

    /** Confirms the address; empty if it has no subscription (never asked, or deleted since). */
    @Transactional
    Optional<Subscriber> confirm(String email) {
        String address = normalize(email);
        int updated = jdbc.sql("UPDATE newsletter_subscriber SET confirmed_at = COALESCE(confirmed_at, :now)"
                        + " WHERE email = :email")
                .param("email", address)
                .param("now", now())
                .update();
        if (updated == 0) {
            return Optional.empty();
        }
        jdbc.sql("DELETE FROM newsletter_stopped WHERE email_hash = :hash")
                .param("hash", hash(address))
                .update();
        return find(address);
    }

    /** Deletes the address and the mails not yet sent to it, keeping only its hash. */
    @Transactional
    void stop(String email, String reason) {
        String address = normalize(email);
        find(address).ifPresent(subscriber -> delete(subscriber.id()));
        String hash = hash(address);
        if (jdbc.sql("UPDATE newsletter_stopped SET reason = :reason, stopped_at = :now WHERE email_hash = :hash")
                        .param("hash", hash)
                        .param("reason", reason)
                        .param("now", now())
                        .update()
                == 0) {
            try {
                jdbc.sql(
                                "INSERT INTO newsletter_stopped (email_hash, reason, stopped_at) VALUES (:hash, :reason, :now)")
                        .param("hash", hash)
                        .param("reason", reason)
                        .param("now", now())
                        .update();
            } catch (DuplicateKeyException anotherReplicaWasFirst) {
                // the address is stopped either way
            }
        }
    }

    /** Deletes a subscriber and the mails not yet sent to them (the author's "remove"). */
    @Transactional
    boolean delete(long id) {
        jdbc.sql("DELETE FROM newsletter_delivery WHERE subscriber_id = :id AND state = 'PENDING'")
                .param("id", id)
                .update();
        return jdbc.sql("DELETE FROM newsletter_subscriber WHERE id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Why mails to this address stopped (UNSUBSCRIBED or BOUNCED), if they did. */
    Optional<String> stoppedBecause(String email) {
        return jdbc.sql("SELECT reason FROM newsletter_stopped WHERE email_hash = :hash")
                .param("hash", hash(normalize(email)))
                .query(String.class)
                .optional();
    }

    /** Deletes addresses that were not confirmed within {@link #UNCONFIRMED_KEPT}; returns how many. */
    int purgeUnconfirmed() {
        return jdbc.sql("DELETE FROM newsletter_subscriber WHERE confirmed_at IS NULL AND subscribed_at < :cutoff")
                .param("cutoff", now().minus(UNCONFIRMED_KEPT))
                .update();
    }

    long countConfirmed() {
        return jdbc.sql("SELECT COUNT(*) FROM newsletter_subscriber WHERE confirmed_at IS NOT NULL")
                .query(Long.class)
                .single();
    }

    long countUnconfirmed() {
        return jdbc.sql("SELECT COUNT(*) FROM newsletter_subscriber WHERE confirmed_at IS NULL")
                .query(Long.class)
                .single();
    }

    /** Subscribers, newest first. */
    List<Subscriber> page(int offset, int limit) {
        return jdbc.sql("SELECT * FROM newsletter_subscriber ORDER BY subscribed_at DESC, id DESC"
                        + " OFFSET :offset ROWS FETCH FIRST :limit ROWS ONLY")
                .param("offset", offset)
                .param("limit", limit)
                .query(Subscribers::subscriber)
                .list();
    }

    /** Every subscriber, oldest first, one row at a time (the CSV export). */
    void forEach(Consumer<Subscriber> each) {
        try (Stream<Subscriber> rows =
                jdbc.sql("SELECT * FROM newsletter_subscriber ORDER BY id").query(Subscribers::subscriber).stream()) {
            rows.forEach(each);
        }
    }

    private String hash(String address) {
        return tokens.keyedHash(HASH_PURPOSE, address);
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static Subscriber subscriber(ResultSet rs, int row) throws SQLException {
        OffsetDateTime confirmed = rs.getObject("confirmed_at", OffsetDateTime.class);
        return new Subscriber(
                rs.getLong("id"),
                rs.getString("email"),
                Locale.forLanguageTag(rs.getString("lang")),
                rs.getObject("subscribed_at", OffsetDateTime.class).toInstant(),
                confirmed == null ? null : confirmed.toInstant());
    }
}
