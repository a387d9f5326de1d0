package org.supervisionhub.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped models are valid by the schema and by the hub; broken ones are refused by both, with file and line. */
class RiskModelFilesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path RULES = Path.of("rules");

    static Stream<String> models() throws IOException {
        try (Stream<Path> files = Files.list(RULES)) {
            return files.map(Path::toString).filter(name -> name.endsWith(".yaml")).sorted().toList().stream();
        }
    }

    private static JsonSchema schema() throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(new ObjectMapper()
                        .readTree(RULES.resolve("model.schema.json").toFile()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyShippedModelValidatesAgainstTheSchema(String file) throws IOException {
        JsonNode model = YAML.readTree(Path.of(file).toFile());

        assertThat(schema().validate(model)).isEmpty();
    }

    @Test
    void theHubRunsFiveShippedModels() {
        RiskModels.Loaded loaded = RiskModels.load(RULES);

        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.models())
                .containsOnlyKeys(
                        "complaints-surge",
                        "repeat-offender",
                        "credit-deterioration",
                        "permit-without-followup",
                        "repeated-inspections");
    }

    @Test
    void anUnknownSignalIsRefusedWithItsLineByTheHubAndTheSchema(@TempDir Path folder) throws IOException {
        String text = """
                id: scripted
                name: 脚本模型
                level: P2
                threshold: 1
                signals:
                  - signal: EVAL_SCRIPT
                    atLeast: 1
                    weight: 1
                """;
        Files.writeString(folder.resolve("scripted.yaml"), text);

        RiskModels.Loaded loaded = RiskModels.load(folder);

        assertThat(loaded.models()).isEmpty();
        assertThat(loaded.problems()).singleElement().asString().contains("scripted.yaml:6", "signals[0].signal");
        assertThat(schema().validate(YAML.readTree(text))).isNotEmpty();
    }

    @Test
    void aModelWhoseWeightsCannotReachItsThresholdIsRefused(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("never.yaml"), """
                id: never
                name: 永不触发
                level: P3
                threshold: 5
                signals:
                  - signal: PENALTIES
                    atLeast: 1
                    weight: 2
                """);

        assertThat(RiskModels.load(folder).problems())
                .singleElement()
                .asString()
                .contains("[threshold]", "could never fire");
    }

    @Test
    void aModelNamedOtherwiseThanItsFileIsRefused(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("one.yaml"), """
                id: other
                name: 名不副实
                level: P3
                threshold: 1
                signals:
                  - signal: CREDIT_LEVEL
                    atLeast: 1
                    weight: 1
                """);

        assertThat(RiskModels.load(folder).problems())
                .containsExactlyInAnyOrder(
                        folder.resolve("one.yaml") + " [id]: must be the file's name, one",
                        folder.resolve("one.yaml") + " [signals[0].levels]: CREDIT_LEVEL names the levels that count");
    }

    @Test
    void aMissingFolderHasNoModels() {
        RiskModels.Loaded loaded = RiskModels.load(Path.of("no-such-folder"));

        assertThat(loaded.models()).isEmpty();
        assertThat(loaded.problems()).isEmpty();
    }
}
