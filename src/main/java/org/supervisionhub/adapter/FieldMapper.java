package org.supervisionhub.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.supervisionhub.common.WireTime;

/**
 * Applies a descriptor's field rules to one payload: each target path (dotted) gets its value from a source path
 * (dotted, with [n] for list elements), a constant, a template ({path} placeholders) or, for lists, the same rules
 * applied element by element; then a date format or a code table may convert it. A value the source lacks is left
 * out, so the canonical validation reports what is missing. No general-purpose scripting, by design.
 */
public final class FieldMapper {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A value the rules could not produce (e.g. a code with no standard counterpart). */
    public static final class MappingException extends RuntimeException {
        private final String field;

        MappingException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private FieldMapper() {}

    public static ObjectNode map(
            JsonNode source,
            Map<String, AdapterDescriptor.FieldRule> rules,
            Map<String, Map<String, String>> codeTables) {
        ObjectNode target = NODES.objectNode();
        for (Map.Entry<String, AdapterDescriptor.FieldRule> entry : rules.entrySet()) {
            JsonNode value = evaluate(entry.getKey(), entry.getValue(), source, codeTables);
            if (value != null && !value.isMissingNode() && !value.isNull()) {
                put(target, entry.getKey(), value);
            }
        }
        return target;
    }

    private static JsonNode evaluate(
            String field,
            AdapterDescriptor.FieldRule rule,
            JsonNode source,
            Map<String, Map<String, String>> codeTables) {
        JsonNode value;
        if (rule.constant() != null) {
            value = rule.constant();
        } else if (rule.template() != null) {
            value = template(rule.template(), source);
        } else if (rule.each() != null) {
            JsonNode list = at(source, rule.path());
            if (list == null || !list.isArray()) {
                return null;
            }
            ArrayNode mapped = NODES.arrayNode();
            list.forEach(element -> mapped.add(map(element, rule.each(), codeTables)));
            return mapped;
        } else {
            value = at(source, rule.path());
        }
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (rule.codeTable() != null) {
            Map<String, String> table = codeTables.getOrDefault(rule.codeTable(), Map.of());
            if (value.isArray()) {
                ArrayNode codes = NODES.arrayNode();
                for (JsonNode element : value) {
                    codes.add(lookUp(field, table, rule.codeTable(), element.asText()));
                }
                value = codes;
            } else {
                value = NODES.textNode(lookUp(field, table, rule.codeTable(), value.asText()));
            }
        }
        if (rule.dateFormat() != null) {
            try {
                value = NODES.textNode(
                        LocalDate.parse(value.asText().strip(), DateTimeFormatter.ofPattern(rule.dateFormat()))
                                .toString());
            } catch (DateTimeParseException e) {
                throw new MappingException(
                        field, "'" + value.asText() + "' is not a date of the form " + rule.dateFormat());
            }
        }
        if (rule.dateTimeFormat() != null) {
            try {
                value = NODES.textNode(
                        LocalDateTime.parse(value.asText().strip(), DateTimeFormatter.ofPattern(rule.dateTimeFormat()))
                                .atZone(WireTime.ZONE)
                                .toOffsetDateTime()
                                .toString());
            } catch (DateTimeParseException e) {
                throw new MappingException(
                        field, "'" + value.asText() + "' is not a time of the form " + rule.dateTimeFormat());
            }
        }
        return value;
    }

    private static String lookUp(String field, Map<String, String> table, String name, String code) {
        String standard = table.get(code);
        if (standard == null) {
            throw new MappingException(field, "code '" + code + "' has no standard counterpart in code table " + name);
        }
        return standard;
    }

    private static JsonNode template(String template, JsonNode source) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            JsonNode value = at(source, matcher.group(1).strip());
            if (value == null || value.isNull() || value.isMissingNode()) {
                return null;
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value.asText()));
        }
        matcher.appendTail(out);
        return NODES.textNode(out.toString());
    }

    /**
     * The node at a dotted path with optional [n] indexes; null when absent, and when the path is malformed (an index
     * that is not a number or not closed), so a descriptor's typo reads nothing rather than failing every payload. An
     * empty path is the node itself.
     */
    static JsonNode at(JsonNode node, String path) {
        if (path == null || path.isEmpty()) {
            return node;
        }
        JsonNode current = node;
        for (String part : path.split("\\.")) {
            if (current == null) {
                return null;
            }
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            if (!name.isEmpty()) {
                current = current.get(name);
            }
            while (bracket >= 0 && current != null) {
                int close = part.indexOf(']', bracket);
                Integer index = close < 0 ? null : index(part.substring(bracket + 1, close));
                if (index == null) {
                    return null;
                }
                current = current.get(index);
                bracket = part.indexOf('[', close);
            }
        }
        return current;
    }

    private static Integer index(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void put(ObjectNode target, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode current = target;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = current.get(parts[i]);
            current = next instanceof ObjectNode object ? object : current.putObject(parts[i]);
        }
        current.set(parts[parts.length - 1], value);
    }
}
