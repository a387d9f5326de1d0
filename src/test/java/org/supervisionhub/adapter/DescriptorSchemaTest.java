package org.supervisionhub.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * adapters/descriptor.schema.json, the editors' view of a descriptor, agrees with the hub's: every shipped descriptor
 * validates against it, and the rules' shapes it refuses the hub refuses too.
 */
class DescriptorSchemaTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonSchema SCHEMA = schema();

    private static JsonSchema schema() {
        try {
            JsonNode schema = new ObjectMapper()
                    .readTree(Path.of("adapters", "descriptor.schema.json").toFile());
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(schema);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Stream<String> descriptors() throws IOException {
        List<Path> found = new java.util.ArrayList<>();
        for (Path root : List.of(Path.of("adapters"), Path.of("src", "test", "adapters"))) {
            try (Stream<Path> files = Files.walk(root, 2)) {
                files.filter(path -> path.getFileName().toString().equals("adapter.yaml"))
                        .forEach(found::add);
            }
        }
        return found.stream().map(Path::toString).sorted();
    }

    private static Set<ValidationMessage> validate(String yaml) throws IOException {
        return SCHEMA.validate(YAML.readTree(AdapterRegistry.resolvePlaceholders(yaml)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("descriptors")
    void everyDescriptorValidatesAgainstTheSchema(String file) throws IOException {
        assertThat(validate(Files.readString(Path.of(file)))).isEmpty();
    }

    private static String descriptor(String fields) {
        return """
                system: rules
                name: Rules
                ownerDepartment: GX_SAMR
                auth: { inboundClientId: rules }
                inbound:
                  results:
                    recordKind: PENALTY
                    format: xml
                    fields:
                """ + fields.indent(6) + """
                codeTables:
                  a: { "1": X }
                """;
    }

    @Test
    void theRicherRulesValidate() throws IOException {
        assertThat(validate(descriptor("""
                        officers:
                          zip:
                            name: { path: n, split: "," }
                            issuer: { constant: GXZF }
                        penalty.legalBasis: { path: b, join: "；" }
                        penalty.fineAmount: { path: f, number: true, default: 0 }
                        penalty.hearing: { path: h, boolean: true }
                        subject.creditCode: { path: c, trim: true, stripPrefix: "统一社会信用代码：" }
                        subject.idNumber: { path: i, idNumber15to18: true }
                        subject.type: { path: t, codeTableBy: { path: $.lx, tables: { "1": a }, otherwise: a } }
                        """))).isEmpty();
    }

    @Test
    void schemaAndHubRefuseTheSameBrokenRules(@TempDir Path directory) throws IOException {
        String yaml = descriptor("""
                officers: { path: o, zip: { name: { path: n } } }
                penalty.fineAmount: { path: f, number: true, boolean: true }
                penalty.procedure: { path: p, codeTable: a, codeTableBy: { path: lx, tables: { "1": a } } }
                subject.type: { path: t, codeTableBy: { path: lx, tables: { "1": missing } } }
                subject.name: { path: n, split: "" }
                """);
        Files.createDirectories(directory.resolve("rules"));
        Files.writeString(directory.resolve("rules/adapter.yaml"), yaml);

        assertThat(validate(yaml)).isNotEmpty();
        assertThat(AdapterRegistry.loadAll(directory).get("rules").problems())
                .extracting(AdapterProblem::field)
                .contains(
                        "inbound.results.fields.officers",
                        "inbound.results.fields.penalty.fineAmount",
                        "inbound.results.fields.penalty.procedure",
                        "inbound.results.fields.subject.type.codeTableBy.tables.1",
                        "inbound.results.fields.subject.name.split");
    }

    @Test
    void anUnknownFormatIsRefused(@TempDir Path directory) throws IOException {
        String yaml = descriptor("sourceRecordId: { path: id }").replace("format: xml", "format: csv");
        Files.createDirectories(directory.resolve("rules"));
        Files.writeString(directory.resolve("rules/adapter.yaml"), yaml);

        assertThat(validate(yaml)).isNotEmpty();
        assertThat(AdapterRegistry.loadAll(directory).get("rules").problems())
                .singleElement()
                .satisfies(problem -> assertThat(problem.field()).isEqualTo("inbound.results.format"));
    }
}
