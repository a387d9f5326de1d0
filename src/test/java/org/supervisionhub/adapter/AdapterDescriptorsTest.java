package org.supervisionhub.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every descriptor under adapters/ loads without a problem, and every sample payload maps onto exactly the canonical
 * records its folder says it must; broken descriptors are reported with file, line and field.
 */
class AdapterDescriptorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ADAPTERS = Path.of("adapters");

    static Stream<String> samples() throws IOException {
        try (Stream<Path> files = Files.walk(ADAPTERS)) {
            return files.map(Path::toString).filter(path -> path.contains("/samples/") && path.endsWith(".json")
                    && !path.endsWith(".canonical.json")).sorted().toList().stream();
        }
    }

    @Test
    void everyDescriptorLoadsWithoutProblems() {
        Map<String, AdapterRegistry.Loaded> adapters = AdapterRegistry.loadAll(ADAPTERS);

        assertThat(adapters).containsKeys("ssj", "hotline-12345");
        adapters.values().forEach(adapter -> assertThat(adapter.problems()).as(adapter.system()).isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void samplePayloadMapsOntoItsCanonicalRecords(String sample) throws IOException {
        Path file = Path.of(sample);
        String system = file.getParent().getParent().getFileName().toString();
        String kind = file.getFileName().toString().replace(".json", "");
        AdapterDescriptor descriptor = AdapterRegistry.loadAll(ADAPTERS).get(system).descriptor();
        AdapterDescriptor.Inbound inbound = descriptor.inbound().get(kind);
        JsonNode payload = JSON.readTree(file.toFile());
        JsonNode expected = JSON.readTree(file.resolveSibling(kind + ".canonical.json").toFile());

        ArrayNode mapped = JSON.createArrayNode();
        FieldMapper.at(payload, inbound.records()).forEach(element ->
                mapped.add(AdapterService.canonicalRecord(descriptor, inbound, element)));

        assertThat(mapped).isEqualTo(expected);
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

        assertThat(adapter.problems()).extracting(AdapterProblem::field, AdapterProblem::line).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("inbound.results.fields.inspection.colour", 11),
                org.assertj.core.groups.Tuple.tuple("inbound.results.fields.inspection.resultCode.codeTable", 12),
                org.assertj.core.groups.Tuple.tuple("inbound.results.fields.inspection.checkDate", 13));
    }

    @Test
    void systemIdMustEqualItsFolder(@TempDir Path directory) throws IOException {
        write(directory, "folder", """
                system: other
                name: Other
                ownerDepartment: GX_SAMR
                auth: { type: none }
                """);

        assertThat(AdapterRegistry.loadAll(directory).get("folder").problems()).singleElement()
                .satisfies(problem -> assertThat(problem.toString()).isEqualTo(
                        "folder/adapter.yaml:1 [system]: the system id 'other' differs from its folder 'folder'"));
    }

    private static void write(Path directory, String system, String yaml) throws IOException {
        Files.createDirectories(directory.resolve(system));
        Files.writeString(directory.resolve(system).resolve("adapter.yaml"), yaml);
    }
}
