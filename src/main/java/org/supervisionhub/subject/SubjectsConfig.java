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
}
