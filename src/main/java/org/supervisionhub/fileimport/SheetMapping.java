package org.supervisionhub.fileimport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.supervisionhub.adapter.AdapterDescriptor;
import org.supervisionhub.adapter.AdapterService;
import org.supervisionhub.adapter.FieldMapper;
import org.supervisionhub.common.ErrorCode;
import org.supervisionhub.common.FieldError;
import org.supervisionhub.common.HubException;
import org.supervisionhub.common.Json;
import org.supervisionhub.common.WireTime;
import org.supervisionhub.record.RecordKind;
import org.supervisionhub.record.UploadJobs.SourcedRecord;

/**
 * Turns a sheet's rows into canonical records: the standard sheet of a record kind by its columns
 * ({@link StandardColumns}), or an adapter's sheet by its descriptor (each row becomes an object of header → cell text,
 * mapped by the descriptor's field rules like any payload of the system). Headers are checked once, before any row.
 */
abstract class SheetMapping {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[,，、;；]");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");

    /** The record of one data row. */
    abstract SourcedRecord map(SheetRows.Row row);

    /** Where a canonical field came from, in the sheet's terms (its header), for the error column. */
    abstract String headerOf(String field);

    static String normalise(String header) {
        String text = header == null ? "" : header.strip();
        while (text.endsWith("*") || text.endsWith("＊")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return text;
    }

    private static HubException headersInvalid(String detail, List<FieldError> errors) {
        return new HubException(400, "FILE_HEADERS_INVALID", "Invalid request", detail, List.copyOf(errors));
    }

    private static Map<String, Integer> indexOf(List<String> header) {
        Map<String, Integer> index = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = normalise(header.get(i));
            if (name.isEmpty()) {
                continue;
            }
            if (index.putIfAbsent(name, i) != null) {
                errors.add(new FieldError(name, "HEADER_REPEATED", "the column " + name + " appears twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw headersInvalid("the first row repeats a column", errors);
        }
        return index;
    }

    /** The standard sheet of a record kind. */
    static SheetMapping standard(RecordKind kind, String sourceSystem, List<String> header) {
        return new Standard(kind, sourceSystem, header);
    }

    /** An adapter's sheet: its inbound kind's field rules read the headers as source paths. */
    static SheetMapping adapter(AdapterDescriptor descriptor, AdapterDescriptor.Inbound inbound, List<String> header) {
        return new Adapter(descriptor, inbound, header);
    }

    private static final class Standard extends SheetMapping {
        private final RecordKind kind;
        private final String sourceSystem;
        private final List<StandardColumns.Column> columns = new ArrayList<>();
        private final List<Integer> positions = new ArrayList<>();
        private final Map<String, String> headers = new HashMap<>();

        Standard(RecordKind kind, String sourceSystem, List<String> header) {
            this.kind = kind;
            this.sourceSystem = sourceSystem;
            Map<String, Integer> index = indexOf(header);
            List<FieldError> errors = new ArrayList<>();
            Set<String> known = new LinkedHashSet<>();
            for (StandardColumns.Column column : StandardColumns.of(kind)) {
                known.add(column.header());
                headers.put(column.path().replace("[]", ""), column.header());
                Integer position = index.get(column.header());
                if (position != null) {
                    columns.add(column);
                    positions.add(position);
                } else if (column.required()) {
                    errors.add(new FieldError(
                            column.header(),
                            "HEADER_MISSING",
                            "the required column " + column.header() + " (" + column.path() + ") is missing"));
                }
            }
            for (String name : index.keySet()) {
                if (!known.contains(name)) {
                    errors.add(new FieldError(
                            name, "HEADER_UNKNOWN", "no field of a " + kind + " record is headed " + name));
                }
            }
            if (!errors.isEmpty()) {
                errors.sort(java.util.Comparator.comparing(FieldError::field));
                throw headersInvalid(
                        "the first row is not the standard header of a " + kind + " sheet (download "
                                + "GET /api/v1/imports/" + kind.name().toLowerCase(Locale.ROOT) + "/template.xlsx)",
                        errors);
            }
        }

        @Override
        SourcedRecord map(SheetRows.Row row) {
            ObjectNode record = NODES.objectNode();
            record.put("kind", kind.name());
            if (sourceSystem != null) {
                record.put("sourceSystem", sourceSystem);
            }
            Map<String, List<String>> officers = new java.util.LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                StandardColumns.Column column = columns.get(i);
                String cell = row.cell(positions.get(i));
                if (cell == null || cell.isBlank()) {
                    continue;
                }
                cell = cell.strip();
                if (column.type() == StandardColumns.Type.OFFICER_LIST) {
                    officers.put(column.path().substring("officers[].".length()), slots(cell));
                    continue;
                }
                Json.putAtPath(record, column.path(), value(column.type(), cell));
            }
            if (!officers.isEmpty()) {
                int size = officers.values().stream().mapToInt(List::size).max().orElse(0);
                ArrayNode list = record.putArray("officers");
                for (int i = 0; i < size; i++) {
                    ObjectNode officer = list.addObject();
                    for (Map.Entry<String, List<String>> part : officers.entrySet()) {
                        String value =
                                i < part.getValue().size() ? part.getValue().get(i) : "";
                        if (!value.isEmpty()) {
                            officer.put(part.getKey(), value);
                        }
                    }
                }
            }
            return new SourcedRecord(row.number(), record, null);
        }

        @Override
        String headerOf(String field) {
            String path = field.replaceAll("\\[\\d+]", "");
            return headers.get(path);
        }
    }

    /** The slots of a comma-separated cell, empty ones kept (officers' names and numbers stand side by side). */
    private static List<String> slots(String cell) {
        List<String> slots = new ArrayList<>();
        for (String part : LIST_SEPARATOR.split(cell, -1)) {
            slots.add(part.strip());
        }
        return slots;
    }

    /** A cell's value as the field's JSON type; text the type cannot read stays text, so validation names the field. */
    static JsonNode value(StandardColumns.Type type, String cell) {
        switch (type) {
            case DATE:
                LocalDate date = date(cell);
                return NODES.textNode(date != null ? date.toString() : cell);
            case DATE_TIME:
                OffsetDateTime time = dateTime(cell);
                return NODES.textNode(time != null ? time.toString() : cell);
            case NUMBER:
                try {
                    return NODES.numberNode(new BigDecimal(cell.replace(",", "").replace("，", "")));
                } catch (NumberFormatException e) {
                    return NODES.textNode(cell);
                }
            case BOOLEAN:
                switch (cell.toUpperCase(Locale.ROOT)) {
                    case "是", "Y", "YES", "1", "TRUE", "T":
                        return NODES.booleanNode(true);
                    case "否", "N", "NO", "0", "FALSE", "F":
                        return NODES.booleanNode(false);
                    default:
                        return NODES.textNode(cell);
                }
            case LIST:
                ArrayNode list = NODES.arrayNode();
                for (String part : LIST_SEPARATOR.split(cell)) {
                    if (!part.isBlank()) {
                        list.add(part.strip());
                    }
                }
                return list;
            default:
                return NODES.textNode(cell);
        }
    }

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/M/d"),
            DateTimeFormatter.ofPattern("yyyy-M-d"),
            DateTimeFormatter.ofPattern("yyyy.M.d"),
            DateTimeFormatter.ofPattern("yyyyMMdd"),
            DateTimeFormatter.ofPattern("yyyy年M月d日"));
    private static final List<DateTimeFormatter> TIMES = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"),
            DateTimeFormatter.ofPattern("yyyy-M-d H:mm:ss"),
            DateTimeFormatter.ofPattern("yyyy-M-d H:mm"),
            DateTimeFormatter.ofPattern("yyyy/M/d H:mm:ss"),
            DateTimeFormatter.ofPattern("yyyy/M/d H:mm"),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME);

    private static LocalDate date(String cell) {
        String text = cell.length() > 10 && cell.endsWith(" 00:00:00") ? cell.substring(0, cell.length() - 9) : cell;
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException e) {
                // the next format
            }
        }
        return null;
    }

    private static OffsetDateTime dateTime(String cell) {
        try {
            return OffsetDateTime.parse(cell);
        } catch (DateTimeParseException e) {
            // a local time, in Asia/Shanghai
        }
        for (DateTimeFormatter format : TIMES) {
            try {
                return LocalDateTime.parse(cell, format).atZone(WireTime.ZONE).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                // the next format
            }
        }
        return null;
    }

    private static final class Adapter extends SheetMapping {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final AdapterDescriptor descriptor;
        private final AdapterDescriptor.Inbound inbound;
        private final List<String> names = new ArrayList<>();
        private final Map<String, String> headers = new HashMap<>();

        Adapter(AdapterDescriptor descriptor, AdapterDescriptor.Inbound inbound, List<String> header) {
            this.descriptor = descriptor;
            this.inbound = inbound;
            Map<String, Integer> index = indexOf(header);
            for (int i = 0; i < header.size(); i++) {
                names.add(normalise(header.get(i)));
            }
            Set<String> read = new LinkedHashSet<>();
            for (Map.Entry<String, AdapterDescriptor.FieldRule> field :
                    inbound.fields().entrySet()) {
                Set<String> paths = new LinkedHashSet<>();
                sourcePaths(JSON.valueToTree(field.getValue()), paths);
                read.addAll(paths);
                if (paths.size() == 1) {
                    headers.put(field.getKey(), paths.iterator().next());
                }
            }
            List<FieldError> errors = new ArrayList<>();
            for (String path : read) {
                if (!index.containsKey(path)) {
                    errors.add(new FieldError(path, "HEADER_MISSING", "the column " + path + " is missing"));
                }
            }
            if (!errors.isEmpty()) {
                throw headersInvalid(
                        "the first row lacks columns that " + descriptor.system() + "'s descriptor reads", errors);
            }
        }

        /** The header names a rule reads: its paths and template placeholders, zipped lists' too (not each's). */
        private static void sourcePaths(JsonNode rule, Set<String> paths) {
            if (rule == null || !rule.isObject()) {
                return;
            }
            rule.fields().forEachRemaining(entry -> {
                String key = entry.getKey();
                JsonNode value = entry.getValue();
                if (key.equals("path") && value.isTextual()) {
                    String path = value.asText();
                    paths.add(path.startsWith("$.") ? path.substring(2) : path);
                } else if (key.equals("template") && value.isTextual()) {
                    Matcher matcher = PLACEHOLDER.matcher(value.asText());
                    while (matcher.find()) {
                        paths.add(matcher.group(1).strip());
                    }
                } else if (!key.equals("each") && !key.equals("constant") && value.isObject()) {
                    value.fields().forEachRemaining(nested -> sourcePaths(nested.getValue(), paths));
                    sourcePaths(value, paths);
                }
            });
        }

        @Override
        SourcedRecord map(SheetRows.Row row) {
            ObjectNode source = NODES.objectNode();
            for (int i = 0; i < names.size(); i++) {
                String cell = row.cell(i);
                if (!names.get(i).isEmpty() && cell != null && !cell.isBlank()) {
                    source.put(names.get(i), cell.strip());
                }
            }
            try {
                return new SourcedRecord(
                        row.number(), AdapterService.canonicalRecord(descriptor, inbound, source), null);
            } catch (FieldMapper.MappingException e) {
                return new SourcedRecord(
                        row.number(), null, new FieldError(e.field(), ErrorCode.MAPPING_FAILED.name(), e.getMessage()));
            }
        }

        @Override
        String headerOf(String field) {
            String path = field.replaceAll("\\[\\d+]", "");
            String header = headers.get(path);
            while (header == null && path.contains(".")) {
                path = path.substring(0, path.lastIndexOf('.'));
                header = headers.get(path);
            }
            return header;
        }
    }
}
