package org.supervisionhub.risk;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The risk models of {@code rules/} (configurable), read at start. A model that breaks the rules of
 * {@code rules/model.schema.json} is not run; its problems (file, line where known, field) are logged and listed, as a
 * broken adapter's are.
 */
@ApplicationScoped
public class RiskModels {

    private static final Logger LOG = Logger.getLogger(RiskModels.class);
    private static final Set<String> LEVELS = Set.of("P0", "P1", "P2", "P3");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    @Inject
    RiskConfig config;

    private volatile Map<String, RiskModel> models = Map.of();
    private volatile List<String> problems = List.of();

    void onStart(@Observes StartupEvent start) {
        reload();
    }

    /** Reads the folder again; the models in effect are replaced at once. */
    public synchronized void reload() {
        Loaded loaded = load(Path.of(config.modelsDir()));
        loaded.problems().forEach(problem -> LOG.errorf("risk model disabled: %s", problem));
        models = loaded.models();
        problems = loaded.problems();
        LOG.infof("risk models: %s", models.keySet());
    }

    public List<RiskModel> all() {
        return List.copyOf(models.values());
    }

    public Optional<RiskModel> find(String id) {
        return Optional.ofNullable(models.get(id));
    }

    /** Why models of the folder are not run. */
    public List<String> problems() {
        return problems;
    }

    /** The models of a folder and the problems of those that could not be read. */
    public record Loaded(Map<String, RiskModel> models, List<String> problems) {}

    /** Reads every {@code *.yaml} of the folder (none when it does not exist). */
    public static Loaded load(Path folder) {
        Map<String, RiskModel> models = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return new Loaded(models, problems);
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yaml"))
                    .sorted()
                    .toList()) {
                List<String> found = new ArrayList<>();
                RiskModel model = read(file, found);
                if (found.isEmpty()) {
                    models.put(model.id(), model);
                } else {
                    problems.addAll(found);
                }
            }
        } catch (IOException e) {
            problems.add(folder + ": " + e.getMessage());
        }
        return new Loaded(models, problems);
    }

    /** One model file, or null with its problems added. */
    static RiskModel read(Path file, List<String> problems) {
        RiskModel model;
        try {
            model = YAML.readValue(file.toFile(), RiskModel.class);
        } catch (JsonMappingException e) {
            JsonLocation at = e.getLocation();
            problems.add(file + (at == null ? "" : ":" + at.getLineNr()) + " [" + path(e) + "]: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
            return null;
        } catch (IOException e) {
            problems.add(file + ": " + e.getMessage());
            return null;
        }
        if (model == null) {
            problems.add(file + ": empty");
            return null;
        }
        check(file, model, problems);
        return problems.isEmpty() ? model : null;
    }

    private static void check(Path file, RiskModel model, List<String> problems) {
        String expectedId = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        if (model.id() == null || !model.id().equals(expectedId)) {
            problems.add(file + " [id]: must be the file's name, " + expectedId);
        }
        if (model.id() != null && !model.id().matches("^[a-z0-9][a-z0-9-]{1,63}$")) {
            problems.add(file + " [id]: lower-case letters, digits and hyphens, 2-64");
        }
        if (model.name() == null || model.name().isBlank() || model.name().length() > 100) {
            problems.add(file + " [name]: required, at most 100 characters");
        }
        if (!LEVELS.contains(model.level())) {
            problems.add(file + " [level]: one of P0, P1, P2, P3");
        }
        if (model.threshold() == null || model.threshold().signum() <= 0) {
            problems.add(file + " [threshold]: a number above 0");
        }
        if (model.signals() == null
                || model.signals().isEmpty()
                || model.signals().size() > 10) {
            problems.add(file + " [signals]: 1 to 10 signals");
            return;
        }
        BigDecimal reachable = BigDecimal.ZERO;
        for (int i = 0; i < model.signals().size(); i++) {
            RiskModel.Signal signal = model.signals().get(i);
            String at = file + " [signals[" + i + "]";
            if (signal.signal() == null) {
                problems.add(at + ".signal]: required");
            }
            if (signal.atLeast() < 1) {
                problems.add(at + ".atLeast]: at least 1");
            }
            if (signal.weight() == null || signal.weight().signum() <= 0) {
                problems.add(at + ".weight]: a number above 0");
            } else {
                reachable = reachable.add(signal.weight());
            }
            if (signal.windowDays() != null && (signal.windowDays() < 1 || signal.windowDays() > 3650)) {
                problems.add(at + ".windowDays]: 1 to 3650");
            }
            boolean levels = signal.levels() != null && !signal.levels().isEmpty();
            if (signal.signal() == RiskModel.Signal.Type.CREDIT_LEVEL && !levels) {
                problems.add(at + ".levels]: CREDIT_LEVEL names the levels that count");
            }
            if (signal.signal() != RiskModel.Signal.Type.CREDIT_LEVEL && signal.levels() != null) {
                problems.add(at + ".levels]: only CREDIT_LEVEL has levels");
            }
        }
        if (model.threshold() != null && reachable.compareTo(model.threshold()) < 0) {
            problems.add(file + " [threshold]: the signals' weights add up to " + reachable
                    + ", so the model could never fire");
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
