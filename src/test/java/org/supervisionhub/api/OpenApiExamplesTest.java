package org.supervisionhub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.supervisionhub.common.ErrorCode;

/**
 * The committed contract teaches: every operation has its docs file (src/main/resources/openapi-docs/operations),
 * every JSON request and response carries an example, every example validates against its schema (no property the
 * schema does not declare), every problem example names a catalog code of the response's status, every code a
 * failure's description names has its example, and every text a
 * reader meets is Chinese first. Plain JUnit on openapi/openapi.yaml, which OpenApiContractTest keeps equal to what
 * the hub serves.
 */
class OpenApiExamplesTest {

    private static final Path CONTRACT = Path.of("openapi", "openapi.yaml");
    private static final Path DOCS = Path.of("src", "main", "resources", "openapi-docs", "operations");
    private static final Pattern CHINESE = Pattern.compile("[\\u4e00-\\u9fff]");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode contract;

    @BeforeAll
    static void load() throws IOException {
        contract = YAML.readTree(CONTRACT.toFile());
    }

    @Test
    void everyOperationHasADocsFileAndEveryFileAnOperation() throws IOException {
        Set<String> operations = new TreeSet<>();
        forEachOperation((where, operation) ->
                operations.add(operation.path("operationId").asText()));
        Set<String> files = new TreeSet<>();
        try (Stream<Path> list = Files.list(DOCS)) {
            list.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .forEach(n -> files.add(n.substring(0, n.length() - ".json".length())));
        }
        Set<String> missing = new TreeSet<>(operations);
        missing.removeAll(files);
        Set<String> stale = new TreeSet<>(files);
        stale.removeAll(operations);
        assertThat(missing)
                .as("operations without examples: for each, run `python3 scripts/openapi-example-skeleton.py --write "
                        + "<operationId>`, edit " + DOCS + "/<operationId>.json (Chinese summary and description, "
                        + "realistic Guangxi values, the catalog code of each failure), then scripts/update-openapi.sh")
                .isEmpty();
        assertThat(stale)
                .as("docs files in " + DOCS + " whose operation no longer exists (renamed? rename the file)")
                .isEmpty();
    }

    @Test
    void everyJsonRequestAndResponseHasAnExampleThatValidatesAgainstItsSchema() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        JsonNode components = strict(contract.path("components").deepCopy());
        List<String> failures = new ArrayList<>();
        forEachOperation((where, operation) -> {
            List<Map.Entry<String, JsonNode>> contents = new ArrayList<>();
            operation
                    .path("requestBody")
                    .path("content")
                    .fields()
                    .forEachRemaining(
                            media -> contents.add(Map.entry(where + " request " + media.getKey(), media.getValue())));
            operation
                    .path("responses")
                    .fields()
                    .forEachRemaining(response -> response.getValue()
                            .path("content")
                            .fields()
                            .forEachRemaining(media -> contents.add(Map.entry(
                                    where + " response " + response.getKey() + " " + media.getKey(),
                                    media.getValue()))));
            for (Map.Entry<String, JsonNode> content : contents) {
                String label = content.getKey();
                if (!label.endsWith("json") || label.endsWith("ndjson")) {
                    continue;
                }
                JsonNode examples = content.getValue().path("examples");
                if (examples.isEmpty()) {
                    failures.add(label + ": no example");
                    continue;
                }
                ObjectNode schemaNode = content.getValue().path("schema").deepCopy();
                schemaNode.set("components", components);
                JsonSchema schema = factory.getSchema(schemaNode, config);
                examples.fields().forEachRemaining(example -> {
                    Set<ValidationMessage> messages =
                            schema.validate(example.getValue().path("value"));
                    messages.forEach(m -> failures.add(label + " example '" + example.getKey() + "': " + m));
                });
            }
        });
        assertThat(failures)
                .as("examples (src/main/resources/openapi-docs/operations) that are missing or do not validate")
                .isEmpty();
    }

    @Test
    void everyProblemExampleNamesACatalogCodeOfItsStatus() {
        List<String> failures = new ArrayList<>();
        forEachOperation((where, operation) -> operation
                .path("responses")
                .fields()
                .forEachRemaining(response -> {
                    JsonNode examples = response.getValue()
                            .path("content")
                            .path("application/problem+json")
                            .path("examples");
                    examples.forEach(example -> {
                        String code = example.path("value").path("code").asText();
                        int status = Integer.parseInt(response.getKey());
                        if (ErrorCode.valueOf(code).status() != status) {
                            failures.add(where + " " + status + ": " + code + " is a "
                                    + ErrorCode.valueOf(code).status());
                        }
                    });
                }));
        assertThat(failures).as("problem examples under the wrong status").isEmpty();
    }

    @Test
    void everyCodeAFailureNamesHasItsExample() {
        Pattern codeWord = Pattern.compile("\\b[A-Z][A-Z0-9_]{3,}\\b");
        Set<String> catalog = new TreeSet<>();
        for (ErrorCode code : ErrorCode.values()) {
            catalog.add(code.name());
        }
        List<String> failures = new ArrayList<>();
        forEachOperation((where, operation) -> operation
                .path("responses")
                .fields()
                .forEachRemaining(response -> {
                    JsonNode examples = response.getValue()
                            .path("content")
                            .path("application/problem+json")
                            .path("examples");
                    var named = codeWord.matcher(
                            response.getValue().path("description").asText());
                    while (named.find()) {
                        if (catalog.contains(named.group()) && !examples.has(named.group())) {
                            failures.add(where + " " + response.getKey() + ": " + named.group());
                        }
                    }
                }));
        assertThat(failures)
                .as("codes a failure's description names without an example: add them to that status in " + DOCS
                        + "/<operationId>.json")
                .isEmpty();
    }

    @Test
    void everySummaryDescriptionAndFieldIsChineseFirst() {
        List<String> failures = new ArrayList<>();
        forEachOperation((where, operation) -> {
            for (String text : List.of("summary", "description")) {
                if (!chineseFirst(operation.path(text).asText())) {
                    failures.add(where + " " + text);
                }
            }
            operation.path("parameters").forEach(parameter -> {
                if (!chineseFirst(parameter.path("description").asText())) {
                    failures.add(where + " parameter " + parameter.path("name").asText());
                }
            });
        });
        contract.path("components")
                .path("schemas")
                .fields()
                .forEachRemaining(schema -> properties(schema.getKey(), schema.getValue(), failures));
        contract.path("tags").forEach(tag -> {
            if (!chineseFirst(tag.path("description").asText())) {
                failures.add("tag " + tag.path("name").asText());
            }
        });
        assertThat(failures)
                .as("texts without a Chinese first line: add the term to src/main/resources/openapi-docs/"
                        + "glossary.json (fields, parameters, tags) or the operation's docs file")
                .isEmpty();
    }

    private static void properties(String where, JsonNode schema, List<String> failures) {
        schema.path("properties").fields().forEachRemaining(property -> {
            if (!chineseFirst(property.getValue().path("description").asText())) {
                failures.add("schema " + where + "." + property.getKey());
            }
            properties(where + "." + property.getKey(), property.getValue(), failures);
            properties(where + "." + property.getKey(), property.getValue().path("items"), failures);
        });
    }

    private static boolean chineseFirst(String text) {
        int end = text.indexOf('\n');
        return CHINESE.matcher(end < 0 ? text : text.substring(0, end)).find();
    }

    /** Declared properties only: an example with a misspelt or invented field fails. */
    private static JsonNode strict(JsonNode components) {
        components.path("schemas").forEach(OpenApiExamplesTest::closeObjects);
        return components;
    }

    private static void closeObjects(JsonNode schema) {
        if (!(schema instanceof ObjectNode object)) {
            return;
        }
        if (object.has("properties")
                && !object.has("additionalProperties")
                && !object.has("allOf")
                && !object.has("anyOf")
                && !object.has("oneOf")) {
            object.put("additionalProperties", false);
        }
        object.path("properties").forEach(OpenApiExamplesTest::closeObjects);
        closeObjects(object.path("items"));
    }

    private static void forEachOperation(BiConsumer<String, JsonNode> action) {
        Iterator<Map.Entry<String, JsonNode>> paths = contract.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    action.accept(
                            method.toUpperCase() + " " + path.getKey() + " ("
                                    + operation.path("operationId").asText() + ")",
                            operation);
                }
            }
        }
    }
}
