package org.rlsblog.comments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The signed tokens a reader's browser carries back: when the comment form was shown (robots post
 * faster than people type), and which pending comments it sent (only their writer sees them).
 */
@Component
class ReaderTokens {

    static final String FORM = "form";
    static final String PENDING = "pending";
    /** How long a form may stay open before it has to be sent again. */
    static final Duration FORM_LIFETIME = Duration.ofDays(1);

    private final SignedTokens tokens;
    private final CommentProperties properties;
    private final Clock clock;

    ReaderTokens(SignedTokens tokens, CommentProperties properties, Clock clock) {
        this.tokens = tokens;
        this.properties = properties;
        this.clock = clock;
    }

    /** A token for a comment form shown now; {@link #formTokenProblem} checks how long ago that was. */
    String formToken() {
        return formTokenIssuedAt(clock.millis());
    }

    /**
     * The token for a form shown again after its comment was refused, so that the reader can post
     * it again at once: the reader's own token while it is genuine and not expired (a form sent too
     * fast stays too fast until the least fill time has passed); for an expired one, a token issued
     * the least fill time ago, since its text was typed long before; a missing or forged one (no
     * browser sends that) gets a token issued now.
     */
    String formTokenForRetry(@Nullable String previous) {
        Instant issued = issuedAt(previous);
        if (issued == null) {
            return formToken();
        }
        Instant now = clock.instant();
        return Duration.between(issued, now).compareTo(FORM_LIFETIME) <= 0
                ? previous
                : formTokenIssuedAt(now.minus(properties.minFillTime()).toEpochMilli());
    }

    /** Why a form sent now with this token is refused (too fast, or expired or not genuine); null if it is not. */
    @Nullable
    Rejection formTokenProblem(@Nullable String token, Instant now) {
        if (properties.minFillTime().isZero()) {
            return null;
        }
        Instant issued = issuedAt(token);
        if (issued == null) {
            return Rejection.FORM_EXPIRED;
        }
        Duration elapsed = Duration.between(issued, now);
        if (elapsed.compareTo(properties.minFillTime()) < 0) {
            return Rejection.TOO_FAST;
        }
        return elapsed.compareTo(FORM_LIFETIME) > 0 ? Rejection.FORM_EXPIRED : null;
    }

    /** {@link #formTokenProblem} for a form sent now. */
    @Nullable
    Rejection formTokenProblem(@Nullable String token) {
        return formTokenProblem(token, clock.instant());
    }

    /** A token that lets the writer of a pending comment see it; see {@link #pendingId}. */
    String pendingToken(long commentId) {
        return tokens.sign(PENDING, Long.toString(commentId));
    }

    /** The comment id in a token made by {@link #pendingToken}, if the token is genuine. */
    Optional<Long> pendingId(String token) {
        return tokens.verify(PENDING, token).flatMap(SignedTokens::number);
    }

    private String formTokenIssuedAt(long epochMillis) {
        return tokens.sign(FORM, Long.toString(epochMillis));
    }

    /** When a genuine form token was issued; null for a missing, malformed or forged one. */
    private @Nullable Instant issuedAt(@Nullable String token) {
        if (token == null) {
            return null;
        }
        return tokens.verify(FORM, token)
                .flatMap(SignedTokens::number)
                .map(Instant::ofEpochMilli)
                .orElse(null);
    }
}
