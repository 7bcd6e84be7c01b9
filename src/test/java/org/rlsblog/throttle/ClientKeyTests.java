package org.rlsblog.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientKeyTests {

    @Test
    void keepsAnIpv4AddressAsItIs() {
        assertThat(ClientKey.of("192.0.2.17")).isEqualTo("192.0.2.17");
        assertThat(ClientKey.of("192.0.2.17")).isNotEqualTo(ClientKey.of("192.0.2.18"));
    }

    @ParameterizedTest
    @CsvSource({
        "2001:db8:1:2::1, 2001:db8:1:2:ffff:ffff:ffff:ffff",
        "2001:db8:1:2::1, 2001:DB8:1:2:0:0:0:99",
        "2001:db8:1:2::1, 2001:0db8:0001:0002::abcd%eth0",
        "2001:db8:1:2::1, [2001:db8:1:2::5]"
    })
    void groupsIpv6AddressesByTheirSlash64(String one, String other) {
        assertThat(ClientKey.of(one)).isEqualTo(ClientKey.of(other)).isEqualTo("20010db800010002/64");
    }

    @Test
    void tellsNeighbouringSlash64sApart() {
        assertThat(ClientKey.of("2001:db8:1:2::1")).isNotEqualTo(ClientKey.of("2001:db8:1:3::1"));
        assertThat(ClientKey.of("2001:db8:1:2::1")).isNotEqualTo(ClientKey.of("2001:db9:1:2::1"));
    }

    @ParameterizedTest
    @CsvSource({"::ffff:192.0.2.17", "::ffff:c000:0211", "0:0:0:0:0:ffff:192.0.2.17"})
    void countsAnIpv4MappedIpv6AddressAsTheIpv4Address(String mapped) {
        assertThat(ClientKey.of(mapped)).isEqualTo("192.0.2.17");
    }

    @Test
    void neverLooksUpANameAndKeepsOtherTextAsItIs() {
        assertThat(ClientKey.of("localhost")).isEqualTo("localhost");
        assertThat(ClientKey.of("unknown")).isEqualTo("unknown");
        assertThat(ClientKey.of("not:an:address")).isEqualTo("not:an:address");
    }
}
