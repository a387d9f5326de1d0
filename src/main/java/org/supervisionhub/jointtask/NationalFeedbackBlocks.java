package org.supervisionhub.jointtask;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.supervisionhub.jointtask.SuperviseData.Field;

/**
 * A behaviour record's canonical body as the fields of a national feedback block ({@code admInspection},
 * {@code admPunishment}, {@code admForce}, {@code other}): the inverse of what the joint-supervision adapter reads
 * (adapters/joint-supervision/adapter.yaml), so a block the hub writes reads back into the same record. Officers go as
 * the national pair of comma-separated names and certificate numbers; dates as {@code yyyyMMdd}; booleans as 是/否;
 * a natural person is named but never identified (the hub holds only a masked ID number, which it does not send).
 */
final class NationalFeedbackBlocks {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Map<String, String> NATURES =
            Map.of("NATURAL_PERSON", "1", "ENTERPRISE", "2", "INDIVIDUAL_BUSINESS", "3");
    private static final Map<String, String> CHECK_MODES = Map.of("ON_SITE", "1", "OFF_SITE", "2");

    private NationalFeedbackBlocks() {}

    /** The block's fields for a record of the hub's kind (INSPECTION, PENALTY, ENFORCEMENT, OTHER). */
    static List<Field> fields(String kind, long recordId, JsonNode body) {
        Fields fields = new Fields();
        switch (kind) {
            case "INSPECTION" -> {
                JsonNode inspection = body.path("inspection");
                fields.add("checkActionCode", inspection.path("actionNumber"));
                fields.add("implementListCode", body.path("implementationListCode"));
                common(fields, body);
                fields.add("checkMode", code(CHECK_MODES, inspection.path("form")));
                fields.add("checkMethod", inspection.path("method"));
                fields.add("checkDate", day(inspection.path("checkDate")));
                officers(fields, body, "checkPersonnel", "checkPersonnelCode");
                fields.add("checkResult", inspection.path("resultCode"));
                fields.add("checkResultDesc", inspection.path("resultDescription"));
            }
            case "PENALTY" -> {
                JsonNode penalty = body.path("penalty");
                fields.add("caseNo", penalty.path("caseNumber"));
                fields.add("caseName", penalty.path("actionName"));
                common(fields, body);
                officers(fields, body, "handlePersonnel", "handlePersonnelCode");
                fields.add("illegalFacts", penalty.path("illegalFacts"));
                fields.add("legalBasis", penalty.path("legalBasis"));
                fields.add("procedure", penalty.path("procedure"));
                fields.add("filingDate", day(penalty.path("filingDate")));
                fields.add("hearing", yesNo(penalty.path("hearing")));
                fields.add("majorCase", yesNo(penalty.path("majorCase")));
                fields.add("decisionNo", penalty.path("decisionNumber"));
                fields.add("decisionDate", day(penalty.path("decisionDate")));
                fields.add("punishmentTypes", joined(penalty.path("penaltyTypes")));
                fields.add("fineAmount", penalty.path("fineAmount"));
                fields.add("confiscationAmount", penalty.path("confiscationAmount"));
            }
            case "ENFORCEMENT" -> {
                JsonNode enforcement = body.path("enforcement");
                fields.add("decisionNo", enforcement.path("decisionNumber"));
                common(fields, body);
                officers(fields, body, "handlePersonnel", "handlePersonnelCode");
                fields.add("forceCategory", enforcement.path("category"));
                fields.add("forceMeasure", enforcement.path("measure"));
                fields.add("forceBasis", enforcement.path("basis"));
                fields.add("startDate", day(enforcement.path("startDate")));
                fields.add("endDate", day(enforcement.path("endDate")));
                fields.add("extended", yesNo(enforcement.path("extended")));
                fields.add("forceResult", enforcement.path("result"));
            }
            case "OTHER" -> {
                JsonNode other = body.path("other");
                fields.add("actionCode", other.path("actionNumber"));
                fields.add("actionName", other.path("actionName"));
                common(fields, body);
                fields.add("actionSource", other.path("source"));
                fields.add("measure", other.path("measure"));
                fields.add("closingResult", other.path("closingResult"));
                fields.add("startDate", day(other.path("startDate")));
                fields.add("endDate", day(other.path("endDate")));
            }
            default -> throw new IllegalArgumentException("no national feedback block for " + kind);
        }
        fields.add("hubRecordId", String.valueOf(recordId));
        return fields.list();
    }

    private static void common(Fields fields, JsonNode body) {
        fields.add("implementInstitution", body.path("implementingBody").path("name"));
        fields.add("implementInstitutionCode", body.path("implementingBody").path("creditCode"));
        JsonNode subject = body.path("subject");
        fields.add("administrativeCp", subject.path("name"));
        fields.add("administrativeCpNature", code(NATURES, subject.path("type")));
        fields.add("administrativeCpCode", subject.path("creditCode"));
        fields.add("areaNumber", body.path("regionCode"));
    }

    /** Officers as the national pair of lists side by side; the issuer of the first names the certificates'. */
    private static void officers(Fields fields, JsonNode body, String names, String certificates) {
        List<String> officerNames = new ArrayList<>();
        List<String> certNos = new ArrayList<>();
        String issuer = null;
        for (JsonNode officer : body.path("officers")) {
            officerNames.add(officer.path("name").asText(""));
            certNos.add(officer.path("certNo").asText(""));
            if (issuer == null && officer.hasNonNull("issuer")) {
                issuer = officer.get("issuer").asText();
            }
        }
        if (officerNames.isEmpty()) {
            return;
        }
        fields.add(
                new Field(names, String.join(",", officerNames), issuer == null ? Map.of() : Map.of("issuer", issuer)));
        fields.add(certificates, String.join(",", certNos));
    }

    private static String code(Map<String, String> table, JsonNode value) {
        return value.isTextual() ? table.getOrDefault(value.asText(), value.asText()) : null;
    }

    private static String day(JsonNode value) {
        return value.isTextual() ? LocalDate.parse(value.asText()).format(DAY) : null;
    }

    private static String yesNo(JsonNode value) {
        return value.isBoolean() ? (value.asBoolean() ? "是" : "否") : null;
    }

    private static String joined(JsonNode values) {
        List<String> texts = new ArrayList<>();
        values.forEach(value -> texts.add(value.asText()));
        return texts.isEmpty() ? null : String.join(",", texts);
    }

    /** The block's fields in order; absent and empty values are left out, as the national shape leaves them. */
    private static final class Fields {
        private final List<Field> list = new ArrayList<>();

        void add(String name, JsonNode value) {
            if (value != null && value.isValueNode() && !value.isNull()) {
                add(name, value.isNumber() ? value.decimalValue().toPlainString() : value.asText());
            }
        }

        void add(String name, String value) {
            if (value != null && !value.isBlank()) {
                list.add(new Field(name, value, Map.of()));
            }
        }

        void add(Field field) {
            list.add(field);
        }

        List<Field> list() {
            return List.copyOf(list);
        }
    }
}
