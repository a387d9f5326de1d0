package org.supervisionhub.adapter;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.supervisionhub.adapter.AdapterRegistry.Loaded;
import org.supervisionhub.events.EventType;
import org.supervisionhub.record.RecordInput;

/**
 * Reads and checks descriptors without a running hub (no CDI, no database): the hub's {@link AdapterRegistry} loads
 * through it at start-up, and so do the golden tests and the offline docking kit ({@code
 * org.supervisionhub.adapter.kit.DockingKit}). Checks: structure (unknown or mistyped fields), the system id, target
 * fields that exist in the canonical record, code tables that exist, date patterns that parse, one source per rule;
 * every problem names file, line and field.
 */
public final class DescriptorLoader {

    private static final Pattern SYSTEM_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    private static final Pattern KIND = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    private static final List<String> AUTH_TYPES =
            List.of("oauth2-client-credentials", "api-key", "mutual-tls", "none");

    private DescriptorLoader() {}

    /** Every descriptor under the directory, validated. */
    public static Map<String, Loaded> loadAll(Path directory) {
        Map<String, Loaded> loaded = new TreeMap<>();
        if (!Files.isDirectory(directory)) {
            return loaded;
        }
        try (Stream<Path> folders = Files.list(directory)) {
            for (Path folder : folders.sorted().toList()) {
                Path file = folder.resolve("adapter.yaml");
                if (Files.isRegularFile(file)) {
                    Loaded adapter = load(file);
                    loaded.put(adapter.system(), adapter);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return loaded;
    }

    public static Loaded load(Path file) {
        String folder = file.getParent().getFileName().toString();
        String name = file.getParent().getParent() == null
                ? file.toString()
                : file.getParent().getParent().relativize(file).toString();
        String text;
        try {
            text = resolvePlaceholders(Files.readString(file));
        } catch (IOException e) {
            return new Loaded(folder, file, null, List.of(new AdapterProblem(name, null, null, "unreadable: " + e)));
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        Map<String, Integer> lines = lines(yaml, text);
        AdapterDescriptor descriptor;
        try {
            descriptor = yaml.readValue(text, AdapterDescriptor.class);
        } catch (JsonMappingException e) {
            String field = org.supervisionhub.common.Json.pathOf(e);
            Integer line = field.isEmpty() ? null : lineOf(lines, field);
            return new Loaded(
                    folder,
                    file,
                    null,
                    List.of(new AdapterProblem(
                            name, line != null ? line : line(e.getLocation()), field, e.getOriginalMessage())));
        } catch (JsonProcessingException e) {
            return new Loaded(
                    folder,
                    file,
                    null,
                    List.of(new AdapterProblem(name, line(e.getLocation()), null, e.getOriginalMessage())));
        }
        List<AdapterProblem> problems = new ArrayList<>();
        validate(
                descriptor,
                folder,
                (field, message) -> problems.add(new AdapterProblem(name, lineOf(lines, field), field, message)));
        return new Loaded(folder, file, descriptor, List.copyOf(problems));
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)(?::([^}]*))?}");

    /**
     * {@code ${NAME}} and {@code ${NAME:default}} in a descriptor are replaced by the environment variable (or system
     * property) NAME, so one descriptor serves every environment (e.g. the system's URL in test and production).
     */
    public static String resolvePlaceholders(String text) {
        java.util.regex.Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = System.getenv(matcher.group(1));
            if (value == null) {
                value = System.getProperty(matcher.group(1));
            }
            if (value == null) {
                value = matcher.group(2) != null ? matcher.group(2) : matcher.group();
            }
            matcher.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private interface Report {
        void problem(String field, String message);
    }

    private static void validate(AdapterDescriptor descriptor, String folder, Report report) {
        if (descriptor == null) {
            report.problem("", "the descriptor is empty");
            return;
        }
        if (descriptor.system() == null
                || !SYSTEM_ID.matcher(descriptor.system()).matches()) {
            report.problem("system", "a system id is 2-64 lower-case letters, digits or '-'");
        } else if (!descriptor.system().equals(folder)) {
            report.problem(
                    "system", "the system id '" + descriptor.system() + "' differs from its folder '" + folder + "'");
        }
        if (descriptor.name() == null || descriptor.name().isBlank()) {
            report.problem("name", "name is required");
        }
        if (descriptor.ownerDepartment() == null || descriptor.ownerDepartment().isBlank()) {
            report.problem("ownerDepartment", "ownerDepartment is required");
        }
        Map<String, Map<String, String>> tables = descriptor.codeTables() == null ? Map.of() : descriptor.codeTables();
        if (descriptor.auth() == null) {
            report.problem("auth", "auth is required");
        } else {
            if (descriptor.auth().type() != null
                    && !AUTH_TYPES.contains(descriptor.auth().type())) {
                report.problem("auth.type", "one of " + AUTH_TYPES);
            }
            if (descriptor.inbound() != null
                    && descriptor.inbound().values().stream().anyMatch(inbound -> !inbound.fromStagingDb())
                    && (descriptor.auth().inboundClientId() == null
                            || descriptor.auth().inboundClientId().isBlank())) {
                report.problem(
                        "auth.inboundClientId",
                        "the OIDC client the system calls the hub with is required " + "when it sends data");
            }
        }
        if (descriptor.inbound() != null) {
            descriptor.inbound().forEach((kind, inbound) -> {
                String at = "inbound." + kind;
                if (!KIND.matcher(kind).matches()) {
                    report.problem(at, "an inbound kind is 2-64 lower-case letters, digits or '-'");
                }
                AdapterDescriptor.Target target = inbound.effectiveTarget();
                if (target == AdapterDescriptor.Target.RECORD && inbound.recordKind() == null) {
                    report.problem(at + ".recordKind", "recordKind is required for records");
                }
                if (!List.of("http", AdapterDescriptor.STAGING_DB, AdapterDescriptor.FILE)
                        .contains(inbound.effectiveSource())) {
                    report.problem(at + ".source", "one of http, staging-db, file");
                } else if (inbound.effectiveSource().equals(AdapterDescriptor.FILE)
                        && target != AdapterDescriptor.Target.RECORD) {
                    report.problem(at + ".source", "a file feeds records only");
                }
                if (target != AdapterDescriptor.Target.RECORD && inbound.recordKind() != null) {
                    report.problem(at + ".recordKind", "recordKind applies to records only");
                }
                Class<?> canonical = canonicalClass(target);
                if (inbound.fields() == null || inbound.fields().isEmpty()) {
                    report.problem(at + ".fields", "fields are required");
                } else {
                    inbound.fields()
                            .forEach((field, rule) ->
                                    validateRule(at + ".fields." + field, field, canonical, rule, tables, report));
                }
            });
        }
        StagingDescriptors.validate(descriptor, report::problem);
        if (descriptor.outbound() != null && descriptor.outbound().when() != null) {
            descriptor.outbound().when().keySet().forEach(event -> {
                if (descriptor.outbound().events() == null
                        || !descriptor.outbound().events().containsKey(event)) {
                    report.problem(
                            "outbound.when." + event, "a condition for an event the system does not subscribe to");
                }
            });
        }
        if (descriptor.outbound() != null && descriptor.outbound().events() != null) {
            descriptor.outbound().events().forEach((event, fields) -> {
                if (!EventType.isAggregateType(event)) {
                    report.problem(
                            "outbound.events." + event,
                            "the hub publishes no events of aggregate type " + event
                                    + " (the catalog: openapi/events.asyncapi.yaml)");
                } else if (fields == null || fields.isEmpty()) {
                    report.problem("outbound.events." + event, "an event needs its fields");
                } else {
                    Set<String> payload = payloadFields(event);
                    fields.forEach((target, rule) -> {
                        if (rule != null
                                && rule.path() != null
                                && !payload.contains(rule.path().split("\\.")[0])) {
                            report.problem(
                                    "outbound.events." + event + "." + target,
                                    "no field " + rule.path() + " in the payload of " + event + " events");
                        }
                    });
                    Map<String, String> conditions = descriptor.outbound().when() == null
                            ? null
                            : descriptor.outbound().when().get(event);
                    if (conditions != null) {
                        conditions.keySet().stream()
                                .filter(path -> !payload.contains(path.split("\\.")[0]))
                                .forEach(path -> report.problem(
                                        "outbound.when." + event + "." + path,
                                        "no field " + path + " in the payload of " + event + " events"));
                    }
                    fields.forEach((target, rule) ->
                            validateRule("outbound.events." + event + "." + target, null, null, rule, tables, report));
                }
            });
        }
    }

    /** The wire model an inbound target's mapped items bind to (the input of the endpoint it feeds). */
    public static Class<?> canonicalClass(AdapterDescriptor.Target target) {
        return switch (target) {
            case RECORD -> RecordInput.class;
            case CERTIFICATE -> InboundTargets.CertificateInput.class;
            case SUBJECT -> InboundTargets.SubjectInput.class;
            case PERMIT -> org.supervisionhub.permit.PermitInput.class;
            case RANDOM_PLAN -> org.supervisionhub.randominspection.RandomPlanInput.class;
            case DEPARTMENT -> InboundTargets.DepartmentInput.class;
        };
    }

    /** The payload fields of the events of an aggregate type (all its event types together). */
    private static Set<String> payloadFields(String aggregateType) {
        Set<String> fields = new HashSet<>();
        for (EventType type : EventType.values()) {
            if (type.aggregateType().equals(aggregateType)) {
                type.payloadFields().forEach(component -> fields.add(component.getName()));
            }
        }
        return fields;
    }

    /** Checks one rule; with a canonical type, also that the target path exists in it. */
    private static void validateRule(
            String at,
            String target,
            Class<?> canonical,
            AdapterDescriptor.FieldRule rule,
            Map<String, Map<String, String>> tables,
            Report report) {
        if (rule == null) {
            report.problem(at, "a rule needs path, constant, template, each or zip");
            return;
        }
        int sources = (rule.constant() != null ? 1 : 0)
                + (rule.template() != null ? 1 : 0)
                + (rule.path() != null && rule.each() == null ? 1 : 0)
                + (rule.each() != null ? 1 : 0)
                + (rule.zip() != null ? 1 : 0);
        if (sources != 1) {
            report.problem(at, "exactly one of path, constant, template, each (with its path) or zip");
        }
        validateConversions(at, rule, tables, report);
        if (rule.each() != null && rule.path() == null) {
            report.problem(at + ".path", "each needs the path of the source list");
        }
        if (rule.codeTable() != null && !tables.containsKey(rule.codeTable())) {
            report.problem(at + ".codeTable", "no code table '" + rule.codeTable() + "' in codeTables");
        }
        for (String pattern : new String[] {rule.dateFormat(), rule.dateTimeFormat()}) {
            if (pattern != null) {
                try {
                    DateTimeFormatter.ofPattern(pattern);
                } catch (IllegalArgumentException e) {
                    report.problem(
                            at + (pattern.equals(rule.dateFormat()) ? ".dateFormat" : ".dateTimeFormat"),
                            "not a date pattern: " + e.getMessage());
                }
            }
        }
        Class<?> element = null;
        if (canonical != null && target != null) {
            element = canonicalType(canonical, target);
            if (element == null) {
                report.problem(at, "'" + target + "' is not a field of the canonical record");
            }
        }
        if (rule.zip() != null) {
            Class<?> elementType = element;
            if (rule.zip().isEmpty()) {
                report.problem(at + ".zip", "zip needs the lists to put side by side");
            }
            rule.zip()
                    .forEach((nested, nestedRule) -> validateRule(
                            at + ".zip." + nested,
                            nested,
                            elementType == Object.class ? null : elementType,
                            nestedRule,
                            tables,
                            report));
        }
        if (rule.each() != null) {
            Class<?> elementType = element;
            rule.each()
                    .forEach((nested, nestedRule) -> validateRule(
                            at + ".each." + nested,
                            nested,
                            elementType == Object.class ? null : elementType,
                            nestedRule,
                            tables,
                            report));
        }
    }

    /** The conversions of a rule (split, join, number, boolean, stripPrefix, codeTableBy): usable as written. */
    private static void validateConversions(
            String at, AdapterDescriptor.FieldRule rule, Map<String, Map<String, String>> tables, Report report) {
        if (rule.split() != null && rule.split().isEmpty()) {
            report.problem(at + ".split", "split needs a separator");
        }
        if (rule.join() != null && rule.join().isEmpty()) {
            report.problem(at + ".join", "join needs a separator (e.g. \",\")");
        }
        if (Boolean.TRUE.equals(rule.number()) && Boolean.TRUE.equals(rule.bool())) {
            report.problem(at, "a value is a number or a boolean, not both");
        }
        if (rule.stripPrefix() != null
                && rule.stripPrefix().stream().anyMatch(prefix -> prefix == null || prefix.isEmpty())) {
            report.problem(at + ".stripPrefix", "a prefix is not empty");
        }
        AdapterDescriptor.CodeTableBy by = rule.codeTableBy();
        if (by == null) {
            return;
        }
        if (rule.codeTable() != null) {
            report.problem(at, "codeTable or codeTableBy, not both");
        }
        if (by.path() == null || by.path().isBlank()) {
            report.problem(at + ".codeTableBy.path", "the path of the value that chooses the table is required");
        }
        if ((by.tables() == null || by.tables().isEmpty()) && by.otherwise() == null) {
            report.problem(at + ".codeTableBy.tables", "tables (value -> code table) are required");
        }
        if (by.tables() != null) {
            by.tables().forEach((value, table) -> {
                if (!tables.containsKey(table)) {
                    report.problem(at + ".codeTableBy.tables." + value, "no code table '" + table + "' in codeTables");
                }
            });
        }
        if (by.otherwise() != null && !tables.containsKey(by.otherwise())) {
            report.problem(at + ".codeTableBy.otherwise", "no code table '" + by.otherwise() + "' in codeTables");
        }
    }

    /**
     * The type a dotted path reaches in a record class (for lists, their element type; {@code Object} when unknown),
     * or null when the path does not exist.
     */
    public static Class<?> canonicalType(Class<?> type, String path) {
        Class<?> current = type;
        for (String part : path.split("\\.")) {
            if (current == null || !current.isRecord()) {
                return null;
            }
            RecordComponent found = null;
            for (RecordComponent component : current.getRecordComponents()) {
                if (component.getName().equals(part)) {
                    found = component;
                }
            }
            if (found == null) {
                return null;
            }
            current = found.getType();
            if (List.class.isAssignableFrom(current)) {
                var generic = found.getGenericType();
                current = generic instanceof java.lang.reflect.ParameterizedType parameterized
                                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element
                        ? element
                        : Object.class;
            }
        }
        return current;
    }

    /** The line of every field path in the YAML text (the first when a path repeats). */
    public static Map<String, Integer> lines(ObjectMapper yaml, String text) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = yaml.getFactory().createParser(text)) {
            Deque<String> path = new ArrayDeque<>();
            Deque<Boolean> inArray = new ArrayDeque<>();
            String pending = null;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                switch (token) {
                    case FIELD_NAME -> {
                        pending = parser.currentName();
                        String full = path.isEmpty() ? pending : String.join(".", path) + "." + pending;
                        lines.putIfAbsent(full, parser.currentTokenLocation().getLineNr());
                    }
                    case START_OBJECT, START_ARRAY -> {
                        if (pending != null) {
                            path.addLast(pending);
                            pending = null;
                            inArray.push(true);
                        } else {
                            inArray.push(false);
                        }
                    }
                    case END_OBJECT, END_ARRAY -> {
                        if (!inArray.isEmpty() && inArray.pop() && !path.isEmpty()) {
                            path.removeLast();
                        }
                    }
                    default -> pending = null;
                }
            }
        } catch (IOException e) {
            // The descriptor bound already, so it parses; without lines, problems still name their field.
        }
        return lines;
    }

    /** The line of a field path, or of its nearest enclosing path that has one. */
    public static Integer lineOf(Map<String, Integer> lines, String field) {
        for (String candidate = field; !candidate.isEmpty(); ) {
            Integer line = lines.get(candidate);
            if (line != null) {
                return line;
            }
            int dot = candidate.lastIndexOf('.');
            candidate = dot < 0 ? "" : candidate.substring(0, dot);
        }
        return null;
    }

    private static Integer line(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? null : location.getLineNr();
    }
}
