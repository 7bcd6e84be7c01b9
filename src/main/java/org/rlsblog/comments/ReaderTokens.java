package org.rlsblog.comments;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The signed tokens a reader's browser carries back: when the comment form was shown (robots post
 * faster than people type), and which pending comments it sent (only their writer sees them). A
 * form token also carries a random number, so that each form shown is a different token, which a
 * stored comment uses up ({@link SubmitClaims}). And the token of an address confirmed in the browser.
 */
@Component
class ReaderTokens {

    static final String FORM = "form";
    static final String PENDING = "pending";
    static final String ADDRESS = "address";
    /** How long a browser that confirmed an address is trusted with it. */
    static final Duration ADDRESS_LIFETIME = Duration.ofDays(365);
    /** How long a form may stay open before it has to be sent again. */
    static final Duration FORM_LIFETIME = Duration.ofDays(1);

    private final SignedTokens tokens;
    private final SubmitClaims claims;
    private final CommentProperties properties;
    private final Clock clock;

    ReaderTokens(SignedTokens tokens, SubmitClaims claims, CommentProperties properties, Clock clock) {
        this.tokens = tokens;
        this.claims = claims;
        this.properties = properties;
        this.clock = clock;
    }

    /** A genuine form token's parts: when its form was shown (epoch milliseconds), and its random number. */
    record FormTokenId(long issuedAt, long nonce) {}

    /** A token for a comment form shown now; {@link #formTokenProblem} checks how long ago that was. */
    String formToken() {
        return formTokenIssuedAt(clock.millis());
    }

    /**
     * The token for a form shown again after its comment was refused, so that the reader can post
     * it again at once: the reader's own token while it is genuine and not expired (a form sent too
     * fast stays too fast until the least fill time has passed); for an expired or used one, a token
     * issued the least fill time ago, since its text was typed long before; a missing or forged one
     * (no browser sends that) gets a token issued now.
     */
    String formTokenForRetry(@Nullable String previous) {
        Instant issued = issuedAt(previous);
        if (issued == null) {
            return formToken();
        }
        Instant now = clock.instant();
        FormTokenId id = formTokenId(previous);
        boolean usable = Duration.between(issued, now).compareTo(FORM_LIFETIME) <= 0
                && id != null
                && (properties.minFillTime().isZero() || !claims.isUsed(id));
        return usable
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
        if (issued == null || formTokenId(token) == null) {
            return Rejection.FORM_EXPIRED; // a token from before tokens were used up has no number
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

    /**
     * A token that the browser which confirmed this address (by the link in a mail sent to it) keeps,
     * to show later that its commenter owns the address; see {@link #provenAddress}.
     */
    String addressToken(String email) {
        String encoded = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(email.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        return tokens.signExpiring(ADDRESS, encoded, ADDRESS_LIFETIME);
    }

    /** The address in a genuine, unexpired token made by {@link #addressToken}. */
    Optional<String> provenAddress(@Nullable String token) {
        if (token == null) {
            return Optional.empty();
        }
        return tokens.verifyUnexpired(ADDRESS, token).flatMap(encoded -> {
            try {
                return Optional.of(new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                return Optional.empty();
            }
        });
    }

    /**
     * The parts of a genuine form token, which a stored comment uses up; null when form tokens are
     * not checked ({@code min-fill-time} 0) or the token is missing, forged or has no number.
     */
    @Nullable
    FormTokenId usableFormToken(@Nullable String token) {
        return properties.minFillTime().isZero() ? null : formTokenId(token);
    }

    /**
     * {@code issuedAt.nonce}, signed. The number is random rather than secret: the signature keeps it
     * from being forged, and it only has to tell apart forms shown in the same millisecond.
     */
    private String formTokenIssuedAt(long epochMillis) {
        long nonce = ThreadLocalRandom.current().nextLong(Long.MAX_VALUE);
        return tokens.sign(FORM, epochMillis + "." + nonce);
    }

    /** When a genuine form token was issued; null for a missing, malformed or forged one. */
    private @Nullable Instant issuedAt(@Nullable String token) {
        return payload(token)
                .flatMap(payload -> SignedTokens.number(
                        payload.indexOf('.') < 0 ? payload : payload.substring(0, payload.indexOf('.'))))
                .map(Instant::ofEpochMilli)
                .orElse(null);
    }

    private @Nullable FormTokenId formTokenId(@Nullable String token) {
        return payload(token)
                .filter(payload -> payload.indexOf('.') > 0)
                .flatMap(payload -> {
                    int dot = payload.indexOf('.');
                    return SignedTokens.number(payload.substring(0, dot))
                            .flatMap(issued -> SignedTokens.number(payload.substring(dot + 1))
                                    .map(nonce -> new FormTokenId(issued, nonce)));
                })
                .orElse(null);
    }

    private Optional<String> payload(@Nullable String token) {
        return token == null ? Optional.empty() : tokens.verify(FORM, token);
    }
}
