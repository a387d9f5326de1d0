package org.supervisionhub.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.supervisionhub.common.Json;
import org.supervisionhub.common.WireTime;
import org.supervisionhub.common.code.IdNumbers;

/**
 * Applies a descriptor's field rules to one payload: each target path (dotted) gets its value from one source, then
 * the rule's conversions apply in a fixed order. No general-purpose scripting, by design.
 *
 * <p>Sources: {@code path} (dotted, {@code [n]} for list elements; {@code $.} reads from the payload's root instead of
 * the record), {@code constant}, {@code template} ({path} placeholders), {@code path + each} (a list mapped element by
 * element) or {@code zip} (several lists side by side into a list of objects, empty slots kept).
 *
 * <p>Conversions, in this order: {@code trim}, {@code stripPrefix}, {@code split} (text into a list), then per value
 * (each element of a list) {@code codeTable} or {@code codeTableBy}, {@code number}, {@code boolean}, {@code
 * idNumber15to18}, {@code dateFormat}, {@code dateTimeFormat}; then {@code join} (a list into text) and last {@code
 * default} (when nothing is left). A value the source lacks is left out, so the canonical validation reports what is
 * missing; a value a conversion refuses fails the record with a {@link MappingException} naming the target field.
 */
public final class FieldMapper {

    /** Most pieces one {@code split} or {@code zip} may produce: more is refused before the pieces are built. */
    public static final int MAX_PIECES = 10_000;

    /** Most characters of a text the {@code number} rule reads (well above any amount; bounds BigDecimal parsing). */
    static final int MAX_NUMBER_LENGTH = 64;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final Pattern AMOUNT = Pattern.compile("[+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?");
    private static final String ROOT = "$";

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

    /** What every rule of one mapping sees: the payload's root (for {@code $.} paths) and the code tables. */
    private record Context(JsonNode root, Map<String, Map<String, String>> codeTables) {}

    private FieldMapper() {}

    public static ObjectNode map(
            JsonNode source,
            Map<String, AdapterDescriptor.FieldRule> rules,
            Map<String, Map<String, String>> codeTables) {
        return map(source, source, rules, codeTables);
    }

    /** Maps one record of a payload; {@code $.} paths read from {@code root}, the whole payload. */
    public static ObjectNode map(
            JsonNode root,
            JsonNode source,
            Map<String, AdapterDescriptor.FieldRule> rules,
            Map<String, Map<String, String>> codeTables) {
        return map(source, rules, new Context(root, codeTables));
    }

    private static ObjectNode map(JsonNode source, Map<String, AdapterDescriptor.FieldRule> rules, Context context) {
        ObjectNode target = NODES.objectNode();
        for (Map.Entry<String, AdapterDescriptor.FieldRule> entry : rules.entrySet()) {
            JsonNode value = evaluate(entry.getKey(), entry.getValue(), source, context, false);
            if (!absent(value)) {
                Json.putAtPath(target, entry.getKey(), value);
            }
        }
        return target;
    }

    /**
     * One rule's value, or null. {@code slots}: the rule is a member of a {@code zip}, so a {@code split} keeps its
     * empty pieces (as nulls) for the lists to line up.
     */
    private static JsonNode evaluate(
            String field, AdapterDescriptor.FieldRule rule, JsonNode source, Context context, boolean slots) {
        JsonNode value;
        if (rule.constant() != null) {
            value = rule.constant();
        } else if (rule.template() != null) {
            value = template(rule.template(), source, context);
        } else if (rule.zip() != null) {
            value = zip(field, rule.zip(), source, context);
        } else if (rule.each() != null) {
            JsonNode list = read(source, rule.path(), context);
            if (list == null || !list.isContainerNode()) {
                value = null;
            } else {
                ArrayNode mapped = NODES.arrayNode();
                for (JsonNode element : asList(list)) {
                    mapped.add(map(element, rule.each(), context));
                }
                value = mapped;
            }
        } else {
            value = read(source, rule.path(), context);
        }
        return convert(field, rule, source, context, absent(value) ? null : value, slots);
    }

    private static JsonNode convert(
            String field,
            AdapterDescriptor.FieldRule rule,
            JsonNode source,
            Context context,
            JsonNode value,
            boolean slots) {
        if (value != null) {
            if (Boolean.TRUE.equals(rule.trim()) || rule.stripPrefix() != null) {
                value = eachValue(value, element -> clean(rule, element));
                if (Boolean.TRUE.equals(rule.trim()) && isBlankText(value)) {
                    value = null;
                }
            }
        }
        if (value != null) {
            if (rule.split() != null && value.isValueNode()) {
                value = split(field, value.asText(), rule.split(), slots);
                if (value.isEmpty()) {
                    value = null;
                }
            }
        }
        if (value != null) {
            value = eachValue(value, element -> convertValue(field, rule, source, context, element));
            if (rule.join() != null && value.isArray()) {
                value = join(value, rule.join());
            }
        }
        if (rule.fallback() != null && (absent(value) || isBlankText(value) || isEmptyList(value))) {
            value = rule.fallback();
        }
        return value;
    }

    /** Applies a conversion to a value, or to each element of a list (empty slots stay empty). */
    private static JsonNode eachValue(JsonNode value, UnaryOperator<JsonNode> conversion) {
        if (!value.isArray()) {
            return conversion.apply(value);
        }
        ArrayNode converted = NODES.arrayNode();
        for (JsonNode element : value) {
            converted.add(element == null || element.isNull() ? NODES.nullNode() : conversion.apply(element));
        }
        return converted;
    }

    private static JsonNode clean(AdapterDescriptor.FieldRule rule, JsonNode value) {
        if (!value.isTextual()) {
            return value;
        }
        boolean trim = Boolean.TRUE.equals(rule.trim());
        String text = trim ? strip(value.asText()) : value.asText();
        if (rule.stripPrefix() != null) {
            for (String prefix : rule.stripPrefix()) {
                if (prefix != null && !prefix.isEmpty() && text.startsWith(prefix)) {
                    text = text.substring(prefix.length());
                    break;
                }
            }
            if (trim) {
                text = strip(text);
            }
        }
        return NODES.textNode(text);
    }

    /** Strips whitespace, including the ideographic space (U+3000) and the no-break space that Chinese forms carry. */
    static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u3000' || c == '\u00a0' || c == '\ufeff';
    }

    /**
     * Text split at each separator, each piece trimmed; empty pieces are kept as null in a zip (their position is the
     * slot) and dropped otherwise. Refused beyond {@link #MAX_PIECES}, counted before any piece is built.
     */
    private static JsonNode split(String field, String text, String separator, boolean slots) {
        int pieces = 1;
        for (int at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, at + separator.length())) {
            if (++pieces > MAX_PIECES) {
                throw new MappingException(
                        field, "splitting at '" + separator + "' gives more than " + MAX_PIECES + " pieces");
            }
        }
        ArrayNode list = NODES.arrayNode();
        int start = 0;
        while (true) {
            int end = text.indexOf(separator, start);
            String piece = strip(end < 0 ? text.substring(start) : text.substring(start, end));
            if (!piece.isEmpty()) {
                list.add(piece);
            } else if (slots) {
                list.addNull();
            }
            if (end < 0) {
                break;
            }
            start = end + separator.length();
        }
        return list;
    }

    private static JsonNode join(JsonNode list, String separator) {
        List<String> parts = new ArrayList<>();
        for (JsonNode element : list) {
            if (element != null && !element.isNull() && element.isValueNode()) {
                String text = element.asText();
                if (!text.isEmpty()) {
                    parts.add(text);
                }
            }
        }
        return parts.isEmpty() ? null : NODES.textNode(String.join(separator, parts));
    }

    /**
     * Lists side by side: element i of every member's list goes into object i. A member with a single value (a
     * constant, or a path without split that holds no list) fills every object. Shorter lists leave their slots null;
     * an object whose every list slot is empty (a trailing separator in every list) is left out.
     */
    private static JsonNode zip(
            String field, Map<String, AdapterDescriptor.FieldRule> members, JsonNode source, Context context) {
        Map<String, JsonNode> columns = new LinkedHashMap<>();
        Map<String, JsonNode> everywhere = new LinkedHashMap<>();
        int length = 0;
        for (Map.Entry<String, AdapterDescriptor.FieldRule> member : members.entrySet()) {
            AdapterDescriptor.FieldRule rule = member.getValue();
            JsonNode value = evaluate(field + "." + member.getKey(), rule, source, context, true);
            if (absent(value)) {
                continue;
            }
            if (rule.split() == null && !value.isArray()) {
                everywhere.put(member.getKey(), value);
                continue;
            }
            JsonNode list = value.isArray() ? value : NODES.arrayNode().add(value);
            columns.put(member.getKey(), list);
            length = Math.max(length, list.size());
        }
        if (columns.isEmpty() && !everywhere.isEmpty()) {
            length = 1;
        }
        if (length > MAX_PIECES) {
            throw new MappingException(field, "zips more than " + MAX_PIECES + " elements");
        }
        ArrayNode zipped = NODES.arrayNode();
        for (int i = 0; i < length; i++) {
            ObjectNode element = NODES.objectNode();
            boolean filled = false;
            for (String member : members.keySet()) {
                JsonNode list = columns.get(member);
                JsonNode slot = list == null ? everywhere.get(member) : list.get(i);
                if ((list != null || columns.isEmpty()) && !absent(slot) && !isBlankText(slot)) {
                    filled = true;
                }
                Json.putAtPath(element, member, absent(slot) ? NODES.nullNode() : slot);
            }
            if (filled) {
                zipped.add(element);
            }
        }
        return zipped.isEmpty() ? null : zipped;
    }

    /** The conversions of one value (an element, for lists): codes, number, boolean, ID number, dates. */
    private static JsonNode convertValue(
            String field, AdapterDescriptor.FieldRule rule, JsonNode source, Context context, JsonNode value) {
        if (value.isContainerNode()) {
            return value;
        }
        if (rule.codeTable() != null) {
            Map<String, String> table = context.codeTables().getOrDefault(rule.codeTable(), Map.of());
            value = NODES.textNode(lookUp(field, table, rule.codeTable(), value.asText()));
        } else if (rule.codeTableBy() != null) {
            String name = tableBy(field, rule.codeTableBy(), source, context);
            Map<String, String> table = context.codeTables().getOrDefault(name, Map.of());
            value = NODES.textNode(lookUp(field, table, name, value.asText()));
        }
        if (Boolean.TRUE.equals(rule.number())) {
            value = number(field, value);
        }
        if (value != null && Boolean.TRUE.equals(rule.bool())) {
            value = bool(field, value);
        }
        if (value != null && Boolean.TRUE.equals(rule.idNumber15to18())) {
            String text = strip(value.asText());
            value = text.isEmpty() ? null : NODES.textNode(idNumber15to18(field, text));
        }
        if (value == null) {
            return NODES.nullNode();
        }
        if (rule.dateFormat() != null) {
            try {
                value = NODES.textNode(
                        LocalDate.parse(value.asText().strip(), DateTimeFormatter.ofPattern(rule.dateFormat()))
                                .toString());
            } catch (DateTimeParseException e) {
                throw new MappingException(
                        field, "'" + shorten(value.asText()) + "' is not a date of the form " + rule.dateFormat());
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
                        field, "'" + shorten(value.asText()) + "' is not a time of the form " + rule.dateTimeFormat());
            }
        }
        return value;
    }

    /** The table a {@code codeTableBy} picks by the text at its path. */
    private static String tableBy(String field, AdapterDescriptor.CodeTableBy by, JsonNode source, Context context) {
        JsonNode selector = read(source, by.path(), context);
        String key = absent(selector) || selector.isContainerNode() ? "" : strip(selector.asText());
        String table = by.tables() == null ? null : by.tables().get(key);
        if (table == null) {
            table = by.otherwise();
        }
        if (table == null) {
            throw new MappingException(
                    field,
                    key.isEmpty()
                            ? "no value at '" + by.path() + "' to choose its code table by"
                            : "no code table for " + by.path() + " = '" + shorten(key) + "'");
        }
        return table;
    }

    private static String lookUp(String field, Map<String, String> table, String name, String code) {
        String standard = table.get(code);
        if (standard == null) {
            throw new MappingException(
                    field, "code '" + shorten(code) + "' has no standard counterpart in code table " + name);
        }
        return standard;
    }

    /**
     * An amount written as text: thousands separators (',' or '，' in groups of three), a leading ¥ or ￥ and a
     * trailing 元 are allowed; anything else (units such as 万元, letters, exponents) is refused, never guessed. Blank
     * text is no value.
     */
    static JsonNode number(String field, JsonNode value) {
        if (value.isNumber()) {
            return value;
        }
        if (value.isBoolean()) {
            throw new MappingException(field, "'" + value.asText() + "' is not a number");
        }
        String text = strip(value.asText());
        if (text.isEmpty()) {
            return null;
        }
        String amount = text.replace('，', ',');
        if (amount.startsWith("¥") || amount.startsWith("￥")) {
            amount = strip(amount.substring(1));
        }
        if (amount.endsWith("元")) {
            amount = strip(amount.substring(0, amount.length() - 1));
        }
        if (amount.length() > MAX_NUMBER_LENGTH || !AMOUNT.matcher(amount).matches()) {
            throw new MappingException(field, "'" + shorten(text) + "' is not a number");
        }
        amount = amount.replace(",", "");
        if (amount.startsWith("+")) {
            amount = amount.substring(1);
        }
        if (amount.indexOf('.') >= 0) {
            return NODES.numberNode(new BigDecimal(amount));
        }
        BigInteger integer = new BigInteger(amount);
        return integer.bitLength() < 32
                ? NODES.numberNode(integer.intValue())
                : integer.bitLength() < 64 ? NODES.numberNode(integer.longValue()) : NODES.numberNode(integer);
    }

    /** 是/否, Y/N, yes/no, true/false, 1/0 (text or number, any case); blank is no value, anything else refused. */
    static JsonNode bool(String field, JsonNode value) {
        if (value.isBoolean()) {
            return value;
        }
        String text = strip(value.asText()).toLowerCase(Locale.ROOT);
        switch (text) {
            case "":
                return null;
            case "是":
            case "y":
            case "yes":
            case "true":
            case "1":
                return BooleanNode.TRUE;
            case "否":
            case "n":
            case "no":
            case "false":
            case "0":
                return BooleanNode.FALSE;
            default:
                throw new MappingException(field, "'" + shorten(value.asText()) + "' is not a yes or no");
        }
    }

    /**
     * A 15-digit legacy resident ID number as its 18-digit form (GB 11643: the century 19 inserted before the birth
     * year, the MOD 11-2 check character appended); 18-character numbers come back with an upper-case X; other values
     * are left to the canonical validation. A 15-character value that is not digits with a real birth date is refused.
     */
    static String idNumber15to18(String field, String value) {
        String text = strip(value);
        if (text.length() == 18) {
            return text.toUpperCase(Locale.ROOT);
        }
        if (text.length() != 15) {
            return value;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                throw new MappingException(field, "'" + text + "' is not a 15-digit ID number");
            }
        }
        try {
            LocalDate.parse("19" + text.substring(6, 12), DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            throw new MappingException(field, "'" + text + "' has no valid birth date (digits 7-12)");
        }
        String first17 = text.substring(0, 6) + "19" + text.substring(6);
        return first17 + IdNumbers.checkCharacter(first17);
    }

    private static JsonNode template(String template, JsonNode source, Context context) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            JsonNode value = read(source, matcher.group(1).strip(), context);
            if (absent(value)) {
                return null;
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value.asText()));
        }
        matcher.appendTail(out);
        return NODES.textNode(out.toString());
    }

    /** A source path: from the record, or, starting with {@code $.}, from the payload's root. */
    private static JsonNode read(JsonNode source, String path, Context context) {
        if (path != null && (path.equals(ROOT) || path.startsWith(ROOT + "."))) {
            return at(context.root(), path.equals(ROOT) ? "" : path.substring(2));
        }
        return at(source, path);
    }

    /** A list as its elements; a single value (one repeated XML element, say) as a list of one. */
    static Iterable<JsonNode> asList(JsonNode value) {
        return value.isArray() ? value : List.of(value);
    }

    /**
     * The node at a dotted path with optional [n] indexes; null when absent, and when the path is malformed (an index
     * that is not a number or not closed), so a descriptor's typo reads nothing rather than failing every payload. An
     * empty path is the node itself. {@code [0]} of a single value is the value (an XML element that occurs once is
     * a list of one).
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
                current = !current.isArray() && index == 0 && !current.isNull() ? current : current.get(index);
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

    private static boolean absent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }

    private static boolean isBlankText(JsonNode value) {
        return value != null && value.isTextual() && strip(value.asText()).isEmpty();
    }

    private static boolean isEmptyList(JsonNode value) {
        return value != null && value.isArray() && value.isEmpty();
    }

    /** A value quoted in a message, cut to a readable length (a hostile value may be a megabyte). */
    private static String shorten(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }
}
