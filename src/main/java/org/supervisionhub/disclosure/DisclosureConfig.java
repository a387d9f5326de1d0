package org.supervisionhub.disclosure;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How long disclosures stay public, in months from the act (the penalty decision, the check). The defaults follow the
 * national credit-repair rules (失信行为纠正后的信用信息修复管理办法（试行）, 2023): a penalty for an ordinary breach is
 * public for at least three months and at most one year, one for a serious breach (a major case, 重大案件) for at least
 * one and at most three years; the maximum is the default. A province may shorten them.
 */
@ConfigMapping(prefix = "hub.disclosure")
public interface DisclosureConfig {

    /** An ordinary penalty. */
    Period penalty();

    /** A penalty decided as a major case. */
    Period majorPenalty();

    /** A 双随机 inspection result. */
    Period inspection();

    /** The public reads (曝光台), per client address across replicas. */
    PublicRateLimit publicRateLimit();

    /** At most {@code requests} public reads per {@code period} from one address; at most {@code maxClients} tracked. */
    interface PublicRateLimit {
        /** Defaults to 120: a person browsing, not a scraper. */
        @WithDefault("120")
        int requests();

        @WithDefault("PT1M")
        Duration period();

        /** Bound of the addresses tracked locally while Redis is down. Defaults to 100,000. */
        @WithDefault("100000")
        long maxClients();
    }

    /** Shortest and longest disclosure, in months from the act. */
    interface Period {
        int minMonths();

        int maxMonths();
    }
}
