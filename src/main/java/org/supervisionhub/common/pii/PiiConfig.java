package org.supervisionhub.common.pii;

import io.smallrye.config.ConfigMapping;

/** The key of personal data hashes. */
@ConfigMapping(prefix = "hub.pii")
public interface PiiConfig {

    /**
     * The HMAC key of ID-number hashes: at least 32 characters, never changed once data is stored (hashes would no
     * longer match). No default: production must set it.
     */
    String hmacKey();
}
