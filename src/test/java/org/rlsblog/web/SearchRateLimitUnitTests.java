package org.rlsblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.rlsblog.TestClock;
import org.rlsblog.search.SearchProperties;

class SearchRateLimitUnitTests {

    private static final String CLIENT = "192.0.2.7";

    private final SearchRateLimit limit =
            new SearchRateLimit(new SearchProperties(2, Duration.ofMillis(500), 1), new TestClock());

    @Test
    void aSearchGivenBackMayBeMadeAgain() {
        assertThat(limit.refusal(CLIENT)).isEmpty();
        assertThat(limit.refusal(CLIENT)).isEmpty();
        assertThat(limit.refusal(CLIENT)).isPresent();

        limit.giveBack(CLIENT);

        assertThat(limit.refusal(CLIENT)).isEmpty();
        assertThat(limit.refusal(CLIENT)).isPresent();
    }

    @Test
    void givingBackNeverRaisesAClientPastTheLimit() {
        limit.giveBack(CLIENT);
        limit.refusal(CLIENT);
        limit.giveBack(CLIENT);
        limit.giveBack(CLIENT);

        assertThat(limit.refusal(CLIENT)).isEmpty();
        assertThat(limit.refusal(CLIENT)).isEmpty();
        assertThat(limit.refusal(CLIENT)).isPresent();
    }
}
