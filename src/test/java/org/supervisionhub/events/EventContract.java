package org.supervisionhub.events;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.supervisionhub.item.CheckForm;
import org.supervisionhub.item.ClaimStatus;
import org.supervisionhub.item.FrequencyPeriod;
import org.supervisionhub.nationalcase.CaseKind;
import org.supervisionhub.officer.CertificateKind;
import org.supervisionhub.officer.CertificateStatus;
import org.supervisionhub.record.RecordKind;
import org.supervisionhub.subject.SubjectStatus;
import org.supervisionhub.subject.SubjectType;

/**
 * The published event contract (openapi/events.asyncapi.yaml), generated from the {@link EventType} catalog and its
 * payload records: one AsyncAPI 3 message per event type, one JSON Schema per payload record. A payload field is
 * required and non-null unless {@link Nullable}, described by its {@link JsonPropertyDescription}; a record's
 * {@code static final String OPERATION} pins its {@code operation} field.
 */
public final class EventContract {

    public static final String CHANNEL = "national";

    /** String fields whose values are an enumeration of the hub's model: their schemas list its constants. */
    private static final Map<String, Class<? extends Enum<?>>> ENUMERATIONS = Map.ofEntries(
            Map.entry("ClaimCreated.status", ClaimStatus.class),
            Map.entry("ClaimReleased.status", ClaimStatus.class),
            Map.entry("ImplementationListUpserted.checkForm", CheckForm.class),
            Map.entry("ImplementationListUpserted.frequencyPeriod", FrequencyPeriod.class),
            Map.entry("CertificateUpserted.kind", CertificateKind.class),
            Map.entry("CertificateUpserted.status", CertificateStatus.class),
            Map.entry("SubjectUpserted.subjectType", SubjectType.class),
            Map.entry("SubjectUpserted.status", SubjectStatus.class),
            Map.entry("RecordCreated.kind", RecordKind.class),
            Map.entry("RecordUpdated.kind", RecordKind.class),
            Map.entry("RecordDeleted.kind", RecordKind.class),
            Map.entry("CaseFeedbackSent.kind", CaseKind.class));

    private EventContract() {}

    /** The whole AsyncAPI document as a tree of maps and lists (what YAML and JSON writers take). */
    public static Map<String, Object> document() {
        for (String field : ENUMERATIONS.keySet()) {
            boolean exists = Arrays.stream(EventType.values())
                    .anyMatch(type -> type.payloadFields().stream()
                            .anyMatch(component ->
                                    field.equals(type.payload().getSimpleName() + "." + component.getName())));
            if (!exists) {
                throw new IllegalStateException("no payload field " + field);
            }
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("asyncapi", "3.0.0");
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("title", "Supervision Hub events");
        info.put("version", "1.0.0");
        info.put("description", """
                The events the supervision hub publishes through its transactional outbox. Each event is written in the \
                transaction of the change that causes it and delivered at least once, in order per aggregate, to the \
                national platform (in its exchange envelope: `eventType`, `kind` = aggregate type, `uniqueId` = \
                aggregate type and id, `data` = the payload below) and to every docked system subscribed to its \
                aggregate type (`outbound.events.<aggregate type>` in adapters/*/adapter.yaml).

                Event types are lowercase and dotted: `<aggregate>.<past-tense verb>`, the aggregate type written with \
                hyphens (`item_claim` → `item-claim.created`). A payload field is always present; it is null only where \
                its schema allows null.""");
        info.put("tags", List.of(Map.of("name", "events", "description", "The hub's published events")));
        document.put("info", info);
        document.put("defaultContentType", "application/json");

        Map<String, Object> channelMessages = new LinkedHashMap<>();
        Map<String, Object> messages = new LinkedHashMap<>();
        Map<String, Object> schemas = new LinkedHashMap<>();
        List<Object> operationMessages = new ArrayList<>();
        for (EventType type : EventType.values()) {
            String key = messageKey(type);
            channelMessages.put(key, Map.of("$ref", "#/components/messages/" + key));
            operationMessages.add(Map.of("$ref", "#/channels/" + CHANNEL + "/messages/" + key));
            messages.put(key, message(type));
            schemas.put(type.payload().getSimpleName(), schema(type));
        }
        Map<String, Object> channel = new LinkedHashMap<>();
        channel.put("address", CHANNEL);
        channel.put("title", "Hub events");
        channel.put(
                "description",
                "Every event of the catalog; docked systems receive copies of the aggregate types "
                        + "they subscribe to.");
        channel.put("messages", channelMessages);
        document.put("channels", Map.of(CHANNEL, channel));

        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("action", "send");
        operation.put("channel", Map.of("$ref", "#/channels/" + CHANNEL));
        operation.put("summary", "The hub publishes an event after the change that caused it commits.");
        operation.put(
                "description",
                "Delivered by the outbox relay: at least once (deduplicate by the "
                        + "idempotency key), in order per aggregate, retried with backoff, dead-lettered after the last attempt.");
        operation.put("messages", operationMessages);
        document.put("operations", Map.of("publishEvent", operation));

        Map<String, Object> components = new LinkedHashMap<>();
        components.put("messages", messages);
        components.put("schemas", schemas);
        document.put("components", components);
        return document;
    }

    /** The message key of a type: {@code record.created} → {@code recordCreated}. */
    public static String messageKey(EventType type) {
        return EventSchemas.messageKey(type);
    }

    private static Map<String, Object> message(EventType type) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("name", type.value());
        message.put("title", type.value());
        message.put("summary", type.description());
        message.put("contentType", "application/json");
        message.put("x-aggregate-type", type.aggregateType());
        message.put(
                "payload",
                Map.of("$ref", "#/components/schemas/" + type.payload().getSimpleName()));
        return message;
    }

    /** The JSON Schema (draft-07, AsyncAPI's default) of a type's payload; self-contained. */
    public static Map<String, Object> schema(EventType type) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("title", type.payload().getSimpleName());
        schema.put(
                "description",
                "Payload of `" + type.value() + "` (aggregate type `" + type.aggregateType() + "`). "
                        + type.description());
        schema.put("type", "object");
        List<String> required = new ArrayList<>();
        Map<String, Object> properties = new LinkedHashMap<>();
        String operation = operationOf(type.payload());
        for (RecordComponent component : type.payloadFields()) {
            required.add(component.getName());
            Map<String, Object> property = new LinkedHashMap<>();
            JsonPropertyDescription description = component.getAccessor().getAnnotation(JsonPropertyDescription.class);
            if (description != null) {
                property.put("description", description.value());
            }
            property.putAll(property(component.getGenericType(), component.isAnnotationPresent(Nullable.class)));
            if (component.getName().equals("operation") && operation != null) {
                property.put("const", operation);
            }
            Class<? extends Enum<?>> enumeration =
                    ENUMERATIONS.get(type.payload().getSimpleName() + "." + component.getName());
            if (enumeration != null) {
                List<Object> values = new ArrayList<>();
                Arrays.stream(enumeration.getEnumConstants()).map(Enum::name).forEach(values::add);
                if (property.get("type") instanceof List<?>) {
                    values.add(null);
                }
                property.put("enum", values);
            }
            properties.put(component.getName(), property);
        }
        schema.put("required", required);
        schema.put("additionalProperties", false);
        schema.put("properties", properties);
        return schema;
    }

    private static Map<String, Object> property(Type type, boolean nullable) {
        Map<String, Object> property = new LinkedHashMap<>();
        String json;
        if (type == String.class) {
            json = "string";
        } else if (type == int.class
                || type == Integer.class
                || type == long.class
                || type == Long.class
                || type == short.class
                || type == Short.class) {
            json = "integer";
        } else if (type == boolean.class || type == Boolean.class) {
            json = "boolean";
        } else if (type == BigDecimal.class) {
            json = "number";
        } else if (type == Instant.class || type == OffsetDateTime.class) {
            json = "string";
            property.put("format", "date-time");
        } else if (type == LocalDate.class) {
            json = "string";
            property.put("format", "date");
        } else if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
            json = "array";
            property.put("items", property(parameterized.getActualTypeArguments()[0], false));
        } else if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == Map.class) {
            json = "object";
        } else {
            throw new IllegalArgumentException("no JSON Schema for payload field type " + type);
        }
        if (nullable && (type instanceof Class<?> c && c.isPrimitive())) {
            throw new IllegalArgumentException("a primitive field cannot be @Nullable: " + type);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("type", nullable ? List.of(json, "null") : json);
        result.putAll(property);
        return result;
    }

    private static String operationOf(Class<?> payload) {
        try {
            Field field = payload.getField("OPERATION");
            return Modifier.isStatic(field.getModifiers()) ? (String) field.get(null) : null;
        } catch (NoSuchFieldException e) {
            return null;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
