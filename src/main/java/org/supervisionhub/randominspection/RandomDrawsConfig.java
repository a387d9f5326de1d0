package org.supervisionhub.randominspection;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/** Credit-graded 双随机 draws: the default sampling ratio of each credit class, in percent. */
@ConfigMapping(prefix = "hub.random-draws")
public interface RandomDrawsConfig {

    /** Default ratios; each must lie in its class's band (A 0-5, B 5-20, C 21-60, D 61-100). */
    Ratios ratios();

    /** Inspectors drawn per subject. Defaults to 2 (the law's minimum). */
    @WithDefault("2")
    int inspectorsPerSubject();

    /** The default ratio per class, in percent. */
    interface Ratios {
        /** Class A (守信). Defaults to 5. */
        @WithDefault("5")
        BigDecimal a();

        /** Class B. Defaults to 20. */
        @WithDefault("20")
        BigDecimal b();

        /** Class C. Defaults to 60. */
        @WithDefault("60")
        BigDecimal c();

        /** Class D (失信). Defaults to 100. */
        @WithDefault("100")
        BigDecimal d();
    }
}
