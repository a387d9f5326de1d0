package org.supervisionhub.adapter.kit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.supervisionhub.adapter.AdapterDescriptor;
import org.supervisionhub.adapter.AdapterMappings;
import org.supervisionhub.adapter.AdapterProblem;
import org.supervisionhub.adapter.AdapterRegistry;
import org.supervisionhub.adapter.DescriptorLoader;
import org.supervisionhub.adapter.FieldMapper;
import org.supervisionhub.adapter.XmlTrees;
import org.supervisionhub.common.FieldError;
import org.supervisionhub.common.Json;
import org.supervisionhub.events.EventSchemas;
import org.supervisionhub.events.EventType;
import org.supervisionhub.record.RecordValidator;

/**
 * The docking kit (对接工具包): checks an {@code adapters/<system>/} folder offline — no database, no running hub — with
 * the hub's own code, and says what the docking team must fix, with file, line and field, in Chinese and English.
 *
 * <ol>
 *   <li>{@code adapter.yaml} against {@code adapters/descriptor.schema.json}, then the hub's own descriptor checks
 *       ({@link DescriptorLoader}, what stops the hub's start);
 *   <li>every inbound sample {@code samples/<kind>.json|xml} mapped by the hub's {@link AdapterMappings} onto canonical
 *       records, compared field by field with {@code samples/<kind>.canonical.json}, each difference pointing at the
 *       rule's line in {@code adapter.yaml};
 *   <li>the mapped records against the data standard's rules that need no reference data ({@link
 *       RecordValidator#standardErrors}; other targets: their endpoint's wire model);
 *   <li>every sample event {@code samples/<aggregate type>.event.json} against the event contract ({@code
 *       openapi/events.asyncapi.yaml}), and its mapping by {@code outbound.events} compared with {@code
 *       samples/<aggregate type>.outbound.json}.
 * </ol>
 *
 * <p>Run {@code java -jar target/hub-kit.jar adapters/<system>} (options {@code --schema <file>} and {@code --events
 * <file>} name the schema and the event contract; by default they are found beside the folder, in the working
 * directory, or taken from the kit's own copy). Exit code 0: nothing to fix; 1: problems; 2: wrong use. The golden
 * tests ({@code AdapterDescriptorsTest}) map the samples through the same methods.
 */
public final class DockingKit {

    /** Samples as the hub reads them: decimals exactly (1200.50 stays 1200.50). */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /** The hub's reading of canonical records: unknown fields refused, java.time values. */
    private static final ObjectMapper WIRE = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final String SCHEMA_FILE = "descriptor.schema.json";
    private static final String EVENTS_FILE = "events.asyncapi.yaml";

    /**
     * What a check found: problems to fix, notes (worth doing, not failing: a kind without a sample), and the canonical
     * records each inbound sample mapped to (by sample file name).
     */
    public record Result(
            Path folder,
            List<KitProblem> problems,
            List<KitProblem> notes,
            Map<String, ArrayNode> mapped,
            int outboundSamples) {
        public boolean passed() {
            return problems.isEmpty();
        }
    }

    /** The published documents the folder is checked against. */
    public record Contracts(JsonNode descriptorSchema, JsonNode eventContract) {

        /** From the given files; a null file is looked for beside the folder, in the working directory, then in the kit. */
        public static Contracts locate(Path folder, Path schema, Path events) throws IOException {
            Path parent = folder.toAbsolutePath().normalize().getParent();
            JsonNode schemaTree = read(
                    JSON,
                    schema,
                    parent == null ? null : parent.resolve(SCHEMA_FILE),
                    Path.of("adapters", SCHEMA_FILE),
                    SCHEMA_FILE);
            Path nearbyContract = null;
            for (Path at = parent; at != null && nearbyContract == null; at = at.getParent()) {
                Path candidate = at.resolve("openapi").resolve(EVENTS_FILE);
                if (Files.isRegularFile(candidate)) {
                    nearbyContract = candidate;
                }
            }
            JsonNode eventTree = read(EventSchemas.YAML, events, nearbyContract, EventSchemas.CONTRACT, EVENTS_FILE);
            return new Contracts(schemaTree, eventTree);
        }

        private static JsonNode read(ObjectMapper mapper, Path given, Path nearby, Path working, String bundled)
                throws IOException {
            if (given != null) {
                return mapper.readTree(given.toFile());
            }
            for (Path candidate : new Path[] {nearby, working}) {
                if (candidate != null && Files.isRegularFile(candidate)) {
                    return mapper.readTree(candidate.toFile());
                }
            }
            try (InputStream in = DockingKit.class.getResourceAsStream("/kit/" + bundled)) {
                if (in == null) {
                    throw new IOException(
                            "no " + bundled + " beside the folder, in the working directory or in the kit");
                }
                return mapper.readTree(in);
            }
        }
    }

    private DockingKit() {}

    public static void main(String[] args) {
        // The schema validator logs through SLF4J; the kit ships no logging backend, and says so only on errors.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        System.exit(run(args, System.out, System.err));
    }

    /** The command line: checks one folder, prints the report, answers the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path folder = null;
        Path schema = null;
        Path events = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--schema" -> schema = i + 1 < args.length ? Path.of(args[++i]) : null;
                case "--events" -> events = i + 1 < args.length ? Path.of(args[++i]) : null;
                default -> folder = folder == null ? Path.of(args[i]) : null;
            }
        }
        if (folder == null || !Files.isRegularFile(folder.resolve("adapter.yaml"))) {
            err.println("用法 / usage: java -jar hub-kit.jar [--schema descriptor.schema.json] "
                    + "[--events events.asyncapi.yaml] <adapters/系统 folder with adapter.yaml>");
            return 2;
        }
        Result result;
        try {
            result = check(folder, Contracts.locate(folder, schema, events));
        } catch (IOException | UncheckedIOException e) {
            err.println("无法读取 / cannot read: " + e.getMessage());
            return 2;
        }
        print(result, out);
        return result.passed() ? 0 : 1;
    }

    /** The report a docking team reads. */
    public static void print(Result result, PrintStream out) {
        int records =
                result.mapped().values().stream().mapToInt(ArrayNode::size).sum();
        result.notes().forEach(note -> out.println("提示 / note: " + note + "\n"));
        if (result.passed()) {
            out.printf(
                    "hub-kit %s: 检查通过，无需修改（%d 个上报样例共 %d 条记录，%d 个回流样例）%n"
                            + "hub-kit %s: passed, nothing to fix (%d inbound samples, %d records; %d outbound samples)%n",
                    result.folder(),
                    result.mapped().size(),
                    records,
                    result.outboundSamples(),
                    result.folder(),
                    result.mapped().size(),
                    records,
                    result.outboundSamples());
            return;
        }
        out.printf(
                "hub-kit %s: 需修改 %d 处 / %d problem(s) to fix%n%n",
                result.folder(), result.problems().size(), result.problems().size());
        result.problems().forEach(problem -> out.println(problem + "\n"));
    }

    /** Checks the folder against the contracts; every problem found, in folder order. */
    public static Result check(Path folder, Contracts contracts) throws IOException {
        List<KitProblem> problems = new ArrayList<>();
        Path descriptorFile = folder.resolve("adapter.yaml");
        String file = descriptorFile.toString();
        String text = DescriptorLoader.resolvePlaceholders(Files.readString(descriptorFile));
        Map<String, Integer> lines = DescriptorLoader.lines(EventSchemas.YAML, text);

        problems.addAll(schemaProblems(file, text, lines, contracts.descriptorSchema()));
        AdapterRegistry.Loaded loaded = DescriptorLoader.load(descriptorFile);
        for (AdapterProblem problem : loaded.problems()) {
            problems.add(new KitProblem(
                    file,
                    problem.line(),
                    problem.field(),
                    "描述文件有误（hub 启动时同样会拒绝）：" + problem.message(),
                    "broken descriptor (the hub refuses it at start-up too): " + problem.message()));
        }
        Map<String, ArrayNode> mapped = new java.util.TreeMap<>();
        int outbound = 0;
        AdapterDescriptor descriptor = loaded.descriptor();
        if (descriptor == null || !loaded.problems().isEmpty()) {
            return new Result(folder, List.copyOf(problems), List.of(), mapped, outbound);
        }
        List<KitProblem> notes = new ArrayList<>();
        Path samples = folder.resolve("samples");
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(samples)) {
            try (Stream<Path> listed = Files.list(samples)) {
                listed.sorted().forEach(files::add);
            }
        }
        for (Path sample : files) {
            String name = sample.getFileName().toString();
            if (isInboundSample(name)) {
                ArrayNode records = checkInbound(descriptor, sample, lines, file, problems);
                if (records != null) {
                    mapped.put(name, records);
                }
            } else if (name.endsWith(".event.json")) {
                outbound++;
                checkOutbound(descriptor, sample, lines, file, contracts.eventContract(), problems);
            }
        }
        if (descriptor.inbound() != null) {
            descriptor.inbound().forEach((kind, inbound) -> {
                boolean sampled = files.stream()
                        .anyMatch(sample -> isInboundSample(sample.getFileName().toString())
                                && kindOf(sample).equals(kind));
                if (!sampled && inbound.effectiveSource().equals("file")) {
                    return; // sheets (xlsx/csv) are checked by the file import's own tests
                }
                if (!sampled) {
                    notes.add(new KitProblem(
                            file,
                            DescriptorLoader.lineOf(lines, "inbound." + kind),
                            "inbound." + kind,
                            "该类型没有样例，映射未经检查：建议放入 samples/" + kind + ".json（或 .xml）及 samples/" + kind
                                    + ".canonical.json",
                            "no sample, so the mapping is unchecked: add samples/" + kind
                                    + ".json (or .xml) and samples/" + kind + ".canonical.json"));
                }
            });
        }
        return new Result(folder, List.copyOf(problems), List.copyOf(notes), mapped, outbound);
    }

    /** A sample payload of an inbound kind: {@code <kind>.json} or {@code <kind>.xml}. */
    public static boolean isInboundSample(String name) {
        return name.endsWith(".xml")
                || name.endsWith(".json")
                        && !name.endsWith(".canonical.json")
                        && !name.endsWith(".event.json")
                        && !name.endsWith(".outbound.json");
    }

    private static String kindOf(Path sample) {
        return sample.getFileName().toString().replaceFirst("\\.(json|xml)$", "");
    }

    /** A sample payload as the hub reads it: JSON, or XML into the same tree. */
    public static JsonNode readSample(Path sample) throws IOException {
        if (sample.toString().endsWith(".xml")) {
            try (InputStream in = Files.newInputStream(sample)) {
                return XmlTrees.read(in, null, 64, 1_000_000);
            }
        }
        return JSON.readTree(sample.toFile());
    }

    /** The canonical records a sample must map to: {@code <kind>.canonical.json} beside it. */
    public static JsonNode expectedCanonical(Path sample) throws IOException {
        return JSON.readTree(
                sample.resolveSibling(kindOf(sample) + ".canonical.json").toFile());
    }

    /**
     * A sample payload of the kind mapped onto canonical records exactly as the hub maps a call (a refused value
     * throws {@link FieldMapper.MappingException}).
     */
    public static ArrayNode mapInbound(AdapterDescriptor descriptor, String kind, JsonNode payload) {
        AdapterDescriptor.Inbound inbound = descriptor.inbound().get(kind);
        ArrayNode mapped = JSON.createArrayNode();
        JsonNode list = AdapterMappings.recordsAt(inbound, payload);
        if (list == null || list.isNull()) {
            return mapped;
        }
        AdapterMappings.elements(list)
                .forEach(element -> mapped.add(AdapterMappings.canonicalRecord(descriptor, inbound, payload, element)));
        return mapped;
    }

    /** A sample event mapped onto the system's format by {@code outbound.events.<aggregate type>}. */
    public static ObjectNode mapOutbound(AdapterDescriptor descriptor, String aggregateType, JsonNode event) {
        return AdapterMappings.outboundPayload(descriptor, aggregateType, event);
    }

    private static List<KitProblem> schemaProblems(
            String file, String text, Map<String, Integer> lines, JsonNode schema) throws IOException {
        JsonNode tree = EventSchemas.YAML.readTree(text);
        if (tree == null || tree.isMissingNode()) {
            return List.of(new KitProblem(file, 1, "", "描述文件为空", "the descriptor is empty"));
        }
        List<ValidationMessage> english = validator(schema, Locale.ENGLISH).validate(tree).stream()
                .sorted(java.util.Comparator.comparing(EventSchemas::order))
                .toList();
        List<ValidationMessage> chinese = validator(schema, Locale.SIMPLIFIED_CHINESE).validate(tree).stream()
                .sorted(java.util.Comparator.comparing(EventSchemas::order))
                .toList();
        List<KitProblem> problems = new ArrayList<>();
        for (int i = 0; i < english.size(); i++) {
            ValidationMessage message = english.get(i);
            String field = EventSchemas.path(message);
            String zh = i < chinese.size() ? chinese.get(i).getMessage() : message.getMessage();
            problems.add(new KitProblem(
                    file,
                    DescriptorLoader.lineOf(lines, field),
                    field,
                    "不符合描述文件模式 adapters/descriptor.schema.json：" + zh,
                    "does not follow adapters/descriptor.schema.json: " + message.getMessage()));
        }
        return problems;
    }

    private static JsonSchema validator(JsonNode schema, Locale locale) {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(
                        schema, SchemaValidatorsConfig.builder().locale(locale).build());
    }

    private static ArrayNode checkInbound(
            AdapterDescriptor descriptor,
            Path sample,
            Map<String, Integer> lines,
            String file,
            List<KitProblem> problems) {
        String kind = kindOf(sample);
        String sampleFile = sample.toString();
        AdapterDescriptor.Inbound inbound =
                descriptor.inbound() == null ? null : descriptor.inbound().get(kind);
        if (inbound == null) {
            problems.add(new KitProblem(
                    sampleFile,
                    null,
                    "inbound." + kind,
                    "样例对应的上报类型 " + kind + " 未在 adapter.yaml 的 inbound 中声明（文件名即类型）",
                    "the sample's kind " + kind
                            + " is not declared under inbound in adapter.yaml (the file name is the " + "kind)"));
            return null;
        }
        boolean xml = sample.toString().endsWith(".xml");
        if (xml != (inbound.effectiveFormat() == AdapterDescriptor.Format.XML)) {
            problems.add(new KitProblem(
                    file,
                    DescriptorLoader.lineOf(lines, "inbound." + kind + ".format"),
                    "inbound." + kind + ".format",
                    "样例 " + sample.getFileName() + " 的格式与 format 不符（XML 样例需 format: xml）",
                    "the sample " + sample.getFileName() + " does not have the kind's format (an XML sample needs "
                            + "format: xml)"));
            return null;
        }
        JsonNode payload;
        JsonNode expected;
        try {
            payload = readSample(sample);
        } catch (IOException | RuntimeException e) {
            problems.add(unreadable(sampleFile, e));
            return null;
        }
        Path canonicalFile = sample.resolveSibling(kind + ".canonical.json");
        try {
            expected = Files.isRegularFile(canonicalFile) ? expectedCanonical(sample) : null;
        } catch (IOException | RuntimeException e) {
            problems.add(unreadable(canonicalFile.toString(), e));
            return null;
        }
        String rules = "inbound." + kind + ".fields";
        ArrayNode mapped;
        try {
            JsonNode list = AdapterMappings.recordsAt(inbound, payload);
            if (list == null || !(list.isArray() || list.isObject())) {
                problems.add(new KitProblem(
                        file,
                        DescriptorLoader.lineOf(lines, "inbound." + kind + ".records"),
                        "inbound." + kind + ".records",
                        "样例 " + sample.getFileName() + " 在 '" + inbound.records() + "' 处没有记录（hub 会以 "
                                + "PAYLOAD_UNEXPECTED 拒绝）",
                        "the sample " + sample.getFileName() + " holds no records at '" + inbound.records()
                                + "' (the hub refuses it with PAYLOAD_UNEXPECTED)"));
                return null;
            }
            mapped = mapInbound(descriptor, kind, payload);
        } catch (FieldMapper.MappingException e) {
            problems.add(ruleProblem(
                    file,
                    lines,
                    rules + "." + e.field(),
                    "样例 " + sample.getFileName() + " 映射失败（MAPPING_FAILED，hub 会拒绝该记录）：" + e.getMessage(),
                    "the sample " + sample.getFileName() + " cannot be mapped (MAPPING_FAILED, the hub rejects the "
                            + "record): " + e.getMessage()));
            return null;
        }
        if (expected == null) {
            problems.add(new KitProblem(
                    canonicalFile.toString(),
                    null,
                    "",
                    "缺少期望的规范记录：请写入样例应映射成的规范记录（RecordInput 等，见 Swagger UI）",
                    "missing: write the canonical records the sample must map to (RecordInput etc., see Swagger UI)"));
        } else {
            compareRecords(mapped, expected, sample, canonicalFile, kind, lines, file, problems);
        }
        for (int i = 0; i < mapped.size(); i++) {
            for (FieldError error : standardErrors(inbound, mapped.get(i))) {
                problems.add(ruleProblem(
                        file,
                        lines,
                        rules + "." + error.field(),
                        "样例 " + sample.getFileName() + " 第 " + (i + 1) + " 条记录映射后不符合数据标准（" + error.code() + "，hub 会拒绝）："
                                + error.message(),
                        "record " + (i + 1) + " of " + sample.getFileName() + " breaks the data standard once mapped ("
                                + error.code() + ", the hub rejects it): " + error.message()));
            }
        }
        return mapped;
    }

    /** The static rules of the target's endpoint for one mapped item. */
    static List<FieldError> standardErrors(AdapterDescriptor.Inbound inbound, JsonNode item) {
        AdapterDescriptor.Target target = inbound.effectiveTarget();
        if (target == AdapterDescriptor.Target.RECORD) {
            return RecordValidator.standardErrors(WIRE, item);
        }
        try {
            WIRE.treeToValue(item, DescriptorLoader.canonicalClass(target));
            return List.of();
        } catch (JsonMappingException e) {
            return List.of(new FieldError(Json.pathOf(e), "INVALID_VALUE", e.getOriginalMessage()));
        } catch (IOException e) {
            return List.of(new FieldError("", "MALFORMED_JSON", e.getMessage()));
        }
    }

    private static void compareRecords(
            ArrayNode mapped,
            JsonNode expected,
            Path sample,
            Path canonicalFile,
            String kind,
            Map<String, Integer> lines,
            String file,
            List<KitProblem> problems) {
        if (!expected.isArray() || expected.size() != mapped.size()) {
            problems.add(new KitProblem(
                    file,
                    DescriptorLoader.lineOf(lines, "inbound." + kind + ".records"),
                    "inbound." + kind + ".records",
                    "样例 " + sample.getFileName() + " 映射出 " + mapped.size() + " 条记录，" + canonicalFile.getFileName()
                            + " 期望 " + (expected.isArray() ? expected.size() : "（不是数组）") + " 条",
                    "the sample " + sample.getFileName() + " maps to " + mapped.size() + " record(s), "
                            + canonicalFile.getFileName() + " expects "
                            + (expected.isArray() ? String.valueOf(expected.size()) : "(not a list)")));
            return;
        }
        for (int i = 0; i < mapped.size(); i++) {
            List<String[]> differences = new ArrayList<>();
            differences(expected.get(i), mapped.get(i), "", differences);
            for (String[] difference : differences) {
                String path = difference[0];
                String field =
                        path.equals("kind") ? "inbound." + kind + ".recordKind" : "inbound." + kind + ".fields." + path;
                problems.add(ruleProblem(
                        file,
                        lines,
                        field,
                        "样例 " + sample.getFileName() + " 第 " + (i + 1) + " 条记录的 " + path + " 映射为 " + difference[2] + "，"
                                + canonicalFile.getFileName() + " 期望 " + difference[1],
                        "record " + (i + 1) + " of " + sample.getFileName() + " maps " + path + " to " + difference[2]
                                + ", " + canonicalFile.getFileName() + " expects " + difference[1]));
            }
        }
    }

    /** Every leaf where two trees differ: its path, the expected value and the actual one (as JSON, or "(absent)"). */
    static void differences(JsonNode expected, JsonNode actual, String path, List<String[]> out) {
        if (expected != null && expected.equals(actual)) {
            return;
        }
        if (expected != null && actual != null && expected.isObject() && actual.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                differences(expected.get(name), actual.get(name), path.isEmpty() ? name : path + "." + name, out);
            }
            return;
        }
        if (expected != null
                && actual != null
                && expected.isArray()
                && actual.isArray()
                && expected.size() == actual.size()) {
            Iterator<JsonNode> left = expected.elements();
            Iterator<JsonNode> right = actual.elements();
            for (int i = 0; left.hasNext(); i++) {
                differences(left.next(), right.next(), path + "[" + i + "]", out);
            }
            return;
        }
        out.add(new String[] {path, shown(expected), shown(actual)});
    }

    private static String shown(JsonNode value) {
        if (value == null) {
            return "(absent / 缺失)";
        }
        String text = value.toString();
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }

    /** A problem with a descriptor's rule (a field path), at the line of the rule's key. */
    private static KitProblem ruleProblem(
            String file, Map<String, Integer> lines, String field, String chinese, String english) {
        return new KitProblem(file, DescriptorLoader.lineOf(lines, ruleKey(field)), field, chinese, english);
    }

    /** A field path as the descriptor's keys name it: list positions dropped. */
    private static String ruleKey(String field) {
        return field.replaceAll("\\[\\d+]", "");
    }

    private static void checkOutbound(
            AdapterDescriptor descriptor,
            Path sample,
            Map<String, Integer> lines,
            String file,
            JsonNode contract,
            List<KitProblem> problems) {
        String aggregateType = sample.getFileName().toString().replace(".event.json", "");
        String sampleFile = sample.toString();
        String text;
        JsonNode event;
        try {
            text = Files.readString(sample, StandardCharsets.UTF_8);
            event = JSON.readTree(text);
        } catch (IOException | RuntimeException e) {
            problems.add(unreadable(sampleFile, e));
            return;
        }
        Map<String, Integer> sampleLines = DescriptorLoader.lines(JSON, text);
        List<EventType> types = java.util.Arrays.stream(EventType.values())
                .filter(type -> type.aggregateType().equals(aggregateType))
                .toList();
        if (types.isEmpty()) {
            problems.add(new KitProblem(
                    sampleFile,
                    null,
                    "",
                    "hub 不发布聚合类型为 " + aggregateType + " 的事件（文件名即聚合类型，见 openapi/events.asyncapi.yaml）",
                    "the hub publishes no events of aggregate type " + aggregateType + " (the file name is the "
                            + "aggregate type; see openapi/events.asyncapi.yaml)"));
            return;
        }
        EventSchemas english = EventSchemas.of(contract, Locale.ENGLISH);
        List<EventSchemas.Violation> closest = null;
        EventType closestType = null;
        for (EventType type : types) {
            List<EventSchemas.Violation> violations = english.violations(type, event);
            if (closest == null || violations.size() < closest.size()) {
                closest = violations;
                closestType = type;
            }
        }
        if (!closest.isEmpty()) {
            List<EventSchemas.Violation> chinese =
                    EventSchemas.of(contract, Locale.SIMPLIFIED_CHINESE).violations(closestType, event);
            for (int i = 0; i < closest.size(); i++) {
                EventSchemas.Violation violation = closest.get(i);
                problems.add(new KitProblem(
                        sampleFile,
                        DescriptorLoader.lineOf(sampleLines, ruleKey(violation.path())),
                        violation.path(),
                        "样例事件不符合事件契约 " + closestType.value() + "（openapi/events.asyncapi.yaml）："
                                + (i < chinese.size() ? chinese.get(i).message() : violation.message()),
                        "the sample event does not follow the event contract of " + closestType.value()
                                + " (openapi/events.asyncapi.yaml): " + violation.message()));
            }
        }
        Map<String, Map<String, AdapterDescriptor.FieldRule>> subscribed =
                descriptor.outbound() == null ? null : descriptor.outbound().events();
        if (subscribed == null || !subscribed.containsKey(aggregateType)) {
            problems.add(new KitProblem(
                    file,
                    DescriptorLoader.lineOf(lines, "outbound.events"),
                    "outbound.events." + aggregateType,
                    "有样例事件 " + sample.getFileName() + "，但 outbound.events 未订阅 " + aggregateType,
                    "there is a sample event " + sample.getFileName() + " but outbound.events does not subscribe to "
                            + aggregateType));
            return;
        }
        Path outboundFile = sample.resolveSibling(aggregateType + ".outbound.json");
        if (!Files.isRegularFile(outboundFile)) {
            problems.add(new KitProblem(
                    outboundFile.toString(),
                    null,
                    "",
                    "缺少期望的回流数据：请写入系统应收到的内容",
                    "missing: write what the system must receive for the sample event"));
            return;
        }
        String rules = "outbound.events." + aggregateType;
        try {
            JsonNode expected = JSON.readTree(outboundFile.toFile());
            ObjectNode mapped = mapOutbound(descriptor, aggregateType, event);
            List<String[]> differences = new ArrayList<>();
            differences(expected, mapped, "", differences);
            for (String[] difference : differences) {
                problems.add(ruleProblem(
                        file,
                        lines,
                        rules + "." + difference[0],
                        "样例事件 " + sample.getFileName() + " 的 " + difference[0] + " 回流为 " + difference[2] + "，"
                                + outboundFile.getFileName() + " 期望 " + difference[1],
                        "the sample event " + sample.getFileName() + " maps " + difference[0] + " to " + difference[2]
                                + ", " + outboundFile.getFileName() + " expects " + difference[1]));
            }
        } catch (FieldMapper.MappingException e) {
            problems.add(ruleProblem(
                    file,
                    lines,
                    rules + "." + e.field(),
                    "样例事件 " + sample.getFileName() + " 回流映射失败：" + e.getMessage(),
                    "the sample event " + sample.getFileName() + " cannot be mapped: " + e.getMessage()));
        } catch (IOException | RuntimeException e) {
            problems.add(unreadable(outboundFile.toString(), e));
        }
    }

    private static KitProblem unreadable(String file, Exception e) {
        String reason = e instanceof com.fasterxml.jackson.core.JsonProcessingException json
                ? json.getOriginalMessage()
                : String.valueOf(e.getMessage());
        Integer line = e instanceof com.fasterxml.jackson.core.JsonProcessingException json
                        && json.getLocation() != null
                        && json.getLocation().getLineNr() > 0
                ? json.getLocation().getLineNr()
                : null;
        return new KitProblem(file, line, "", "文件无法解析：" + reason, "the file cannot be read: " + reason);
    }
}
