package org.supervisionhub.jointtask;

import java.util.List;
import java.util.Map;

/**
 * The national joint-supervision task document ({@code superviseData}), as the hub reads and writes it in JSON and XML
 * ({@link SuperviseDataCodec}): the task ({@code taskInfo}), its objects with their evidence ({@code
 * superviseObjects/superviseObject} with {@code basisData}), and one {@code supervisionProcess/taskDetails} per
 * participating unit with its feedback blocks per behaviour kind ({@code admInspection}, {@code admPunishment},
 * {@code admForce}, {@code other}). Values stay text, as the national platform sends them; lists (units, matters) are
 * comma-separated there and lists here.
 */
public record SuperviseData(
        String version, TaskInfo taskInfo, List<SuperviseObject> superviseObjects, List<TaskDetails> taskDetails) {

    /** The four feedback kinds of the national shape, in the order of the hub's behaviour kinds. */
    public static final Map<String, String> FEEDBACK_KINDS = Map.of(
            "INSPECTION", "admInspection",
            "PENALTY", "admPunishment",
            "ENFORCEMENT", "admForce",
            "OTHER", "other");

    /** {@code taskInfo}: status is 分发, 认领, 反馈 or 结束; initiateUnitType dept or region. */
    public record TaskInfo(
            String taskNo,
            String taskName,
            String status,
            String initiateUnitNo,
            String initiateUnitName,
            String initiateUnitType,
            List<String> unionDeptNo,
            List<String> unionDeptName,
            List<String> unionRegionCode,
            List<String> supervisionMatterCode,
            String inspectContent) {}

    /** {@code superviseObject}: the subject and the evidence why it is supervised. */
    public record SuperviseObject(String id, String objectName, String objectCode, BasisData basisData) {}

    /** {@code basisData}: credit class, abnormal and serious-illegal listings, complaint and tip counts, risk warnings. */
    public record BasisData(
            String creditAssess,
            String operatingAbnormal,
            String seriousIllegal,
            String complaintInfo,
            String tipInfo,
            List<RiskWarning> riskWarnings) {}

    /** {@code riskWarning}: the national risk clue's fields, kept as sent. */
    public record RiskWarning(
            String fxyjId,
            String domain,
            String province,
            String title,
            String level,
            String createdAt,
            String source,
            String ruleId,
            String props) {}

    /** {@code taskDetails}: one participating unit's progress and its feedback blocks. */
    public record TaskDetails(
            String unitNo,
            String unitType,
            String status,
            String claimTime,
            String endTime,
            String endReason,
            String feedbackTime,
            String feedbackSuggestion,
            List<Feedback> feedbacks) {}

    /** One feedback block: its kind (element name), the object it is about, and its fields in document order. */
    public record Feedback(String kind, String objectId, List<Field> fields) {}

    /** One field of a feedback block: its text and attributes (e.g. {@code checkPersonnel issuer="GXZF"}). */
    public record Field(String name, String text, Map<String, String> attributes) {}
}
