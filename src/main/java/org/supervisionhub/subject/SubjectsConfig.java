package org.supervisionhub.subject;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The subject library's reads. */
@ConfigMapping(prefix = "hub.subjects")
public interface SubjectsConfig {

    /** How long "who supervises" answers are cached per region and industry. Defaults to 60 seconds. */
    @WithDefault("PT60S")
    Duration supervisorCacheTtl();

    /** Lookups of natural persons by ID number, per caller (token subject) across all replicas. */
    PersonLookupLimit personLookupLimit();

    /** At most {@code requests} person lookups per {@code period} and caller; refused (503) while Redis is down. */
    interface PersonLookupLimit {

        /** Lookups per period; defaults to 60. */
        @WithDefault("60")
        int requests();

        /** The counting window; defaults to one minute. */
        @WithDefault("PT1M")
        Duration period();
    }
}
