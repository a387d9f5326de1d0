package org.supervisionhub.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The demo profile's data set. */
@ConfigMapping(prefix = "hub.demo")
public interface DemoConfig {

    /** Whether the Guangxi demo data set is loaded at start-up. Defaults to false (only the demo profile sets it). */
    @WithDefault("false")
    boolean data();
}
