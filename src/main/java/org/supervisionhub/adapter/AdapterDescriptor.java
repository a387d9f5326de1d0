package org.supervisionhub.adapter;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
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
        Delivery delivery,
        StagingDb stagingDb) {

    /** The inbound source of a kind read from a staging database (前置库) rather than sent over HTTP. */
    public static final String STAGING_DB = "staging-db";

    /** The inbound source of a kind uploaded as xlsx/csv sheets (POST /api/v1/adapters/{system}/files/{kind}). */
    public static final String FILE = "file";

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
            String source,
            String table,
            Format format) {

        /** The descriptor's shape before staging sources and payload formats existed (JSON over HTTP only). */
        public Inbound(
                Target target,
                RecordKind recordKind,
                String records,
                Map<String, FieldRule> fields,
                Map<String, String> response) {
            this(target, recordKind, records, fields, response, null, null, null);
        }

        /** Whether the hub reads this kind from the system's staging database (前置库) instead of receiving it. */
        public boolean fromStagingDb() {
            return STAGING_DB.equals(source);
        }

        /** Where the kind comes from: {@code http} (the default), {@code staging-db} or {@code file}. */
        public String effectiveSource() {
            return source == null ? "http" : source;
        }

        /** The payload's format: JSON (default) or XML (read into the same tree, see {@link XmlPayloads}). */
        public Format effectiveFormat() {
            return format == null ? Format.JSON : format;
        }

        /** What the payload feeds: behaviour records (default), certificates, subjects, permits, plans or departments. */
        public Target effectiveTarget() {
            return target == null ? Target.RECORD : target;
        }
    }

    /** The format of an inbound kind's payload ({@code format: json | xml} in the descriptor). */
    public enum Format {
        JSON,
        XML;

        @com.fasterxml.jackson.annotation.JsonCreator
        static Format of(String value) {
            for (Format format : values()) {
                if (format.name().equalsIgnoreCase(value)) {
                    return format;
                }
            }
            throw new IllegalArgumentException("one of json, xml");
        }

        @com.fasterxml.jackson.annotation.JsonValue
        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The standard endpoint an inbound kind feeds, through that endpoint's own validation. */
    public enum Target {
        RECORD,
        CERTIFICATE,
        SUBJECT,
        PERMIT,
        RANDOM_PLAN,
        DEPARTMENT
    }

    /** Events that flow back to the system (回流), pulled from {@code /changes} or pushed to its URL. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outbound(
            String url,
            Map<String, Map<String, FieldRule>> events,
            Map<String, Map<String, String>> when,
            Map<String, String> stagingTables) {

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

    /**
     * One target field: from a source path, a constant, a template, a list mapped element by element, or lists zipped
     * side by side; then converted in a fixed order (see {@link FieldMapper}): trim, stripPrefix, split, codeTable /
     * codeTableBy, number, boolean, idNumber15to18, dateFormat, dateTimeFormat, join, default.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldRule(
            String path,
            JsonNode constant,
            String template,
            String dateFormat,
            String dateTimeFormat,
            String codeTable,
            Map<String, FieldRule> each,
            String split,
            Map<String, FieldRule> zip,
            String join,
            @JsonProperty("default") JsonNode fallback,
            Boolean number,
            @JsonProperty("boolean") Boolean bool,
            Boolean trim,

            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            List<String> stripPrefix,

            Boolean idNumber15to18,
            CodeTableBy codeTableBy) {

        /** A rule reading a source path as it is. */
        public static FieldRule of(String path) {
            return new FieldRule(
                    path, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null);
        }
    }

    /**
     * A code table chosen by another field of the same source record: {@code path} is read (from the record, or with
     * {@code $.} from the payload's root), its text picks the table in {@code tables}; {@code otherwise} names the table
     * for any other value (without it, another value fails the mapping).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CodeTableBy(String path, Map<String, String> tables, String otherwise) {}

    /**
     * The system's staging database (前置库): how to connect, how often and how much to poll, the names of its exchange
     * columns ({@code cd_*} by default) and of the receipt columns the hub writes back per row.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StagingDb(
            String url,
            String user,
            String secretRef,
            String pollInterval,
            Integer batchSize,
            StagingColumns columns,
            StagingReceipt receipt,
            List<String> jsonColumns) {}

    /** The exchange columns of the provincial convention; each defaults to its {@code cd_*} name. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StagingColumns(String id, String time, String batch, String operation) {}

    /** The columns the receipt is written to: status (required), error codes, the hub's id, the receipt's time. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StagingReceipt(String status, String errors, String hubId, String time) {}

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
