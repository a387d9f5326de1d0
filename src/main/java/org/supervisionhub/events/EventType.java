package org.supervisionhub.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The catalog of every event the hub publishes. Types are lowercase and dotted, {@code <aggregate>.<past-tense
 * verb>}, where {@code <aggregate>} is the aggregate type written with hyphens ({@code item_claim} →
 * {@code item-claim.created}); each type has exactly one payload record.
 */
public enum EventType {
    ITEM_CLAIM_CREATED("item-claim.created", "item_claim", ClaimCreated.class, "A department claimed (认领) a sub-item."),
    ITEM_CLAIM_RELEASED(
            "item-claim.released",
            "item_claim",
            ClaimReleased.class,
            "A department released its claim of a sub-item (or the item was cancelled)."),
    IMPLEMENTATION_LIST_UPSERTED(
            "implementation-list.upserted",
            "implementation_list",
            ImplementationListUpserted.class,
            "A department's check implementation list (检查实施清单) was created or changed."),
    CERTIFICATE_UPSERTED(
            "certificate.upserted",
            "certificate",
            CertificateUpserted.class,
            "An enforcement certificate (执法证) or its holder was created or changed."),
    SUBJECT_UPSERTED(
            "subject.upserted",
            "subject",
            SubjectUpserted.class,
            "A subject of the unified subject library was created or changed."),
    RECORD_CREATED(
            "record.created",
            "record",
            RecordCreated.class,
            "A supervision behaviour record was uploaded for the first time."),
    RECORD_UPDATED(
            "record.updated",
            "record",
            RecordUpdated.class,
            "A supervision behaviour record was uploaded again with a different content (or after its deletion)."),
    RECORD_DELETED(
            "record.deleted",
            "record",
            RecordDeleted.class,
            "A supervision behaviour record was deleted (tombstoned)."),
    CASE_FEEDBACK_SENT(
            "case-feedback.sent",
            "case-feedback",
            CaseFeedbackSent.class,
            "A department's disposition of a complaint, risk clue or task sent down by the national platform."),
    DEPARTMENT_UPSERTED(
            "department.upserted",
            "department",
            DepartmentUpserted.class,
            "An enforcement body (执法主体) of the organisation registry was created or changed."),
    DEPARTMENT_DEACTIVATED(
            "department.deactivated",
            "department",
            DepartmentDeactivated.class,
            "An enforcement body was deactivated; its history stays, its claims and cases wait for reassignment."),
    RANDOM_DRAW_ANNOUNCED(
            "random-draw.announced",
            "random_draw",
            RandomDrawAnnounced.class,
            "A department announced a 双随机 draw: its seed and the hash of its inputs, published before the draw."),
    RANDOM_DRAW_EXECUTED(
            "random-draw.executed",
            "random_draw",
            RandomDrawExecuted.class,
            "A 双随机 draw was computed from its published seed and inputs."),
    RANDOM_DRAW_PUBLISHED(
            "random-draw.published",
            "random_draw",
            RandomDrawPublished.class,
            "A 双随机 draw's result was made public, desensitised."),
    DISCLOSURE_PUBLISHED(
            "disclosure.published",
            "disclosure",
            DisclosurePublished.class,
            "A penalty or a 双随机 inspection result was made public (双公示), or its disclosure period changed."),
    DISCLOSURE_WITHDRAWN(
            "disclosure.withdrawn",
            "disclosure",
            DisclosureWithdrawn.class,
            "A disclosure was withdrawn (撤回) before its period ended."),
    RISK_CLUE_RAISED(
            "risk-clue.raised",
            "risk_clue",
            RiskClueRaised.class,
            "One of the hub's risk models found a subject at risk and raised a risk clue (风险预警线索)."),
    JOINT_TASK_CREATED(
            "joint-task.created",
            "joint_task",
            JointTaskCreated.class,
            "A department or a region initiated a joint supervision task (跨部门联合监管) and distributed it (分发)."),
    JOINT_TASK_CLAIMED(
            "joint-task.claimed",
            "joint_task",
            JointTaskClaimed.class,
            "A participating department claimed (认领) its part of a joint supervision task."),
    JOINT_TASK_STARTED(
            "joint-task.started",
            "joint_task",
            JointTaskStarted.class,
            "A participating department started handling (处置) its part of a joint supervision task."),
    JOINT_TASK_ANSWERED(
            "joint-task.answered",
            "joint_task",
            JointTaskAnswered.class,
            "A participating department fed back (反馈) on a joint supervision task, linking its behaviour records."),
    JOINT_TASK_CLOSED(
            "joint-task.closed",
            "joint_task",
            JointTaskClosed.class,
            "The initiator closed (结束) a joint supervision task after every participant fed back."),
    JOINT_TASK_REPORTED(
            "joint-task.reported",
            "joint_task",
            JointTaskReported.class,
            "A joint supervision task in the national superviseData shape, after a change the national platform should"
                    + " know of."),
    JOINT_TASK_REMINDED(
            "joint-task.reminded",
            "joint_task",
            JointTaskReminded.class,
            "A participant that has not fed back on a joint supervision task was reminded (催办), before or after the"
                    + " deadline.");

    private final String value;
    private final String aggregateType;
    private final Class<? extends HubEvent> payload;
    private final String description;

    EventType(String value, String aggregateType, Class<? extends HubEvent> payload, String description) {
        this.value = value;
        this.aggregateType = aggregateType;
        this.payload = payload;
        this.description = description;
    }

    /** The type as stored in {@code outbox.event_type} and delivered, e.g. {@code record.created}. */
    public String value() {
        return value;
    }

    public String aggregateType() {
        return aggregateType;
    }

    /** The record whose components are the payload. */
    public Class<? extends HubEvent> payload() {
        return payload;
    }

    public String description() {
        return description;
    }

    /** The payload's fields: the record's components but those routing only ({@link JsonIgnore}), in order. */
    public List<RecordComponent> payloadFields() {
        return Arrays.stream(payload.getRecordComponents())
                .filter(component -> !component.getAccessor().isAnnotationPresent(JsonIgnore.class))
                .toList();
    }

    /** The past-tense verb after the dot: {@code created}, {@code deleted}, ... */
    public String verb() {
        return value.substring(value.indexOf('.') + 1);
    }

    /** The catalog entry of a stored type, if the catalog has it. */
    public static Optional<EventType> of(String value) {
        return Arrays.stream(values()).filter(type -> type.value.equals(value)).findFirst();
    }

    /** Whether some event type belongs to the aggregate type (what a docked system may subscribe to). */
    public static boolean isAggregateType(String aggregateType) {
        return Arrays.stream(values()).anyMatch(type -> type.aggregateType.equals(aggregateType));
    }

    /** The convention every type follows: the aggregate type with hyphens, a dot, a lowercase past-tense verb. */
    public boolean followsConvention() {
        return value.equals(aggregateType.replace('_', '-').toLowerCase(Locale.ROOT) + "." + verb())
                && verb().matches("[a-z]+");
    }

    @Override
    public String toString() {
        return value;
    }
}
