package org.supervisionhub.officer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The address a scan is counted by. Plain JUnit. */
class VerifyRateLimiterTest {

    @Test
    void ipv6ClientsAreCountedPerSlash64() {
        assertThat(VerifyRateLimiter.clientKey("2001:db8:1:2:aaaa::1"))
                .isEqualTo(VerifyRateLimiter.clientKey("2001:db8:1:2:bbbb::2"))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64")
                .isNotEqualTo(VerifyRateLimiter.clientKey("2001:db8:1:3::1"));
    }

    @Test
    void ipv4ClientsAreCountedByAddressAlsoWhenMappedIntoIpv6() {
        assertThat(VerifyRateLimiter.clientKey("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(VerifyRateLimiter.clientKey("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void aMissingAddressIsOneClient() {
        assertThat(VerifyRateLimiter.clientKey(null)).isEqualTo("unknown");
        assertThat(VerifyRateLimiter.clientKey(" ")).isEqualTo("unknown");
    }
}
