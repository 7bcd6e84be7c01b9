package org.rlsblog.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.rlsblog.comments.SignedTokens;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reply notifications by e-mail, double opt-in: a reader who ticked "notify me" gets a
 * confirmation link once their comment is approved, and only after they follow it are they told
 * of replies. Every mail carries a one-click unsubscribe link. Links are signed, so nobody can
 * subscribe or unsubscribe someone else.
 */
@Service
public class ReplySubscriptions {

    /** Where a reader's address stands. */
    private enum State {
        NONE,
        REQUESTED,
        CONFIRMED,
        UNSUBSCRIBED
    }

    /** The least time between two mails asking an address to confirm. */
    static final Duration CONFIRMATION_MAIL_INTERVAL = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final SignedTokens tokens;
    private final Clock clock;

    ReplySubscriptions(JdbcClient jdbc, SignedTokens tokens, Clock clock) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.clock = clock;
    }

    private State state(String email) {
        return jdbc.sql("SELECT confirmed_at, unsubscribed_at FROM reply_subscription WHERE email = :email")
                .param("email", normalize(email))
                .query((rs, n) -> rs.getObject("unsubscribed_at") != null
                        ? State.UNSUBSCRIBED
                        : rs.getObject("confirmed_at") != null ? State.CONFIRMED : State.REQUESTED)
                .optional()
                .orElse(State.NONE);
    }

    /**
     * Whether the address had confirmed by {@code when}, and has not unsubscribed since: a reply
     * approved before the reader confirmed is not mailed, however late the mail is sent.
     */
    public boolean confirmedBy(String email, Instant when) {
        return jdbc.sql("SELECT confirmed_at, unsubscribed_at FROM reply_subscription WHERE email = :email")
                .param("email", normalize(email))
                .query((rs, n) -> {
                    OffsetDateTime confirmed = rs.getObject("confirmed_at", OffsetDateTime.class);
                    return rs.getObject("unsubscribed_at") == null
                            && confirmed != null
                            && !confirmed.toInstant().isAfter(when);
                })
                .optional()
                .orElse(false);
    }

    /**
     * Records that the reader asked for notifications; returns true if a confirmation mail is due,
     * which is at most once per {@link #CONFIRMATION_MAIL_INTERVAL} for an address (the store keeps
     * when, so a restart or another replica does not send one sooner).
     */
    public boolean request(String email) {
        State state = state(email);
        if (state == State.CONFIRMED) {
            return false;
        }
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        if (state == State.NONE) {
            try {
                jdbc.sql("""
                                INSERT INTO reply_subscription (email, requested_at, confirmation_mailed_at)
                                VALUES (:email, :now, :now)""").param("email", normalize(email)).param("now", now).update();
                return true;
            } catch (DuplicateKeyException anotherRequestWasFirst) {
                return false;
            }
        }
        jdbc.sql("UPDATE reply_subscription SET requested_at = :now, unsubscribed_at = NULL, confirmed_at = NULL"
                        + " WHERE email = :email")
                .param("email", normalize(email))
                .param("now", now)
                .update();
        // one statement decides, so that two approvals at once (or two replicas) send one mail
        return jdbc.sql("""
                                UPDATE reply_subscription SET confirmation_mailed_at = :now
                                 WHERE email = :email
                                   AND (confirmation_mailed_at IS NULL OR confirmation_mailed_at <= :before)""")
                        .param("email", normalize(email))
                        .param("now", now)
                        .param("before", now.minus(CONFIRMATION_MAIL_INTERVAL))
                        .update()
                == 1;
    }

    public String confirmToken(String email) {
        return token("confirm", email);
    }

    public String unsubscribeToken(String email) {
        return token("unsubscribe", email);
    }

    /** Confirms the address in a genuine confirmation token; opening the link again keeps the first time. */
    public Optional<String> confirm(String token) {
        return emailFrom("confirm", token)
                .filter(email -> jdbc.sql("""
                                UPDATE reply_subscription SET confirmed_at = COALESCE(confirmed_at, :now)
                                 WHERE email = :email AND unsubscribed_at IS NULL""")
                                .param("email", email)
                                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                                .update()
                        == 1);
    }

    /** Unsubscribes the address in a genuine unsubscribe token. */
    public Optional<String> unsubscribe(String token) {
        return emailFrom("unsubscribe", token).map(email -> {
            jdbc.sql("UPDATE reply_subscription SET unsubscribed_at = :now WHERE email = :email")
                    .param("email", email)
                    .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                    .update();
            return email;
        });
    }

    private String token(String purpose, String email) {
        return tokens.signText("subscription-" + purpose, normalize(email));
    }

    private Optional<String> emailFrom(String purpose, String token) {
        return tokens.verifyText("subscription-" + purpose, token);
    }

    private static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
