package org.supervisionhub.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.supervisionhub.common.FieldError;
import org.supervisionhub.record.MappedRecord;

/**
 * A descriptor's mappings without a running hub (no CDI, no database): a system's inbound payload onto canonical
 * records, and a hub event onto the system's format (回流). {@link AdapterService} and {@link AdapterTarget} map every
 * call, dry run, staging row, sheet, pull and push through it, and the golden tests and the offline docking kit use it
 * too, so what they check is what the hub does.
 */
public final class AdapterMappings {

    private AdapterMappings() {}

    /** One element of the system's payload mapped by the kind's rules, or the reason it could not be. */
    public static MappedRecord map(AdapterDescriptor descriptor, AdapterDescriptor.Inbound inbound, JsonNode element) {
        return map(descriptor, inbound, element, element);
    }

    /** As above, for one record of a larger payload whose {@code $.} paths read from the payload's root. */
    public static MappedRecord map(
            AdapterDescriptor descriptor, AdapterDescriptor.Inbound inbound, JsonNode payload, JsonNode element) {
        try {
            return new MappedRecord(canonicalRecord(descriptor, inbound, payload, element), null);
        } catch (FieldMapper.MappingException e) {
            return new MappedRecord(null, new FieldError(e.field(), "MAPPING_FAILED", e.getMessage()));
        }
    }

    /** Where a payload of the kind holds its records ({@code records}, a dotted path; the payload itself without). */
    public static JsonNode recordsAt(AdapterDescriptor.Inbound inbound, JsonNode payload) {
        return FieldMapper.at(payload, inbound.records());
    }

    /** The records at the inbound path: a list's elements, or a single object. */
    public static Iterable<JsonNode> elements(JsonNode list) {
        return list.isArray() ? list : List.of(list);
    }

    /** One record of the system's payload in the canonical shape: its fields mapped, its kind and source set. */
    public static ObjectNode canonicalRecord(
            AdapterDescriptor descriptor, AdapterDescriptor.Inbound inbound, JsonNode element) {
        return canonicalRecord(descriptor, inbound, element, element);
    }

    /** As above, for one record of a larger payload: {@code $.} paths of the rules read from the payload's root. */
    public static ObjectNode canonicalRecord(
            AdapterDescriptor descriptor, AdapterDescriptor.Inbound inbound, JsonNode payload, JsonNode element) {
        ObjectNode canonical = FieldMapper.map(payload, element, inbound.fields(), tables(descriptor));
        if (inbound.effectiveTarget() == AdapterDescriptor.Target.RECORD) {
            canonical.put("kind", inbound.recordKind().name());
            if (!canonical.has("sourceSystem")) {
                canonical.put("sourceSystem", descriptor.system());
            }
        }
        return canonical;
    }

    /**
     * A hub event's payload in the system's format, by the rules of {@code outbound.events.<aggregate type>}; a value
     * a rule refuses throws {@link FieldMapper.MappingException}.
     */
    public static ObjectNode outboundPayload(AdapterDescriptor descriptor, String aggregateType, JsonNode payload) {
        return FieldMapper.map(payload, descriptor.outbound().events().get(aggregateType), tables(descriptor));
    }

    private static Map<String, Map<String, String>> tables(AdapterDescriptor descriptor) {
        return descriptor.codeTables() == null ? Map.of() : descriptor.codeTables();
    }
}
