package org.supervisionhub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The data dictionary cannot drift: every {@code openapi-docs/schemas/<SchemaName>.json} names a component schema of
 * the committed contract, every entry a property of it, and the contract shows the entry's text in that property's
 * description (a renamed record, component or property leaves no orphan entry behind). Plain JUnit on
 * openapi/openapi.yaml, which OpenApiContractTest keeps equal to what the hub serves.
 */
class OpenApiSchemaDocsTest {

    private static final Path CONTRACT = Path.of("openapi", "openapi.yaml");
    private static final Path DOCS = Path.of("src", "main", "resources", "openapi-docs", "schemas");

    @Test
    void everyDictionaryEntryDescribesAPropertyOfTheServedDocument() throws IOException {
        JsonNode schemas = new ObjectMapper(new YAMLFactory())
                .readTree(CONTRACT.toFile())
                .path("components")
                .path("schemas");
        ObjectMapper json = new ObjectMapper();
        List<Path> files;
        try (Stream<Path> list = Files.list(DOCS)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).as("dictionary files in " + DOCS).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString().replaceFirst("\\.json$", "");
            JsonNode schema = schemas.get(name);
            if (schema == null) {
                problems.add(file + ": no component schema " + name + " (renamed? rename the file)");
                continue;
            }
            JsonNode entries = json.readTree(file.toFile());
            if (!entries.isObject() || entries.isEmpty()) {
                problems.add(file + ": not an object of property to description");
                continue;
            }
            entries.fields().forEachRemaining(entry -> {
                JsonNode property = schema.path("properties").get(entry.getKey());
                String text = entry.getValue().asText("").strip();
                if (property == null) {
                    problems.add(file + ": " + name + " has no property " + entry.getKey() + " (renamed?)");
                } else if (!entry.getValue().isTextual() || text.isEmpty()) {
                    problems.add(file + ": " + entry.getKey() + " is not a text");
                } else if (!property.path("description").asText().contains(text)) {
                    problems.add(file + ": the contract's " + name + "." + entry.getKey()
                            + " does not show the entry (scripts/update-openapi.sh)");
                }
            });
        }
        assertThat(problems)
                .as("data dictionary entries without their property")
                .isEmpty();
    }
}
