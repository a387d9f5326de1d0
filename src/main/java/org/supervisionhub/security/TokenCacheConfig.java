package org.supervisionhub.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The cache of verified bearer tokens (see {@link VerifiedTokenCache}). */
@ConfigMapping(prefix = "hub.security.token-cache")
public interface TokenCacheConfig {

    /** Whether verified tokens are remembered. Defaults to true. */
    @WithDefault("true")
    boolean enabled();

    /** Most tokens held at once. Defaults to 10000. */
    @WithDefault("10000")
    int maxSize();

    /**
     * Longest a verified token is remembered, however long it lives: a signing key withdrawn at the
     * provider stops working at the latest after this. Defaults to 5 minutes.
     */
    @WithDefault("PT5M")
    Duration maxTtl();
}
