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
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Validates payloads against a published event contract (openapi/events.asyncapi.yaml), not the code: the tests check
 * the committed contract with it, the offline docking kit checks an adapter's sample events. Needs the JSON Schema
 * validator (a test and kit dependency, not part of the running hub).
 */
public final class EventSchemas {

    public static final Path CONTRACT = Path.of("openapi", "events.asyncapi.yaml");
    public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** One reason a payload does not conform: where (a dotted path, empty at the root) and why. */
    public record Violation(String path, String message) {}

    private final Map<EventType, JsonSchema> schemas = new EnumMap<>(EventType.class);

    private EventSchemas(JsonNode contract, Locale locale) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .locale(locale)
                .build();
        for (EventType type : EventType.values()) {
            JsonNode message = contract.path("components").path("messages").path(messageKey(type));
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
            return of(YAML.readTree(CONTRACT.toFile()), Locale.ENGLISH);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schemas of a contract (the AsyncAPI document as a tree), with messages in the locale's language. */
    public static EventSchemas of(JsonNode contract, Locale locale) {
        return new EventSchemas(contract, locale);
    }

    /** The message key of a type in the contract: {@code record.created} → {@code recordCreated}. */
    public static String messageKey(EventType type) {
        StringBuilder key = new StringBuilder();
        boolean upper = false;
        for (char c : type.value().toCharArray()) {
            if (c == '.' || c == '-') {
                upper = true;
            } else {
                key.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return key.toString();
    }

    /** What is wrong with the payload as an event of the type (empty when it conforms). */
    public List<String> problems(EventType type, JsonNode payload) {
        return violations(type, payload).stream().map(Violation::message).toList();
    }

    /** As {@link #problems}, each with the path of the offending value. */
    public List<Violation> violations(EventType type, JsonNode payload) {
        JsonSchema schema = schemas.get(type);
        if (schema == null) {
            return List.of(new Violation("", "the contract has no message " + type));
        }
        return schema.validate(payload).stream()
                .sorted(Comparator.comparing(EventSchemas::order))
                .map(message -> new Violation(path(message), message.getMessage()))
                .toList();
    }

    /** An order of messages that does not depend on their language (so two locales' lists line up). */
    public static String order(ValidationMessage message) {
        return message.getInstanceLocation() + " " + message.getType() + " " + message.getProperty() + " "
                + message.getSchemaLocation();
    }

    /** The dotted path of a message's value; for a missing or unknown property, that property's. */
    public static String path(ValidationMessage message) {
        StringBuilder at = new StringBuilder();
        com.networknt.schema.JsonNodePath location = message.getInstanceLocation();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                at.append('[').append(index).append(']');
            } else {
                at.append(at.isEmpty() ? "" : ".").append(element);
            }
        }
        String path = at.toString();
        if (message.getProperty() != null) {
            path = path.isEmpty() ? message.getProperty() : path + "." + message.getProperty();
        }
        return path;
    }
}
