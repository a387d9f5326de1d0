package org.supervisionhub.adapter;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where docked systems' descriptors are read from, and how a broken one is treated. */
@ConfigMapping(prefix = "hub.adapters")
public interface AdaptersConfig {

    /** The folder holding one sub-folder per docked system. Defaults to {@code adapters}. */
    @WithDefault("adapters")
    Path directory();

    /** More folders of the same shape (tests add their stub systems here). Defaults to none. */
    Optional<List<Path>> extraDirectories();

    /** Whether a broken descriptor stops the start (true) or is only reported and disabled. Defaults to true. */
    @WithDefault("true")
    boolean strict();
}
