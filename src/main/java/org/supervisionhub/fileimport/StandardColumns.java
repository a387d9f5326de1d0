package org.supervisionhub.fileimport;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.supervisionhub.record.RecordInput;
import org.supervisionhub.record.RecordKind;

/**
 * The standard sheet of each record kind, derived from the canonical schema ({@link RecordInput} and its blocks): one
 * column per field, headed by the field's Chinese name (the text of its {@code @Schema} description before the first
 * separator), officers as three comma-separated columns zipped into a list. The labels live once, in the schema.
 */
public final class StandardColumns {

    /** How a cell's text becomes the field's JSON value. */
    public enum Type {
        TEXT("text"),
        DATE("date: yyyy-MM-dd (yyyy/MM/dd, yyyyMMdd and date cells too)"),
        DATE_TIME("time: yyyy-MM-dd HH:mm:ss in Asia/Shanghai, or ISO-8601 with offset"),
        NUMBER("number"),
        BOOLEAN("是/否 (also Y/N, 1/0, true/false)"),
        LIST("comma-separated list (, ， 、 or ;)"),
        OFFICER_LIST("comma-separated, one per officer, side by side with the other officer columns");

        private final String format;

        Type(String format) {
            this.format = format;
        }

        public String format() {
            return format;
        }
    }

    /** One column: its Chinese header, the canonical path it fills, its type, whether required, and an example. */
    public record Column(String header, String path, Type type, boolean required, String example) {

        /** The English field and format, as the template's header comment shows them. */
        public String description() {
            return path + " (" + type.format() + ")" + (required ? ", required" : "");
        }
    }

    /** Labels whose description does not start with one. */
    private static final Map<String, String> LABELS = Map.of(
            "EnforcementDetail.category", "强制类别",
            "ComplaintDetail.complaintType", "投诉举报类型");

    private StandardColumns() {}

    /** The columns of a kind's standard sheet, in sheet order. */
    public static List<Column> of(RecordKind kind) {
        return COLUMNS.get(kind);
    }

    /** The kind named in a path (case-insensitive: inspection, INSPECTION), if there is one. */
    public static Optional<RecordKind> kind(String name) {
        try {
            return Optional.of(RecordKind.valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static List<Column> build(RecordKind kind) {
        List<Column> columns = new ArrayList<>();
        for (RecordComponent component : RecordInput.class.getRecordComponents()) {
            String name = component.getName();
            Class<?> type = component.getType();
            if (name.equals("kind") || name.equals("departmentCode")) {
                continue;
            }
            if (name.equals("officers")) {
                if (kind != RecordKind.COMPLAINT) {
                    columns.addAll(officerColumns(kind != RecordKind.OTHER));
                }
                continue;
            }
            if (isBlock(type)) {
                if (type.equals(blockOf(kind))) {
                    columns.addAll(fields(type, name + ".", ""));
                } else if (type.equals(RecordInput.Body.class) || type.equals(RecordInput.SubjectRef.class)) {
                    columns.addAll(fields(type, name + ".", ""));
                }
                continue;
            }
            if (kind != RecordKind.INSPECTION && name.equals("implementationListCode")) {
                continue;
            }
            Column column =
                    column(component, "", name, kind == RecordKind.INSPECTION && name.equals("implementationListCode"));
            if (name.equals("sourceSystem")) {
                // A sheet without the column is the department's own: sourceSystem defaults to sheet.<department>.
                column = new Column(column.header(), column.path(), column.type(), false, null);
            }
            columns.add(column);
        }
        return columns;
    }

    private static List<Column> fields(Class<?> block, String prefix, String labelPrefix) {
        List<Column> columns = new ArrayList<>();
        for (RecordComponent component : block.getRecordComponents()) {
            Schema schema = schemaOf(component);
            if (schema != null && schema.readOnly()) {
                continue;
            }
            columns.add(column(component, labelPrefix, prefix + component.getName(), false));
        }
        return columns;
    }

    private static List<Column> officerColumns(boolean two) {
        List<Column> columns = new ArrayList<>();
        for (RecordComponent component : RecordInput.OfficerRef.class.getRecordComponents()) {
            Schema schema = schemaOf(component);
            String label = "执法人员" + label(RecordInput.OfficerRef.class, component, schema);
            String example = switch (component.getName()) {
                case "name" -> two ? "王亚军,杜晓颖" : "王亚军";
                case "issuer" -> two ? "GXZF,GXZF" : "GXZF";
                default -> two ? "GX0000000001,GX0000000002" : "GX0000000001";
            };
            columns.add(new Column(label, "officers[]." + component.getName(), Type.OFFICER_LIST, true, example));
        }
        return columns;
    }

    private static Column column(RecordComponent component, String labelPrefix, String path, boolean forceRequired) {
        Schema schema = schemaOf(component);
        String label = labelPrefix + label(component.getDeclaringRecord(), component, schema);
        boolean required = forceRequired || (schema != null && schema.required());
        String example = schema != null && !schema.example().isEmpty() ? schema.example() : null;
        return new Column(label, path, typeOf(component), required, example(path, typeOf(component), example));
    }

    private static String label(Class<?> owner, RecordComponent component, Schema schema) {
        Schema ownerSchema = owner.getAnnotation(Schema.class);
        String key = (ownerSchema != null ? ownerSchema.name() : owner.getSimpleName()) + "." + component.getName();
        if (LABELS.containsKey(key)) {
            return LABELS.get(key);
        }
        String description = schema == null ? "" : schema.description();
        int end = 0;
        while (end < description.length() && ":;,.( ".indexOf(description.charAt(end)) < 0) {
            end++;
        }
        String label = description.substring(0, end).strip();
        if (label.isEmpty()
                || label.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            throw new IllegalStateException(key + " has no Chinese label in its @Schema description");
        }
        return label;
    }

    /** The component's @Schema: it lands on the record's field (the annotation does not target record components). */
    private static Schema schemaOf(RecordComponent component) {
        try {
            return component
                    .getDeclaringRecord()
                    .getDeclaredField(component.getName())
                    .getAnnotation(Schema.class);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static Type typeOf(RecordComponent component) {
        Class<?> type = component.getType();
        if (type.equals(LocalDate.class)) {
            return Type.DATE;
        }
        if (type.equals(OffsetDateTime.class)) {
            return Type.DATE_TIME;
        }
        if (type.equals(BigDecimal.class)) {
            return Type.NUMBER;
        }
        if (type.equals(Boolean.class)) {
            return Type.BOOLEAN;
        }
        if (type.equals(List.class)
                && component.getGenericType() instanceof ParameterizedType generic
                && generic.getActualTypeArguments()[0].equals(String.class)) {
            return Type.LIST;
        }
        return Type.TEXT;
    }

    private static String example(String path, Type type, String fromSchema) {
        if (fromSchema != null) {
            return type == Type.LIST ? fromSchema.replaceAll("[\\[\\]\" ]", "") : fromSchema;
        }
        return switch (type) {
            case DATE -> "2026-03-01";
            case DATE_TIME -> "2026-03-02 09:30:00";
            case NUMBER -> "5000.00";
            case BOOLEAN -> "否";
            default -> EXAMPLES.getOrDefault(path, "");
        };
    }

    private static final Map<String, String> EXAMPLES = new LinkedHashMap<>();

    static {
        EXAMPLES.put("operation", "INSERT");
        EXAMPLES.put("implementationListCode", "11450100MB0000000A345000000010001");
        EXAMPLES.put("implementingBody.name", "南宁市市场监督管理局");
        EXAMPLES.put("implementingBody.creditCode", "11450100MB0000000A");
        EXAMPLES.put("subject.type", "ENTERPRISE");
        EXAMPLES.put("subject.name", "南宁某某餐饮有限公司");
        EXAMPLES.put("subject.creditCode", "91450100MA5K00001E");
        EXAMPLES.put("reporter", "张三");
        EXAMPLES.put("inspection.actionName", "食品经营日常检查");
        EXAMPLES.put("inspection.actionNumber", "JC-2026-000123");
        EXAMPLES.put("inspection.form", "ON_SITE");
        EXAMPLES.put("penalty.actionName", "销售过期食品");
        EXAMPLES.put("penalty.procedure", "02");
        EXAMPLES.put("penalty.decisionNumber", "南市监罚〔2026〕12号");
        EXAMPLES.put("enforcement.category", "MEASURE");
        EXAMPLES.put("enforcement.measure", "03");
        EXAMPLES.put("enforcement.decisionNumber", "南市监强〔2026〕3号");
        EXAMPLES.put("other.actionName", "行政指导");
        EXAMPLES.put("other.actionNumber", "QT-2026-0001");
        EXAMPLES.put("complaint.complaintNumber", "12345-2026-000001");
        EXAMPLES.put("complaint.complaintType", "COMPLAINT");
        EXAMPLES.put("complaint.detail", "餐馆卫生条件差");
    }

    // After EXAMPLES and LABELS, which building the columns reads.
    private static final Map<RecordKind, List<Column>> COLUMNS = new EnumMap<>(RecordKind.class);

    static {
        for (RecordKind kind : RecordKind.values()) {
            COLUMNS.put(kind, List.copyOf(build(kind)));
        }
    }

    private static boolean isBlock(Class<?> type) {
        return type.isRecord();
    }

    private static Class<?> blockOf(RecordKind kind) {
        return switch (kind) {
            case INSPECTION -> RecordInput.Inspection.class;
            case PENALTY -> RecordInput.Penalty.class;
            case ENFORCEMENT -> RecordInput.Enforcement.class;
            case OTHER -> RecordInput.OtherAction.class;
            case COMPLAINT -> RecordInput.Complaint.class;
        };
    }
}
