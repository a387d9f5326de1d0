package org.supervisionhub.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.supervisionhub.adapter.kit.DockingKit;

/**
 * Every descriptor under adapters/ loads without a problem, and every sample payload maps onto exactly the canonical
 * records its folder says it must; broken descriptors are reported with file, line and field. The samples are read and
 * mapped by the docking kit's methods ({@link DockingKit}), the code path of the hub's own mapping.
 */
class AdapterDescriptorsTest {

    // Decimals read exactly, as the number rule writes them (1200.50 stays 1200.50): the docking kit's reading.
    static final ObjectMapper JSON = DockingKit.JSON;
    private static final Path ADAPTERS = Path.of("adapters");

    private static final Path TEST_ADAPTERS = Path.of("src", "test", "adapters");

    /**
     * Inbound samples: {@code <kind>.json} (or {@code <kind>.xml} for a kind of {@code format: xml}) beside the
     * {@code <kind>.canonical.json} it must map to.
     */
    static Stream<String> samples() throws IOException {
        return sampleFiles(
                path -> DockingKit.isInboundSample(Path.of(path).getFileName().toString()));
    }

    /** Outbound samples: a hub event {@code <event>.event.json} beside the {@code <event>.outbound.json} it must become. */
    static Stream<String> outboundSamples() throws IOException {
        return sampleFiles(path -> path.endsWith(".event.json"));
    }

    private static Stream<String> sampleFiles(java.util.function.Predicate<String> kind) throws IOException {
        List<String> found = new java.util.ArrayList<>();
        for (Path root : List.of(ADAPTERS, TEST_ADAPTERS)) {
            try (Stream<Path> files = Files.walk(root)) {
                files.map(Path::toString)
                        .filter(path -> path.contains("/samples/"))
                        .filter(kind)
                        .forEach(found::add);
            }
        }
        return found.stream().sorted();
    }

    /** A sample payload as the hub reads it: JSON, or XML into the same tree. */
    static JsonNode samplePayload(Path sample) throws IOException {
        return DockingKit.readSample(sample);
    }

    /** The canonical records a sample must map to: {@code <kind>.canonical.json} beside it. */
    static JsonNode expectedCanonical(Path sample) throws IOException {
        return DockingKit.expectedCanonical(sample);
    }

    private static AdapterDescriptor descriptorOf(Path sample) {
        Path folder = sample.getParent().getParent();
        return AdapterRegistry.loadAll(folder.getParent())
                .get(folder.getFileName().toString())
                .descriptor();
    }

    @Test
    void everyDescriptorLoadsWithoutProblems() {
        Map<String, AdapterRegistry.Loaded> adapters = AdapterRegistry.loadAll(ADAPTERS);

        assertThat(adapters).containsKeys("ssj", "hotline-12345", "zfjd", "credit");
        adapters.values()
                .forEach(adapter ->
                        assertThat(adapter.problems()).as(adapter.system()).isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void samplePayloadMapsOntoItsCanonicalRecords(String sample) throws IOException {
        Path file = Path.of(sample);
        boolean xml = sample.endsWith(".xml");
        String kind = file.getFileName().toString().replaceFirst("\\.(json|xml)$", "");
        AdapterDescriptor descriptor = descriptorOf(file);
        AdapterDescriptor.Inbound inbound = descriptor.inbound().get(kind);
        assertThat(inbound.effectiveFormat())
                .as("the format of " + kind)
                .isEqualTo(xml ? AdapterDescriptor.Format.XML : AdapterDescriptor.Format.JSON);
        JsonNode payload = samplePayload(file);
        JsonNode expected = expectedCanonical(file);

        ArrayNode mapped = DockingKit.mapInbound(descriptor, kind, payload);

        assertThat(mapped).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outboundSamples")
    void hubEventMapsOntoTheSystemsFormat(String sample) throws IOException {
        Path file = Path.of(sample);
        String event = file.getFileName().toString().replace(".event.json", "");
        AdapterDescriptor descriptor = descriptorOf(file);
        JsonNode expected =
                JSON.readTree(file.resolveSibling(event + ".outbound.json").toFile());

        JsonNode mapped = DockingKit.mapOutbound(descriptor, event, JSON.readTree(file.toFile()));

        assertThat(mapped).isEqualTo(expected);
    }

    @Test
    void creditPlatformReceivesPublishedPenaltiesOnly() throws IOException {
        AdapterDescriptor.Outbound outbound =
                AdapterRegistry.loadAll(ADAPTERS).get("credit").descriptor().outbound();
        JsonNode penalty = JSON.readTree(
                ADAPTERS.resolve("credit/samples/disclosure.event.json").toFile());

        assertThat(outbound.wants("disclosure", penalty)).isTrue();
        assertThat(outbound.wants(
                        "disclosure",
                        JSON.readTree(penalty.toString().replace("\"kind\":\"PENALTY\"", "\"kind\":\"INSPECTION\""))))
                .as("双随机 results go to the enterprise credit publicity system instead")
                .isFalse();
        assertThat(outbound.events()).as("records themselves are not sent").containsOnlyKeys("disclosure");
    }

    @Test
    void hotlineGetsBackTheDispositionOfItsOwnWorkOrdersOnly() throws IOException {
        AdapterDescriptor.Outbound outbound = AdapterRegistry.loadAll(ADAPTERS)
                .get("hotline-12345")
                .descriptor()
                .outbound();
        String answered = Files.readString(ADAPTERS.resolve("hotline-12345/samples/record.event.json"));

        assertThat(outbound.wants("record", JSON.readTree(answered))).isTrue();
        assertThat(outbound.wants(
                        "record", JSON.readTree(answered.replace("\"handlingResult\": \"经核查属实，已责令下架并立案调查\",", ""))))
                .as("not answered yet")
                .isFalse();
        assertThat(outbound.wants(
                        "record",
                        JSON.readTree(
                                answered.replace("\"sourceSystem\": \"hotline-12345\"", "\"sourceSystem\": \"ssj\""))))
                .as("another system's complaint")
                .isFalse();
    }

    @Test
    void brokenDescriptorStopsTheStartWithEveryProblem(@TempDir Path directory) throws IOException {
        write(directory, "broken", """
                system: broken
                name: Broken
                ownerDepartment: GX_SAMR
                auth: { type: carrier-pigeon }
                """);
        AdapterRegistry registry = new AdapterRegistry();
        registry.config = config(directory, true);

        org.assertj.core.api.Assertions.assertThatThrownBy(registry::all)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("broken/adapter.yaml:4 [auth.type]: one of");
        registry.config = config(directory, false);
        assertThat(registry.all().get("broken").enabled()).isFalse();
    }

    @Test
    void everyDescriptorKeyOfTheSchemaIsDocumented() throws IOException {
        JsonNode schema =
                JSON.readTree(ADAPTERS.resolve("descriptor.schema.json").toFile());
        String guide = Files.readString(Path.of("docs", "adapters.md"));
        List<String> keys = new java.util.ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(keys::add);
        schema.path("properties")
                .path("inbound")
                .path("additionalProperties")
                .path("properties")
                .fieldNames()
                .forEachRemaining(keys::add);
        schema.path("properties")
                .path("outbound")
                .path("properties")
                .fieldNames()
                .forEachRemaining(keys::add);
        schema.path("$defs").path("rule").path("properties").fieldNames().forEachRemaining(keys::add);

        assertThat(keys)
                .isNotEmpty()
                .allSatisfy(key -> assertThat(guide.contains("`" + key) || guide.contains("." + key))
                        .withFailMessage("docs/adapters.md does not document '%s' of the schema", key)
                        .isTrue());
    }

    @Test
    void placeholdersTakeTheEnvironmentOrTheirDefault() {
        System.setProperty("ADAPTER_TEST_PLACEHOLDER", "https://ssj.test");
        assertThat(AdapterRegistry.resolvePlaceholders("url: ${ADAPTER_TEST_PLACEHOLDER}/changes"))
                .isEqualTo("url: https://ssj.test/changes");
        assertThat(AdapterRegistry.resolvePlaceholders("url: ${NOT_SET_ANYWHERE:https://default}"))
                .isEqualTo("url: https://default");
    }

    @Test
    void unknownFieldIsReportedWithFileAndLine(@TempDir Path directory) throws IOException {
        write(directory, "broken", """
                system: broken
                name: Broken
                ownerDepartment: GX_SAMR
                auth:
                  inboundClientId: broken
                  colour: red
                """);

        AdapterRegistry.Loaded adapter = AdapterRegistry.loadAll(directory).get("broken");

        assertThat(adapter.enabled()).isFalse();
        assertThat(adapter.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("broken/adapter.yaml");
            assertThat(problem.line()).isEqualTo(6);
            assertThat(problem.field()).isEqualTo("auth.colour");
        });
    }

    @Test
    void semanticProblemsNameTheirFieldAndLine(@TempDir Path directory) throws IOException {
        write(directory, "wrong", """
                system: wrong
                name: Wrong
                ownerDepartment: GX_SAMR
                auth:
                  inboundClientId: wrong
                inbound:
                  results:
                    recordKind: INSPECTION
                    fields:
                      sourceRecordId: { path: id }
                      inspection.colour: { path: c }
                      inspection.resultCode: { path: r, codeTable: missing }
                      inspection.checkDate: { path: d, dateFormat: "yyyyMMdd", constant: x }
                """);

        AdapterRegistry.Loaded adapter = AdapterRegistry.loadAll(directory).get("wrong");

        assertThat(adapter.problems())
                .extracting(AdapterProblem::field, AdapterProblem::line)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("inbound.results.fields.inspection.colour", 11),
                        org.assertj.core.groups.Tuple.tuple(
                                "inbound.results.fields.inspection.resultCode.codeTable", 12),
                        org.assertj.core.groups.Tuple.tuple("inbound.results.fields.inspection.checkDate", 13));
    }

    @Test
    void subscriptionsNameAggregateTypesAndPayloadFieldsOfTheEventCatalog(@TempDir Path directory) throws IOException {
        write(directory, "subscriber", """
                system: subscriber
                name: Subscriber
                ownerDepartment: GX_SAMR
                auth: { type: none }
                outbound:
                  events:
                    record:
                      id: { path: recordId }
                      subject: { path: record.subject.name }
                      colour: { path: colour.name }
                    RECORD_CREATED:
                      id: { path: recordId }
                  when:
                    record:
                      kind: PENALTY
                      shade: dark
                """);

        AdapterRegistry.Loaded adapter = AdapterRegistry.loadAll(directory).get("subscriber");

        assertThat(adapter.problems())
                .extracting(AdapterProblem::field)
                .containsExactlyInAnyOrder(
                        "outbound.events.record.colour",
                        "outbound.events.RECORD_CREATED",
                        "outbound.when.record.shade");
    }

    @Test
    void systemIdMustEqualItsFolder(@TempDir Path directory) throws IOException {
        write(directory, "folder", """
                system: other
                name: Other
                ownerDepartment: GX_SAMR
                auth: { type: none }
                """);

        assertThat(AdapterRegistry.loadAll(directory).get("folder").problems())
                .singleElement()
                .satisfies(
                        problem -> assertThat(problem.toString())
                                .isEqualTo(
                                        "folder/adapter.yaml:1 [system]: the system id 'other' differs from its folder 'folder'"));
    }

    private static void write(Path directory, String system, String yaml) throws IOException {
        Files.createDirectories(directory.resolve(system));
        Files.writeString(directory.resolve(system).resolve("adapter.yaml"), yaml);
    }

    private static AdaptersConfig config(Path directory, boolean strict) {
        return new AdaptersConfig() {
            @Override
            public Path directory() {
                return directory;
            }

            @Override
            public java.util.Optional<java.util.List<Path>> extraDirectories() {
                return java.util.Optional.empty();
            }

            @Override
            public boolean strict() {
                return strict;
            }
        };
    }
}
