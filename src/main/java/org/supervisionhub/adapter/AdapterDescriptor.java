package org.supervisionhub.adapter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.supervisionhub.record.RecordKind;

/**
 * One docked system, as its folder under {@code adapters/} declares it in {@code adapter.yaml} (JSON Schema:
 * {@code adapters/descriptor.schema.json}): who it is, how it authenticates, which of its payloads it sends and how
 * they map onto the canonical record, which hub events flow back to it and how they map onto its format.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdapterDescriptor(
        String system,
        String name,
        String ownerDepartment,
        Auth auth,
        Map<String, Inbound> inbound,
        Outbound outbound,
        Map<String, Map<String, String>> codeTables,
        Delivery delivery) {

    /** How the hub calls the system, and which OIDC client the system calls the hub with. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Auth(
            String type,
            String tokenUrl,
            String clientId,
            String secretRef,
            String header,
            String keyRef,
            String inboundClientId) {}

    /** One kind of payload the system sends: where its records are and how each maps onto a canonical record. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Inbound(
            Target target,
            RecordKind recordKind,
            String records,
            Map<String, FieldRule> fields,
            Map<String, String> response,
            String source) {

        /** The descriptor's shape before file sources existed. */
        public Inbound(
                Target target,
                RecordKind recordKind,
                String records,
                Map<String, FieldRule> fields,
                Map<String, String> response) {
            this(target, recordKind, records, fields, response, null);
        }

        /** How the payload arrives: {@code http} (pushed to the inbound endpoint, the default) or {@code file}. */
        public String effectiveSource() {
            return source == null ? "http" : source;
        }

        /** What the payload feeds: behaviour records (default), certificates, the subject library, or permits. */
        public Target effectiveTarget() {
            return target == null ? Target.RECORD : target;
        }
    }

    /** The standard endpoint an inbound kind feeds, through that endpoint's own validation. */
    public enum Target {
        RECORD,
        CERTIFICATE,
        SUBJECT,
        PERMIT,
        RANDOM_PLAN
    }

    /** Events that flow back to the system (回流), pulled from {@code /changes} or pushed to its URL. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outbound(
            String url, Map<String, Map<String, FieldRule>> events, Map<String, Map<String, String>> when) {

        /**
         * Whether an event is for the system: every condition of {@code when.<event>} holds (path = value; path != value
         * when the value starts with '!'; a lone '!' means the path holds a non-empty value).
         */
        public boolean wants(String event, com.fasterxml.jackson.databind.JsonNode payload) {
            Map<String, String> conditions = when == null ? null : when.get(event);
            if (conditions == null) {
                return true;
            }
            for (Map.Entry<String, String> condition : conditions.entrySet()) {
                com.fasterxml.jackson.databind.JsonNode value = FieldMapper.at(payload, condition.getKey());
                String actual = value == null || value.isNull() ? null : value.asText();
                if (condition.getValue().equals("!")) {
                    if (actual == null || actual.isEmpty()) {
                        return false;
                    }
                    continue;
                }
                boolean negated = condition.getValue().startsWith("!");
                String expected = negated ? condition.getValue().substring(1) : condition.getValue();
                if (negated == expected.equals(actual)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** One target field: from a source path, a constant, a template, or a list mapped element by element. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldRule(
            String path,
            JsonNode constant,
            String template,
            String dateFormat,
            String dateTimeFormat,
            String codeTable,
            Map<String, FieldRule> each) {}

    /** Delivery settings for pushes to the system. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delivery(Integer batchSize, Integer ratePerSecond, String timeout) {}

    /** The event types this system subscribes to. */
    public List<String> subscriptions() {
        return outbound == null || outbound.events() == null
                ? List.of()
                : List.copyOf(outbound.events().keySet());
    }
}
