package org.supervisionhub.jointtask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.supervisionhub.adapter.XmlTrees;
import org.supervisionhub.common.WireTime;
import org.supervisionhub.jointtask.SuperviseData.BasisData;
import org.supervisionhub.jointtask.SuperviseData.Feedback;
import org.supervisionhub.jointtask.SuperviseData.Field;
import org.supervisionhub.jointtask.SuperviseData.RiskWarning;
import org.supervisionhub.jointtask.SuperviseData.SuperviseObject;
import org.supervisionhub.jointtask.SuperviseData.TaskDetails;
import org.supervisionhub.jointtask.SuperviseData.TaskInfo;

/**
 * The national {@code superviseData} document in JSON and XML, both ways, and its mapping to and from the hub's joint
 * tasks. XML is read through {@link XmlTrees} (no DTD, bounded) into the tree every XML payload becomes (attributes
 * {@code @name}, an element's own text beside attributes {@code #text}, repeated elements as lists); the JSON form is
 * that same tree, so one reader serves both. Texts are trimmed; empty ones are absent. Written XML uses the national
 * namespace.
 */
public final class SuperviseDataCodec {

    public static final String NAMESPACE = "http://jointsupervision.example.gov.cn/superviseData/1.0";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<String> KINDS = List.of("admInspection", "admPunishment", "admForce", "other");
    private static final int MAX_DEPTH = 32;
    private static final int MAX_TEXT = 100_000;

    private SuperviseDataCodec() {}

    // ---- reading -----------------------------------------------------------------------------------

    /** An XML document (root element {@code superviseData}). */
    public static SuperviseData fromXml(InputStream xml) {
        return fromTree(XmlTrees.read(xml, null, MAX_DEPTH, MAX_TEXT));
    }

    /** A JSON document: {@code {"superviseData": {...}}} or the content itself. */
    public static SuperviseData fromJson(JsonNode json) {
        return fromTree(json.has("superviseData") ? json.get("superviseData") : json);
    }

    private static SuperviseData fromTree(JsonNode root) {
        JsonNode info = root.path("taskInfo");
        TaskInfo taskInfo = new TaskInfo(
                text(info, "taskNo"),
                text(info, "taskName"),
                text(info, "status"),
                text(info, "initiateUnitNo"),
                text(info, "initiateUnitName"),
                text(info, "initiateUnitType"),
                split(text(info, "unionDeptNo")),
                split(text(info, "unionDeptName")),
                split(text(info, "unionRegionCode")),
                split(text(info, "supervisionMatterCode")),
                text(info, "inspectContent"));
        List<SuperviseObject> objects = new ArrayList<>();
        for (JsonNode object : each(root.path("superviseObjects").path("superviseObject"))) {
            JsonNode basis = object.path("basisData");
            BasisData basisData = null;
            if (basis.isObject()) {
                List<RiskWarning> warnings = new ArrayList<>();
                for (JsonNode warning : each(basis.path("riskWarning"))) {
                    warnings.add(new RiskWarning(
                            text(warning, "fxyjId"),
                            text(warning, "domain"),
                            text(warning, "province"),
                            text(warning, "title"),
                            text(warning, "level"),
                            text(warning, "createdAt"),
                            text(warning, "source"),
                            text(warning, "ruleId"),
                            text(warning, "props")));
                }
                basisData = new BasisData(
                        text(basis, "creditAssess"),
                        text(basis, "operatingAbnormal"),
                        text(basis, "seriousIllegal"),
                        text(basis, "complaintInfo"),
                        text(basis, "tipInfo"),
                        List.copyOf(warnings));
            }
            objects.add(new SuperviseObject(
                    text(object, "@id"), text(object, "objectName"), text(object, "objectCode"), basisData));
        }
        List<TaskDetails> details = new ArrayList<>();
        for (JsonNode unit : each(root.path("supervisionProcess").path("taskDetails"))) {
            List<Feedback> feedbacks = new ArrayList<>();
            for (String kind : KINDS) {
                for (JsonNode block : each(unit.path(kind))) {
                    feedbacks.add(new Feedback(kind, text(block, "@objectId"), fields(block)));
                }
            }
            details.add(new TaskDetails(
                    text(unit, "@unitNo"),
                    text(unit, "@unitType"),
                    text(unit, "status"),
                    text(unit, "claimTime"),
                    text(unit, "endTime"),
                    text(unit, "endReason"),
                    text(unit, "feedbackTime"),
                    text(unit, "feedbackSuggestion"),
                    List.copyOf(feedbacks)));
        }
        return new SuperviseData(text(root, "@version"), taskInfo, List.copyOf(objects), List.copyOf(details));
    }

    private static List<Field> fields(JsonNode block) {
        List<Field> fields = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> entries = block.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (entry.getKey().startsWith("@")) {
                continue;
            }
            for (JsonNode value : each(entry.getValue())) {
                Map<String, String> attributes = new LinkedHashMap<>();
                String text;
                if (value.isObject()) {
                    value.fields().forEachRemaining(part -> {
                        if (part.getKey().startsWith("@")) {
                            attributes.put(part.getKey().substring(1), trim(part.getValue()));
                        }
                    });
                    text = trim(value.get("#text"));
                } else {
                    text = trim(value);
                }
                fields.add(new Field(entry.getKey(), text, Map.copyOf(attributes)));
            }
        }
        return List.copyOf(fields);
    }

    /** A single node or each of a list; nothing for a missing or null one. */
    private static List<JsonNode> each(JsonNode node) {
        List<JsonNode> nodes = new ArrayList<>();
        if (node == null || node.isMissingNode() || node.isNull()) {
            return nodes;
        }
        if (node.isArray()) {
            node.forEach(nodes::add);
        } else {
            nodes.add(node);
        }
        return nodes;
    }

    /** A child's text; an attribute is read as {@code @name} (XML) or {@code name} (JSON written by hand). */
    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null && name.startsWith("@")) {
            value = node.get(name.substring(1));
        }
        if (value != null && value.isObject()) {
            value = value.get("#text");
        }
        return trim(value);
    }

    private static String trim(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    private static List<String> split(String list) {
        if (list == null) {
            return List.of();
        }
        return Arrays.stream(list.split("[,，]"))
                .map(String::strip)
                .filter(part -> !part.isEmpty())
                .toList();
    }

    // ---- writing -----------------------------------------------------------------------------------

    /** The document as JSON: {@code {"superviseData": {...}}}, in the tree shape XML reads into. */
    public static ObjectNode toJson(SuperviseData data) {
        ObjectNode root = NODES.objectNode();
        ObjectNode document = root.putObject("superviseData");
        put(document, "@version", data.version());
        TaskInfo info = data.taskInfo();
        ObjectNode taskInfo = document.putObject("taskInfo");
        taskInfoFields(info).forEach((name, value) -> put(taskInfo, name, value));
        ArrayNode objects = document.putObject("superviseObjects").putArray("superviseObject");
        for (SuperviseObject object : data.superviseObjects()) {
            ObjectNode node = objects.addObject();
            put(node, "@id", object.id());
            put(node, "objectName", object.objectName());
            put(node, "objectCode", object.objectCode());
            if (object.basisData() != null) {
                ObjectNode basis = node.putObject("basisData");
                basisFields(object.basisData()).forEach((name, value) -> put(basis, name, value));
                if (!object.basisData().riskWarnings().isEmpty()) {
                    ArrayNode warnings = basis.putArray("riskWarning");
                    for (RiskWarning warning : object.basisData().riskWarnings()) {
                        ObjectNode warningNode = warnings.addObject();
                        warningFields(warning).forEach((name, value) -> put(warningNode, name, value));
                    }
                }
            }
        }
        ArrayNode details = document.putObject("supervisionProcess").putArray("taskDetails");
        for (TaskDetails unit : data.taskDetails()) {
            ObjectNode node = details.addObject();
            put(node, "@unitNo", unit.unitNo());
            put(node, "@unitType", unit.unitType());
            detailFields(unit).forEach((name, value) -> put(node, name, value));
            for (Feedback feedback : unit.feedbacks()) {
                ArrayNode blocks = node.has(feedback.kind())
                        ? (ArrayNode) node.get(feedback.kind())
                        : node.putArray(feedback.kind());
                ObjectNode block = blocks.addObject();
                put(block, "@objectId", feedback.objectId());
                for (Field field : feedback.fields()) {
                    JsonNode value = fieldNode(field);
                    JsonNode existing = block.get(field.name());
                    if (existing == null) {
                        block.set(field.name(), value);
                    } else if (existing.isArray()) {
                        ((ArrayNode) existing).add(value);
                    } else {
                        ArrayNode list = NODES.arrayNode().add(existing).add(value);
                        block.set(field.name(), list);
                    }
                }
            }
        }
        return root;
    }

    private static JsonNode fieldNode(Field field) {
        if (field.attributes().isEmpty()) {
            return field.text() == null ? NODES.nullNode() : NODES.textNode(field.text());
        }
        ObjectNode node = NODES.objectNode();
        field.attributes().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(attribute -> node.put("@" + attribute.getKey(), attribute.getValue()));
        put(node, "#text", field.text());
        return node;
    }

    /** The document as XML in the national namespace. */
    public static String toXml(SuperviseData data) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("superviseData");
            xml.writeDefaultNamespace(NAMESPACE);
            if (data.version() != null) {
                xml.writeAttribute("version", data.version());
            }
            xml.writeStartElement("taskInfo");
            elements(xml, taskInfoFields(data.taskInfo()));
            xml.writeEndElement();
            xml.writeStartElement("superviseObjects");
            for (SuperviseObject object : data.superviseObjects()) {
                xml.writeStartElement("superviseObject");
                if (object.id() != null) {
                    xml.writeAttribute("id", object.id());
                }
                element(xml, "objectName", object.objectName());
                element(xml, "objectCode", object.objectCode());
                if (object.basisData() != null) {
                    xml.writeStartElement("basisData");
                    elements(xml, basisFields(object.basisData()));
                    for (RiskWarning warning : object.basisData().riskWarnings()) {
                        xml.writeStartElement("riskWarning");
                        elements(xml, warningFields(warning));
                        xml.writeEndElement();
                    }
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeStartElement("supervisionProcess");
            for (TaskDetails unit : data.taskDetails()) {
                xml.writeStartElement("taskDetails");
                if (unit.unitNo() != null) {
                    xml.writeAttribute("unitNo", unit.unitNo());
                }
                if (unit.unitType() != null) {
                    xml.writeAttribute("unitType", unit.unitType());
                }
                elements(xml, detailFields(unit));
                for (Feedback feedback : unit.feedbacks()) {
                    xml.writeStartElement(feedback.kind());
                    if (feedback.objectId() != null) {
                        xml.writeAttribute("objectId", feedback.objectId());
                    }
                    for (Field field : feedback.fields()) {
                        xml.writeStartElement(field.name());
                        for (Map.Entry<String, String> attribute :
                                field.attributes().entrySet()) {
                            xml.writeAttribute(attribute.getKey(), attribute.getValue());
                        }
                        if (field.text() != null) {
                            xml.writeCharacters(field.text());
                        }
                        xml.writeEndElement();
                    }
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the superviseData document could not be written", e);
        }
        return out.toString();
    }

    private static void elements(XMLStreamWriter xml, Map<String, String> fields) throws XMLStreamException {
        for (Map.Entry<String, String> field : fields.entrySet()) {
            element(xml, field.getKey(), field.getValue());
        }
    }

    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        if (value != null) {
            xml.writeStartElement(name);
            xml.writeCharacters(value);
            xml.writeEndElement();
        }
    }

    private static void put(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private static Map<String, String> taskInfoFields(TaskInfo info) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("taskNo", info.taskNo());
        fields.put("taskName", info.taskName());
        fields.put("status", info.status());
        fields.put("initiateUnitNo", info.initiateUnitNo());
        fields.put("initiateUnitName", info.initiateUnitName());
        fields.put("initiateUnitType", info.initiateUnitType());
        fields.put("unionDeptNo", join(info.unionDeptNo()));
        fields.put("unionDeptName", join(info.unionDeptName()));
        fields.put("unionRegionCode", join(info.unionRegionCode()));
        fields.put("supervisionMatterCode", join(info.supervisionMatterCode()));
        fields.put("inspectContent", info.inspectContent());
        return fields;
    }

    private static Map<String, String> basisFields(BasisData basis) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("creditAssess", basis.creditAssess());
        fields.put("operatingAbnormal", basis.operatingAbnormal());
        fields.put("seriousIllegal", basis.seriousIllegal());
        fields.put("complaintInfo", basis.complaintInfo());
        fields.put("tipInfo", basis.tipInfo());
        return fields;
    }

    private static Map<String, String> warningFields(RiskWarning warning) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("fxyjId", warning.fxyjId());
        fields.put("domain", warning.domain());
        fields.put("province", warning.province());
        fields.put("title", warning.title());
        fields.put("level", warning.level());
        fields.put("createdAt", warning.createdAt());
        fields.put("source", warning.source());
        fields.put("ruleId", warning.ruleId());
        fields.put("props", warning.props());
        return fields;
    }

    private static Map<String, String> detailFields(TaskDetails unit) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("status", unit.status());
        fields.put("claimTime", unit.claimTime());
        fields.put("endTime", unit.endTime());
        fields.put("endReason", unit.endReason());
        fields.put("feedbackTime", unit.feedbackTime());
        fields.put("feedbackSuggestion", unit.feedbackSuggestion());
        return fields;
    }

    private static String join(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    // ---- the hub's joint tasks ---------------------------------------------------------------------

    /** A record linked in a feedback: its kind, subject and canonical body. */
    public record LinkedRecord(long id, String kind, String subjectCreditCode, JsonNode body) {}

    /**
     * A task in the national shape: its overall and per-participant status (分发, 认领 also while handling, 反馈, 结束)
     * and per participant one feedback block of its kind per linked record, filled from the record's body
     * ({@link NationalFeedbackBlocks}) and pointing at the object it is about. A task the national platform sent
     * ({@code received}) answers in its own terms: its task information (initiating unit, names), its objects with
     * their evidence, and each participant under the unit number the platform named it by ({@code unitNumbers}); the
     * hub's own tasks name their subjects as objects, without evidence (the hub holds none).
     */
    public static SuperviseData of(
            JointTaskView task,
            Map<Long, LinkedRecord> records,
            SuperviseData received,
            Map<String, String> unitNumbers) {
        boolean closed = task.closedAt() != null;
        TaskInfo info;
        if (received != null) {
            TaskInfo sent = received.taskInfo();
            info = new TaskInfo(
                    task.taskNo(),
                    task.title(),
                    nationalStatus(task.status()),
                    sent.initiateUnitNo(),
                    sent.initiateUnitName(),
                    sent.initiateUnitType(),
                    sent.unionDeptNo(),
                    sent.unionDeptName(),
                    sent.unionRegionCode(),
                    sent.supervisionMatterCode(),
                    task.inspectContent());
        } else {
            info = new TaskInfo(
                    task.taskNo(),
                    task.title(),
                    nationalStatus(task.status()),
                    task.initiatorDepartmentCode() != null
                            ? task.initiatorDepartmentCode()
                            : task.initiatorRegionCode(),
                    null,
                    task.initiatorDepartmentCode() != null ? "dept" : "region",
                    task.participants().stream()
                            .map(JointTaskView.Participant::departmentCode)
                            .toList(),
                    List.of(),
                    List.of(task.initiatorRegionCode()),
                    task.itemCodes(),
                    task.inspectContent());
        }
        List<SuperviseObject> objects = new ArrayList<>();
        if (received != null) {
            objects.addAll(received.superviseObjects());
        } else {
            for (int i = 0; i < task.subjects().size(); i++) {
                JointTaskSubject subject = task.subjects().get(i);
                objects.add(new SuperviseObject(String.valueOf(i + 1), subject.name(), subject.creditCode(), null));
            }
        }
        Map<String, String> objectIds = new LinkedHashMap<>();
        objects.forEach(object -> {
            if (object.objectCode() != null) {
                objectIds.putIfAbsent(object.objectCode(), object.id());
            }
        });
        List<TaskDetails> details = new ArrayList<>();
        for (JointTaskView.Participant participant : task.participants()) {
            List<Feedback> feedbacks = new ArrayList<>();
            if (participant.feedbackKind() != null) {
                String kind = SuperviseData.FEEDBACK_KINDS.get(participant.feedbackKind());
                for (Long id : participant.recordIds()) {
                    LinkedRecord record = records.get(id);
                    List<Field> fields = new ArrayList<>();
                    if (record != null) {
                        fields.addAll(NationalFeedbackBlocks.fields(record.kind(), id, record.body()));
                    } else {
                        fields.add(new Field("hubRecordId", String.valueOf(id), Map.of()));
                    }
                    if (participant.visitId() != null) {
                        fields.add(new Field("visitId", participant.visitId(), Map.of()));
                    }
                    String objectId = record == null ? null : objectIds.get(record.subjectCreditCode());
                    feedbacks.add(new Feedback(kind, objectId, List.copyOf(fields)));
                }
            }
            details.add(new TaskDetails(
                    unitNumbers.getOrDefault(participant.departmentCode(), participant.departmentCode()),
                    "dept",
                    closed ? "结束" : nationalStatus(participant.status()),
                    time(participant.claimedAt()),
                    closed ? time(task.closedAt()) : null,
                    closed ? task.closeRemark() : null,
                    time(participant.fedBackAt()),
                    participant.feedbackSuggestion(),
                    List.copyOf(feedbacks)));
        }
        return new SuperviseData("1.0", info, List.copyOf(objects), List.copyOf(details));
    }

    /** A national task as the request that creates it in the hub (the deadline is the hub's: the shape has none). */
    public static JointTaskRequest toRequest(SuperviseData data, LocalDate deadline) {
        TaskInfo info = data.taskInfo();
        return new JointTaskRequest(
                info.taskName(),
                info.inspectContent(),
                null,
                null,
                data.superviseObjects().stream()
                        .map(object -> new JointTaskSubject(object.objectCode(), object.objectName()))
                        .toList(),
                info.supervisionMatterCode(),
                info.unionDeptNo(),
                List.of(),
                deadline);
    }

    /** The hub's step as the national status: 分发, 认领 (claimed or handling), 反馈, 结束. */
    static String nationalStatus(String status) {
        return switch (status) {
            case "DISTRIBUTED" -> "分发";
            case "CLAIMED", "HANDLING" -> "认领";
            case "FED_BACK" -> "反馈";
            case "CLOSED" -> "结束";
            default -> throw new IllegalArgumentException("no national status for " + status);
        };
    }

    private static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant.atZone(WireTime.ZONE));
    }
}
