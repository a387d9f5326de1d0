package org.supervisionhub.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Names of the token claims that carry the caller's department and region. */
@ConfigMapping(prefix = "hub.security")
public interface SecurityClaimsConfig {

    /** Claim holding the caller's department code. Defaults to {@code dept_code}. */
    @WithDefault("dept_code")
    String departmentClaim();

    /** Claim holding the caller's region code (GB/T 2260). Defaults to {@code region_code}. */
    @WithDefault("region_code")
    String regionClaim();
}
