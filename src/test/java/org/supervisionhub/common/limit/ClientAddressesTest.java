package org.supervisionhub.common.limit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The address an anonymous client is counted by (the scan, the 曝光台). Plain JUnit. */
class ClientAddressesTest {

    @Test
    void ipv6ClientsAreCountedPerSlash64() {
        assertThat(ClientAddresses.key("2001:db8:1:2:aaaa::1"))
                .isEqualTo(ClientAddresses.key("2001:db8:1:2:bbbb::2"))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64")
                .isNotEqualTo(ClientAddresses.key("2001:db8:1:3::1"));
    }

    @Test
    void ipv4ClientsAreCountedByAddressAlsoWhenMappedIntoIpv6() {
        assertThat(ClientAddresses.key("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ClientAddresses.key("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void aMissingAddressIsOneClient() {
        assertThat(ClientAddresses.key(null)).isEqualTo("unknown");
        assertThat(ClientAddresses.key(" ")).isEqualTo("unknown");
    }
}
