package org.rlsblog.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rlsblog.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;

/**
 * The one token format, and the tokens handed out before it was shared (in pages, cookies and
 * mails already sent), built here as their makers built them, which must keep verifying.
 */
@JdbcTest
@Import({SiteSecrets.class, SignedTokens.class, TestClock.InContext.class})
class SignedTokensTests {

    static final Instant NOW = TestClock.NOW;

    @Autowired
    SignedTokens tokens;

    @Autowired
    SiteSecrets secrets;

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.set(NOW);
    }

    @Test
    void aTokenGivesBackItsPayloadForItsOwnPurposeOnly() {
        String token = tokens.sign("pending", "42");

        assertThat(tokens.verify("pending", token)).contains("42");
        assertThat(tokens.verify("form", token)).isEmpty();
        assertThat(tokens.verify("pending", "43" + token.substring(2))).isEmpty();
        assertThat(tokens.verify("pending", token.substring(0, token.length() - 1)))
                .isEmpty();
        assertThat(tokens.verify("pending", "42.")).isEmpty();
        assertThat(tokens.verify("pending", "." + token.substring(3))).isEmpty();
        assertThat(tokens.verify("pending", "no-dot")).isEmpty();
        assertThat(tokens.verify("pending", "")).isEmpty();
    }

    @Test
    void refusesATokenLongerThanAnyGenuineOneWithoutHashingIt() {
        String payload = "x".repeat(SignedTokens.MAX_LENGTH);
        String token = tokens.sign("long", payload);

        assertThat(tokens.verify("long", token)).isEmpty();
        assertThat(tokens.verify("long", tokens.sign("long", "x"))).contains("x");
    }

    @Test
    void anExpiringTokenVerifiesUpToItsExpiryAndNotAfter() {
        String token = tokens.signExpiring("moderation", "7.APPROVED", Duration.ofDays(14));

        assertThat(tokens.verifyUnexpired("moderation", token)).contains("7.APPROVED");
        clock.advance(Duration.ofDays(14));
        assertThat(tokens.verifyUnexpired("moderation", token)).contains("7.APPROVED");
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.verifyUnexpired("moderation", token)).isEmpty();
        assertThat(tokens.verifyUnexpired("moderation", tokens.sign("moderation", "7.APPROVED.soon")))
                .isEmpty();
        assertThat(tokens.verifyUnexpired("moderation", tokens.sign("moderation", "no-expiry")))
                .isEmpty();
    }

    @Test
    void aTextTokenCarriesAnyTextAndIsSignedOverTheTextItself() {
        String text = "Ann.O'Neil+blog@exämple.org";
        String token = tokens.signText("subscription-confirm", text);

        assertThat(token.substring(0, token.lastIndexOf('.'))).doesNotContain(".");
        assertThat(tokens.verifyText("subscription-confirm", token)).contains(text);
        assertThat(tokens.verifyText("subscription-unsubscribe", token)).isEmpty();
        assertThat(tokens.verifyText("subscription-confirm", "%%%." + token.substring(token.lastIndexOf('.') + 1)))
                .isEmpty();
    }

    @Test
    void aNumberIsOnlyDigitsThatFitALong() {
        assertThat(SignedTokens.number("1748779200000")).contains(1748779200000L);
        assertThat(SignedTokens.number("9223372036854775807")).contains(Long.MAX_VALUE);
        assertThat(SignedTokens.number("9223372036854775808")).isEmpty();
        assertThat(SignedTokens.number("12345678901234567890")).isEmpty();
        assertThat(SignedTokens.number("-1")).isEmpty();
        assertThat(SignedTokens.number("1.5")).isEmpty();
        assertThat(SignedTokens.number("")).isEmpty();
    }

    // ---- tokens made before this class, as their makers built them ----

    @Test
    void formAndPendingTokensHandedOutBeforeStillVerify() {
        String issued = Long.toString(NOW.toEpochMilli());
        String formToken = issued + "." + secrets.sign("form", issued);
        String pendingToken = 42 + "." + secrets.sign("pending", "42");

        assertThat(tokens.verify("form", formToken)).contains(issued);
        assertThat(tokens.verify("pending", pendingToken)).contains("42");
        assertThat(tokens.sign("form", issued)).isEqualTo(formToken);
        assertThat(tokens.sign("pending", "42")).isEqualTo(pendingToken);
    }

    @Test
    void moderationLinksMailedBeforeStillVerify() {
        String payload = 42 + "." + "SPAM" + "." + NOW.plus(Duration.ofDays(14)).getEpochSecond();
        String mailed = payload + "." + secrets.sign("moderation", payload);

        assertThat(tokens.verifyUnexpired("moderation", mailed)).contains("42.SPAM");
        assertThat(tokens.signExpiring("moderation", "42.SPAM", Duration.ofDays(14)))
                .isEqualTo(mailed);
    }

    @Test
    void subscriptionLinksMailedBeforeStillVerify() {
        String email = "ann@example.org";
        String mailed = Base64.getUrlEncoder().withoutPadding().encodeToString(email.getBytes(StandardCharsets.UTF_8))
                + "." + secrets.sign("subscription-unsubscribe", email);

        assertThat(tokens.verifyText("subscription-unsubscribe", mailed)).contains(email);
        assertThat(tokens.signText("subscription-unsubscribe", email)).isEqualTo(mailed);
    }
}
