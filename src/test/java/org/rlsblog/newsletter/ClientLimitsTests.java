package org.rlsblog.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientLimitsTests {

    @Test
    void countsAnIpv6SlashSixtyFourAsOneClient() {
        assertThat(ClientLimits.clientKey("2001:db8:1:2::1")).isEqualTo(ClientLimits.clientKey("2001:db8:1:2:ffff::9"));
        assertThat(ClientLimits.clientKey("2001:db8:1:3::1")).isNotEqualTo(ClientLimits.clientKey("2001:db8:1:2::1"));
        assertThat(ClientLimits.clientKey("192.0.2.1")).isEqualTo("192.0.2.1");
    }

    @Test
    void refusesAClientPastItsAllowance() {
        ClientLimits limits = new ClientLimits();
        for (int i = 0; i < ClientLimits.REQUESTS; i++) {
            assertThat(limits.tryRequest("192.0.2.7")).isTrue();
        }
        assertThat(limits.tryRequest("192.0.2.7")).isFalse();
        assertThat(limits.tryRequest("192.0.2.8")).isTrue();
    }
}
