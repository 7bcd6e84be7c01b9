package org.rlsblog.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.rlsblog.TestClock;

/** The throttle's rules on an injected clock: limits per client, account and site, and the slower pace. */
class LoginThrottleTests {

    private final TestClock clock = new TestClock();
    private final LoginThrottle throttle =
            new LoginThrottle(new AdminProperties("author", "a password", 5, Duration.ofMinutes(15)), clock);

    @Test
    void slowsAClientDownMoreTheLongerItKeepsGuessing() {
        String client = "192.0.2.1";
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.attempt(client, "author").attempt()).isNotNull();
        }
        long first = throttle.attempt(client, "author").retryAfterSeconds();
        assertThat(first).isEqualTo(Duration.ofMinutes(3).toSeconds());

        long wait = first;
        for (int i = 0; i < 30; i++) {
            clock.advance(Duration.ofSeconds(wait));
            assertThat(throttle.attempt(client, "author").attempt()).isNotNull();
            wait = throttle.attempt(client, "author").retryAfterSeconds();
        }

        assertThat(wait)
                .as("the pace after many guesses")
                .isEqualTo(Duration.ofMinutes(12).toSeconds());
    }

    @Test
    void givesASuccessfulLoginItsAttemptBack() {
        for (int i = 0; i < 10; i++) {
            LoginThrottle.Result result = throttle.attempt("192.0.2.2", "author");
            assertThat(result.attempt()).as("login %d", i).isNotNull();
            throttle.succeeded(result.attempt());
        }
    }

    @Test
    void refusesTheAccountToNewClientsOnceManyClientsGuessedIt() {
        for (int i = 0; i < 20; i++) {
            assertThat(throttle.attempt("198.51.100." + i, "author").attempt()).isNotNull();
        }

        LoginThrottle.Result refused = throttle.attempt("203.0.113.1", "AUTHOR ");

        assertThat(refused.attempt()).isNull();
        assertThat(refused.retryAfterSeconds()).isEqualTo(Duration.ofSeconds(45).toSeconds());
        assertThat(throttle.attempt("203.0.113.1", "someone-else").attempt())
                .as("another account")
                .isNotNull();
    }

    @Test
    void refusesEveryoneNewOnceTheWholeSiteSawTooManyGuesses() {
        for (int i = 0; i < 30; i++) {
            assertThat(throttle.attempt("198.51.100." + i, i % 2 == 0 ? "author" : "name-" + i)
                            .attempt())
                    .as("guess %d", i)
                    .isNotNull();
        }

        assertThat(throttle.attempt("203.0.113.9", "author").attempt()).isNull();
        assertThat(throttle.attempt("203.0.113.9", "yet-another-name").attempt())
                .isNull();
    }

    @Test
    void letsTheAuthorInFromAKnownClientWhileTheAccountIsUnderAttack() {
        LoginThrottle.Result earlier = throttle.attempt("2001:db8:5:5::1", "author");
        throttle.succeeded(earlier.attempt());
        for (int i = 0; i < 200; i++) {
            throttle.attempt("198.51.100." + (i % 250), "author");
        }
        assertThat(throttle.attempt("203.0.113.7", "author").attempt()).isNull();

        assertThat(throttle.attempt("2001:db8:5:5::abcd", "author").attempt())
                .as("the author's network, seen at an earlier login")
                .isNotNull();
    }

    @Test
    void letsANewClientInOnceTheAttackHasStoppedForTheTimeItWasTold() {
        for (int i = 0; i < 200; i++) {
            throttle.attempt("198.51.100." + (i % 250), "author");
        }
        LoginThrottle.Result refused = throttle.attempt("203.0.113.8", "author");
        assertThat(refused.attempt()).isNull();

        clock.advance(Duration.ofSeconds(refused.retryAfterSeconds()));

        assertThat(throttle.attempt("203.0.113.8", "author").attempt()).isNotNull();
    }
}
