package org.supervisionhub.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The demo profile's data set and the console's demo sign-in. */
@ConfigMapping(prefix = "hub.demo")
public interface DemoConfig {

    /** Whether the Guangxi demo data set is loaded at start-up. Defaults to false (only the demo profile sets it). */
    @WithDefault("false")
    boolean data();

    /** The console's demo sign-in: issues tokens a demo or test hub trusts, for trying the console without SSO. */
    SignIn signIn();

    interface SignIn {
        /**
         * PKCS#8 RSA private key (PEM body) whose public half is the offline token key of the profile. Absent (every
         * production profile): no demo sign-in.
         */
        Optional<String> privateKey();

        /** How long a demo token lives. */
        @WithDefault("PT8H")
        java.time.Duration tokenLifetime();
    }
}
