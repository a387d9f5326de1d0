package org.supervisionhub.adapter;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.logging.Logger;
import org.supervisionhub.common.ErrorCode;
import org.supervisionhub.common.HubException;

/**
 * Loads every {@code adapters/<system>/adapter.yaml} at start-up (through {@link DescriptorLoader}, which runs without
 * CDI for the golden tests and the docking kit) and checks it: structure (unknown or mistyped
 * fields), the system id, target fields that exist in the canonical record, code tables that exist, date patterns
 * that parse, one source per rule. A broken descriptor stops the start with every problem listed (file, line,
 * field), or, with {@code hub.adapters.strict=false}, is disabled and reported by {@code GET /api/v1/adapters}.
 */
@ApplicationScoped
public class AdapterRegistry {

    private static final Logger LOG = Logger.getLogger(AdapterRegistry.class);

    /** A loaded adapter: its descriptor when usable, and the problems that disabled it otherwise. */
    public record Loaded(String system, Path file, AdapterDescriptor descriptor, List<AdapterProblem> problems) {
        public boolean enabled() {
            return problems.isEmpty();
        }
    }

    @Inject
    AdaptersConfig config;

    private volatile Map<String, Loaded> adapters;

    void load(@Observes StartupEvent event) {
        all();
    }

    /** Every adapter; loaded (and checked) on first use, which is at start-up. */
    public synchronized Map<String, Loaded> all() {
        if (adapters == null) {
            adapters = loadChecked();
        }
        return adapters;
    }

    private Map<String, Loaded> loadChecked() {
        Map<String, Loaded> loaded = new TreeMap<>(loadAll(config.directory()));
        config.extraDirectories().orElse(List.of()).forEach(extra -> loaded.putAll(loadAll(extra)));
        List<AdapterProblem> problems = loaded.values().stream()
                .flatMap(adapter -> adapter.problems().stream())
                .toList();
        if (!problems.isEmpty() && config.strict()) {
            throw new IllegalStateException("broken adapter descriptor(s) (set hub.adapters.strict=false to start "
                    + "without them):\n  "
                    + String.join(
                            "\n  ", problems.stream().map(Object::toString).toList()));
        }
        problems.forEach(problem -> LOG.errorf("adapter disabled: %s", problem));
        LOG.infof(
                "adapters: %d loaded from %s, %d disabled",
                loaded.size(),
                config.directory().toAbsolutePath(),
                loaded.values().stream().filter(adapter -> !adapter.enabled()).count());
        return java.util.Collections.unmodifiableMap(loaded);
    }

    public Optional<Loaded> find(String system) {
        return Optional.ofNullable(all().get(system));
    }

    /**
     * The descriptor of a system that may be used: 404 ADAPTER_NOT_FOUND when there is no such adapter, 503
     * ADAPTER_DISABLED when its descriptor is broken.
     */
    public AdapterDescriptor usable(String system) {
        Loaded adapter = find(system)
                .orElseThrow(() -> HubException.notFound(ErrorCode.ADAPTER_NOT_FOUND, "no adapter " + system));
        if (!adapter.enabled()) {
            throw new HubException(
                    503,
                    "ADAPTER_DISABLED",
                    "Service unavailable",
                    "adapter " + system + " is disabled: its descriptor is broken (see GET /api/v1/adapters/" + system
                            + "/health)",
                    List.of());
        }
        return adapter.descriptor();
    }

    /** Every descriptor under the directory, validated (see {@link DescriptorLoader}). */
    public static Map<String, Loaded> loadAll(Path directory) {
        return DescriptorLoader.loadAll(directory);
    }

    static Loaded load(Path file) {
        return DescriptorLoader.load(file);
    }

    static String resolvePlaceholders(String text) {
        return DescriptorLoader.resolvePlaceholders(text);
    }

    static Class<?> canonicalType(Class<?> type, String path) {
        return DescriptorLoader.canonicalType(type, path);
    }

    static Map<String, Integer> lines(ObjectMapper yaml, String text) {
        return DescriptorLoader.lines(yaml, text);
    }
}
