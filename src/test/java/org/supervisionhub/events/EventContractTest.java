package org.supervisionhub.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed event contract (openapi/events.asyncapi.yaml) must be what the catalog and its records generate, so
 * it cannot drift; and every adapter's sample event ({@code samples/<aggregate type>.event.json}) must be a payload
 * the contract allows. After an intended change of an event record, regenerate the contract with
 * {@code mvn -o test -Dtest=EventContractTest -Dhub.events.update=true} and commit the diff.
 */
class EventContractTest {

    private static final List<Path> ADAPTERS = List.of(Path.of("adapters"), Path.of("src", "test", "adapters"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String generated() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
                        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                        .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE))
                .enable(SerializationFeature.INDENT_OUTPUT);
        return "# Generated from org.supervisionhub.events by EventContractTest: do not edit by hand.\n"
                + yaml.writeValueAsString(EventContract.document());
    }

    /** With {@code -Dhub.events.update=true}, first rewrites the committed contract (review the diff). */
    @BeforeAll
    static void regenerateWhenAsked() throws IOException {
        if (Boolean.getBoolean("hub.events.update")) {
            Files.writeString(EventSchemas.CONTRACT, generated());
        }
    }

    @Test
    void committedContractIsWhatTheCatalogGenerates() throws IOException {
        String generated = generated();
        Path copy = Path.of("target", "events.asyncapi.yaml");
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, generated);

        assertThat(EventSchemas.CONTRACT).as("committed event contract").exists();
        assertThat(EventSchemas.YAML.readTree(EventSchemas.CONTRACT.toFile()))
                .as(
                        "the event records differ from %s; review target/events.asyncapi.yaml and regenerate with "
                                + "-Dhub.events.update=true",
                        EventSchemas.CONTRACT)
                .isEqualTo(EventSchemas.YAML.readTree(generated));
    }

    @Test
    void everyTypeFollowsTheConventionAndHasItsOwnRecord() {
        for (EventType type : EventType.values()) {
            assertThat(type.followsConvention())
                    .as("%s is <aggregate type with hyphens>.<verb>", type)
                    .isTrue();
            assertThat(EventType.of(type.value())).contains(type);
        }
        assertThat(Arrays.stream(EventType.values())
                        .map(EventType::payload)
                        .distinct()
                        .count())
                .as("one record per event type")
                .isEqualTo(EventType.values().length);
        assertThat(Set.of(HubEvent.class.getPermittedSubclasses()))
                .as("every HubEvent is in the catalog")
                .isEqualTo(Arrays.stream(EventType.values())
                        .map(EventType::payload)
                        .collect(Collectors.toSet()));
    }

    @Test
    void contractRefusesAMissingAForeignAndAnUnknownValue() throws IOException {
        EventSchemas schemas = EventSchemas.committed();
        com.fasterxml.jackson.databind.node.ObjectNode sample = (com.fasterxml.jackson.databind.node.ObjectNode)
                JSON.readTree(Path.of("adapters", "ssj", "samples", "certificate.event.json")
                        .toFile());
        assertThat(schemas.problems(EventType.CERTIFICATE_UPSERTED, sample)).isEmpty();

        assertThat(schemas.problems(
                        EventType.CERTIFICATE_UPSERTED, sample.deepCopy().without("version")))
                .isNotEmpty();
        assertThat(schemas.problems(
                        EventType.CERTIFICATE_UPSERTED, sample.deepCopy().put("holderIdNumber", "x")))
                .isNotEmpty();
        assertThat(schemas.problems(
                        EventType.CERTIFICATE_UPSERTED, sample.deepCopy().put("status", "LOST")))
                .isNotEmpty();
        assertThat(schemas.problems(
                        EventType.CERTIFICATE_UPSERTED, sample.deepCopy().put("validTo", "31.12.2028")))
                .isNotEmpty();
        assertThat(schemas.problems(
                        EventType.CERTIFICATE_UPSERTED, sample.deepCopy().putNull("holderName")))
                .isNotEmpty();
    }

    static Stream<String> samples() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path root : ADAPTERS) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    files.map(Path::toString)
                            .filter(path -> path.contains("/samples/") && path.endsWith(".event.json"))
                            .sorted()
                            .forEach(found::add);
                }
            }
        }
        return found.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void adapterSampleEventIsAPayloadTheContractAllows(String sample) throws IOException {
        Path file = Path.of(sample);
        String aggregateType = file.getFileName().toString().replace(".event.json", "");
        JsonNode payload = JSON.readTree(file.toFile());
        EventSchemas schemas = EventSchemas.committed();

        Map<EventType, List<String>> problems = new LinkedHashMap<>();
        for (EventType type : EventType.values()) {
            if (type.aggregateType().equals(aggregateType)) {
                problems.put(type, schemas.problems(type, payload));
            }
        }
        assertThat(problems)
                .as("%s names an aggregate type of the catalog", sample)
                .isNotEmpty();
        assertThat(problems.values())
                .as("%s against the schemas of %s: %s", sample, problems.keySet(), problems)
                .anyMatch(List::isEmpty);
    }
}
