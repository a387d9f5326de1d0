package org.supervisionhub.risk;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where the risk models are and how often they run. */
@ConfigMapping(prefix = "hub.risk")
public interface RiskConfig {

    /** The folder of the models ({@code <id>.yaml}). Defaults to {@code rules}. */
    @WithDefault("rules")
    String modelsDir();

    /** Whether this replica evaluates (several may: raising is idempotent). Defaults to true. */
    @WithDefault("true")
    boolean enabled();

    /**
     * How old a change must be before the incremental pass reads it: longer than any transaction of the hub runs, so
     * that no change with an older time can still commit after the cursor has passed it. Defaults to 30 seconds.
     */
    @WithDefault("PT30S")
    Duration settleTime();

    /** The prefix of the clues' ids (national_case.national_id), told apart from the national platform's. */
    @WithDefault("HUB-RISK-")
    String cluePrefix();

    /** How often the incremental pass runs (read by its {@code @Scheduled}). Defaults to 30 s. */
    @WithDefault("30s")
    String incrementalEvery();

    /** When the full pass runs, a Quartz cron in Beijing time (read by its {@code @Scheduled}). Defaults to 02:30. */
    @WithDefault("0 30 2 * * ?")
    String fullPassCron();

    /** After a clue is answered, the same model does not raise the subject again for this long. Defaults to 30 days. */
    @WithDefault("P30D")
    Duration cooldown();
}
