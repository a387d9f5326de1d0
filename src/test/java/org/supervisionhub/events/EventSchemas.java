package org.supervisionhub.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Validates payloads against the committed event contract (openapi/events.asyncapi.yaml), not the code. */
public final class EventSchemas {

    public static final Path CONTRACT = Path.of("openapi", "events.asyncapi.yaml");
    public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<EventType, JsonSchema> schemas = new EnumMap<>(EventType.class);

    private EventSchemas(JsonNode contract) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        for (EventType type : EventType.values()) {
            JsonNode message = contract.path("components").path("messages").path(EventContract.messageKey(type));
            if (message.isMissingNode()) {
                continue;
            }
            String ref = message.path("payload").path("$ref").asText();
            JsonNode schema = contract.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
            schemas.put(type, factory.getSchema(schema, config));
        }
    }

    /** The schemas of the committed contract. */
    public static EventSchemas committed() {
        try {
            return new EventSchemas(YAML.readTree(CONTRACT.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with the payload as an event of the type (empty when it conforms). */
    public List<String> problems(EventType type, JsonNode payload) {
        JsonSchema schema = schemas.get(type);
        if (schema == null) {
            return List.of("the contract has no message " + type);
        }
        Set<ValidationMessage> messages = schema.validate(payload);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
