package org.supervisionhub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compatibility policy (docs/API-VERSIONING.md), checked by every build: the committed contract
 * (openapi/openapi.yaml, itself checked against what the hub serves by {@link OpenApiContractTest}) is compared with
 * the last released one (openapi/released/openapi-v&lt;version&gt;.yaml) by {@link ContractDiff}; a breaking change
 * fails unless info.version's major is bumped. docs/API-CHANGELOG.md is generated from the same diff: after an
 * intended change, regenerate it with {@code mvn -o test -Dtest=ApiCompatibilityTest -Dhub.api.changelog=true} and
 * commit it.
 */
class ApiCompatibilityTest {

    static final Path CURRENT = Path.of("openapi", "openapi.yaml");
    static final Path RELEASED = Path.of("openapi", "released");
    static final Path CHANGELOG = Path.of("docs", "API-CHANGELOG.md");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The newest released contract: the highest version among openapi/released/openapi-v*.yaml. */
    static Path lastReleased() throws IOException {
        try (var files = Files.list(RELEASED)) {
            return files.filter(file -> file.getFileName().toString().matches("openapi-v\\d+\\.\\d+\\.\\d+\\.yaml"))
                    .max(Comparator.comparing(ApiCompatibilityTest::versionKey))
                    .orElseThrow(() -> new IllegalStateException("no released contract in " + RELEASED));
        }
    }

    private static String versionKey(Path file) {
        String[] parts = file.getFileName()
                .toString()
                .replace("openapi-v", "")
                .replace(".yaml", "")
                .split("\\.");
        return String.format(
                Locale.ROOT,
                "%06d.%06d.%06d",
                Integer.parseInt(parts[0]),
                Integer.parseInt(parts[1]),
                Integer.parseInt(parts[2]));
    }

    private static JsonNode read(Path file) throws IOException {
        return YAML.readTree(file.toFile());
    }

    static int major(JsonNode contract) {
        return Integer.parseInt(
                contract.path("info").path("version").asText().strip().split("\\.")[0]);
    }

    static List<String> breaking(List<ContractDiff.Change> changes) {
        return changes.stream()
                .filter(ContractDiff.Change::breaking)
                .map(change -> change.operation() + ": " + change.what())
                .toList();
    }

    /** With {@code -Dhub.api.changelog=true}, first rewrites docs/API-CHANGELOG.md from the diff (review it). */
    @BeforeAll
    static void regenerateWhenAsked() throws IOException {
        if (Boolean.getBoolean("hub.api.changelog")) {
            JsonNode released = read(lastReleased());
            JsonNode current = read(CURRENT);
            Files.writeString(CHANGELOG, changelog(released, current, ContractDiff.between(released, current)));
        }
    }

    @Test
    void noBreakingChangeAgainstTheLastReleaseWithinItsMajorVersion() throws IOException {
        JsonNode released = read(lastReleased());
        JsonNode current = read(CURRENT);

        List<ContractDiff.Change> changes = ContractDiff.between(released, current);

        assertThat(major(current)).as("info.version never goes back").isGreaterThanOrEqualTo(major(released));
        if (major(current) == major(released)) {
            assertThat(breaking(changes))
                    .as(
                            "breaking changes against %s need a new major version (info.version, now %s) — see "
                                    + "docs/API-VERSIONING.md",
                            lastReleased(), current.path("info").path("version").asText())
                    .isEmpty();
        }
    }

    @Test
    void changelogIsWhatTheDiffGenerates() throws IOException {
        JsonNode released = read(lastReleased());
        JsonNode current = read(CURRENT);
        String generated = changelog(released, current, ContractDiff.between(released, current));
        Path copy = Path.of("target", "API-CHANGELOG.md");
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, generated);

        assertThat(Files.readString(CHANGELOG))
                .as("docs/API-CHANGELOG.md differs from the diff (see target/API-CHANGELOG.md); regenerate it with "
                        + "mvn -o test -Dtest=ApiCompatibilityTest -Dhub.api.changelog=true")
                .isEqualTo(generated);
    }

    @Test
    void theReleasedContractAgainstItselfHasNoChange() throws IOException {
        JsonNode released = read(lastReleased());

        assertThat(ContractDiff.between(released, read(lastReleased()))).isEmpty();
    }

    private static ObjectNode versions(JsonNode contract) {
        return (ObjectNode)
                contract.path("paths").path("/api/v1/items/{code}/versions").path("get");
    }

    private static ObjectNode parameter(String name, boolean required) {
        ObjectNode parameter = YAML.createObjectNode().put("name", name).put("in", "query");
        parameter.put("required", required).putObject("schema").put("type", "string");
        return parameter;
    }

    @Test
    void aNewRequiredParameterIsBreaking() throws IOException {
        JsonNode changed = read(lastReleased());
        versions(changed).withArray("parameters").add(parameter("since", true));

        assertThat(breaking(ContractDiff.between(read(lastReleased()), changed)))
                .containsExactly("GET /api/v1/items/{code}/versions: + parameter query since (required)");
    }

    @Test
    void aRemovedOperationIsBreaking() throws IOException {
        JsonNode changed = read(lastReleased());
        ((ObjectNode) changed.path("paths").path("/api/v1/items/{code}/versions")).remove("get");

        assertThat(breaking(ContractDiff.between(read(lastReleased()), changed)))
                .containsExactly("GET /api/v1/items/{code}/versions: removed");
    }

    @Test
    void aRemovedResponseFieldIsBreaking() throws IOException {
        JsonNode changed = read(lastReleased());
        ((ObjectNode) changed.path("components")
                        .path("schemas")
                        .path("ItemVersion")
                        .path("properties"))
                .remove("version");

        assertThat(breaking(ContractDiff.between(read(lastReleased()), changed)))
                .containsExactly("GET /api/v1/items/{code}/versions: - response 200 application/json[] .version");
    }

    @Test
    void aNarrowedEnumAndAChangedTypeAreBreaking() throws IOException {
        JsonNode released = read(lastReleased());
        JsonNode changed = read(lastReleased());
        ObjectNode schemas = (ObjectNode) changed.path("components").path("schemas");
        String enumSchema = null;
        for (var names = schemas.fieldNames(); names.hasNext() && enumSchema == null; ) {
            String name = names.next();
            if (schemas.path(name).path("enum").size() > 1) {
                enumSchema = name;
            }
        }
        assertThat(enumSchema).as("the contract has an enum schema").isNotNull();
        ((com.fasterxml.jackson.databind.node.ArrayNode)
                        schemas.path(enumSchema).path("enum"))
                .remove(0);
        ((ObjectNode) schemas.path("ItemVersion").path("properties").path("version")).put("type", "string");

        List<String> found = breaking(ContractDiff.between(released, changed));

        assertThat(found)
                .anySatisfy(change -> assertThat(change).contains("values removed"))
                .anySatisfy(change -> assertThat(change).contains(".version type [integer] → [string]"));
    }

    @Test
    void anOptionalParameterIsAdditiveAndInTheChangelog() throws IOException {
        JsonNode released = read(lastReleased());
        JsonNode changed = read(lastReleased());
        versions(changed).withArray("parameters").add(parameter("since", false));

        List<ContractDiff.Change> changes = ContractDiff.between(released, changed);

        assertThat(breaking(changes)).isEmpty();
        assertThat(changelog(released, changed, changes))
                .contains("- `GET /api/v1/items/{code}/versions`: + parameter query since\n");
    }

    /** docs/API-CHANGELOG.md: the changes of the contract since the last release, operation by operation. */
    static String changelog(JsonNode released, JsonNode current, List<ContractDiff.Change> changes) {
        String from = released.path("info").path("version").asText();
        String to = current.path("info").path("version").asText();
        StringBuilder out = new StringBuilder();
        out.append("# API changelog / 接口变更记录\n\n")
                .append("Generated by `ApiCompatibilityTest` from the difference between the last released contract ")
                .append("(`openapi/released/openapi-v")
                .append(from)
                .append(".yaml`) and the current one (`openapi/openapi.yaml`); texts and examples are left out. ")
                .append("Regenerate with `mvn -o test -Dtest=ApiCompatibilityTest -Dhub.api.changelog=true`. ")
                .append("The policy: [API-VERSIONING.md](API-VERSIONING.md).\n\n")
                .append("由 `ApiCompatibilityTest` 根据上一发布版契约与当前契约的差异生成（不含说明文字与示例）；")
                .append("兼容性策略见 [API-VERSIONING.md](API-VERSIONING.md)。\n\n")
                .append("## ")
                .append(to)
                .append(" (since ")
                .append(from)
                .append(")\n\n");
        Map<String, List<String>> sections = new LinkedHashMap<>();
        sections.put("Breaking / 不兼容变更", new ArrayList<>());
        sections.put("Added / 新增", new ArrayList<>());
        sections.put("Deprecated / 弃用", new ArrayList<>());
        sections.put("Changed / 兼容变更", new ArrayList<>());
        for (ContractDiff.Change change : changes) {
            String section = change.breaking()
                    ? "Breaking / 不兼容变更"
                    : change.what().equals("added")
                            ? "Added / 新增"
                            : change.what().equals("deprecated") ? "Deprecated / 弃用" : "Changed / 兼容变更";
            sections.get(section)
                    .add("- `" + change.operation() + "`"
                            + (change.what().equals("added") || change.what().equals("deprecated")
                                    ? ""
                                    : ": " + change.what()));
        }
        if (changes.isEmpty()) {
            out.append("No change of operations, parameters, bodies or responses. / 接口无变更。\n");
        }
        sections.forEach((title, lines) -> {
            if (!lines.isEmpty()) {
                out.append("### ").append(title).append("\n\n");
                lines.forEach(line -> out.append(line).append('\n'));
                out.append('\n');
            }
        });
        return out.toString().stripTrailing() + "\n";
    }
}
