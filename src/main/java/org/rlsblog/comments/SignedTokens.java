package org.rlsblog.comments;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Every signed value the site hands out (form tokens, the pending-comment cookie, links in mails)
 * in one format: {@code payload.signature}, the signature an HMAC of the payload under the site's
 * key and a purpose, so that a token made for one purpose never passes for another. An expiring
 * token ends its payload with the expiry in epoch seconds. Tokens already handed out are in this
 * format, so changing it would break the links in mails already sent.
 */
@Component
public class SignedTokens {

    /** Longer tokens are refused before anything is hashed; genuine ones are far shorter. */
    static final int MAX_LENGTH = 1000;

    /** The digits of the largest long. */
    private static final int MAX_LONG_DIGITS = 19;

    private static final char SEPARATOR = '.';

    private final SiteSecrets secrets;
    private final Clock clock;

    SignedTokens(SiteSecrets secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    /** {@code payload.signature}; the payload must be safe in a URL and a cookie as it is. */
    String sign(String purpose, String payload) {
        return payload + SEPARATOR + secrets.sign(purpose, payload);
    }

    /** The payload of a genuine token that {@link #sign} made for this purpose. */
    Optional<String> verify(String purpose, String token) {
        int dot = token.lastIndexOf(SEPARATOR);
        if (dot <= 0 || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        return secrets.verify(purpose, payload, token.substring(dot + 1)) ? Optional.of(payload) : Optional.empty();
    }

    /** A token that {@link #verifyUnexpired} accepts for {@code lifetime} from now: {@code payload.expiry.signature}. */
    String signExpiring(String purpose, String payload, Duration lifetime) {
        return sign(
                purpose, payload + SEPARATOR + clock.instant().plus(lifetime).getEpochSecond());
    }

    /** The payload of a genuine token that {@link #signExpiring} made for this purpose, until it expires. */
    Optional<String> verifyUnexpired(String purpose, String token) {
        return verify(purpose, token).flatMap(payloadAndExpiry -> {
            int dot = payloadAndExpiry.lastIndexOf(SEPARATOR);
            if (dot <= 0) {
                return Optional.empty();
            }
            try {
                Instant expiry = Instant.ofEpochSecond(Long.parseLong(payloadAndExpiry.substring(dot + 1)));
                return expiry.isBefore(clock.instant())
                        ? Optional.empty()
                        : Optional.of(payloadAndExpiry.substring(0, dot));
            } catch (NumberFormatException | DateTimeException malformed) {
                return Optional.empty();
            }
        });
    }

    /**
     * Any text (an e-mail address) as a token: the text base64url-encoded, then the signature of the
     * text itself. No expiry: an unsubscribe link must keep working.
     */
    public String signText(String purpose, String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8))
                + SEPARATOR
                + secrets.sign(purpose, text);
    }

    /** The text in a genuine token that {@link #signText} made for this purpose. */
    public Optional<String> verifyText(String purpose, String token) {
        int dot = token.lastIndexOf(SEPARATOR);
        if (dot <= 0 || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            return secrets.verify(purpose, text, token.substring(dot + 1)) ? Optional.of(text) : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /**
     * A keyed hash of {@code text} (hex), for keeping that an address was seen without keeping the
     * address: it cannot be turned back into the text, nor made without the site's key.
     */
    public String keyedHash(String purpose, String text) {
        return secrets.sign(purpose, text);
    }

    /** A payload that is a whole number, as form and pending-comment tokens carry; empty otherwise. */
    static Optional<Long> number(String payload) {
        if (payload.isEmpty()
                || payload.length() > MAX_LONG_DIGITS
                || !payload.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(payload));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }
}
