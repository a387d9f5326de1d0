package org.supervisionhub.jointtask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.supervisionhub.audit.AuditTrail;
import org.supervisionhub.common.WireTime;
import org.supervisionhub.common.code.CreditCodes;
import org.supervisionhub.events.JointTaskCreated;
import org.supervisionhub.jointtask.SuperviseData.SuperviseObject;
import org.supervisionhub.jointtask.SuperviseData.TaskDetails;
import org.supervisionhub.security.Caller;
import org.supervisionhub.sync.InboxHandler;
import org.supervisionhub.sync.InboxItem;
import org.supervisionhub.sync.Outbox;

/**
 * Joint supervision tasks the national platform sends (callback kind {@code joint-tasks}, a {@code superviseData}
 * document in JSON or XML): each becomes a joint task whose initiator is the platform (NATIONAL, region 000000), so
 * the participating departments claim, handle and feed back as on any joint task, and their steps go back up as
 * {@code joint-task.reported} in the national shape, under the unit numbers the platform named them by.
 *
 * <p>Who takes part: every unit of {@code unionDeptNo} and every {@code taskDetails} of unit type {@code dept} that is
 * an active department of the hub (by code or by credit code); every {@code taskDetails} of unit type {@code region}
 * takes part through its departments that hold an active claim of one of the task's items. Units the hub cannot map
 * stay in the stored document. Items unknown to the catalog and objects without a valid credit code are kept in the
 * document only. A task no department of the hub takes part in is refused (the inbox retries it and reports it).
 *
 * <p>A newer revision updates the title, content, deadline and document, adds new participants (none is removed: its
 * progress is history), and closes the task when its status is 结束. The platform's own steps on a task the hub
 * initiated (an echo) change nothing here.
 */
@ApplicationScoped
public class NationalJointTasks implements InboxHandler {

    /** The callback kind. */
    public static final String KIND = "joint-tasks";
    /** The initiator type of a task the national platform sent. */
    static final String INITIATOR_TYPE = "NATIONAL";
    /** The region of a national task's initiator: 全国. */
    static final String NATIONAL_REGION = "000000";
    /** The platform in the audit log. */
    static final Caller PLATFORM = new Caller("national-platform", Set.of(), Optional.empty(), Optional.empty());
    /** When the platform names no deadline: the time the hub gives national tasks (cases of kind TASK). */
    static final int DEFAULT_DAYS_TO_DEADLINE = 30;

    private static final Logger LOG = Logger.getLogger(NationalJointTasks.class);

    private static final String INSERT = """
            insert into joint_task (task_no, title, inspect_content, initiator_type, initiator_region_code, deadline,
                                    created_by, national_revision, national_document)
            values ($1, $2, $3, 'NATIONAL', '000000', $4, $5, $6, cast($7::text as jsonb))
            returning id, created_at""";
    private static final String UPDATE = """
            update joint_task set title = $2, inspect_content = $3, deadline = $4, national_revision = $5,
                                  national_document = cast($6::text as jsonb), version = version + 1
            where id = $1""";
    private static final String DEPARTMENTS = """
            select code, credit_code from department
            where status = 'ACTIVE' and (code = any($1) or credit_code = any($1))""";

    private final JointTasks tasks;
    private final Outbox outbox;
    private final AuditTrail audit;

    @Inject
    NationalJointTasks(JointTasks tasks, Outbox outbox, AuditTrail audit) {
        this.tasks = tasks;
        this.outbox = outbox;
        this.audit = audit;
    }

    @Override
    public boolean handles(String kind) {
        return KIND.equals(kind);
    }

    /** The XML document as the JSON message the inbox stores: its taskNo is the national id. */
    @Override
    public Optional<JsonNode> fromXml(String kind, byte[] body) {
        SuperviseData data = SuperviseDataCodec.fromXml(new ByteArrayInputStream(body));
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        if (data.taskInfo().taskNo() != null) {
            message.put("nationalId", data.taskInfo().taskNo());
        }
        message.set("superviseData", SuperviseDataCodec.toJson(data).get("superviseData"));
        return Optional.of(message);
    }

    @Override
    public Outcome handle(SqlConnection connection, InboxItem item) {
        JsonNode document = item.payload().get("superviseData");
        if (document == null || !document.isObject()) {
            throw new IllegalArgumentException("a joint task carries its superviseData document");
        }
        SuperviseData data = SuperviseDataCodec.fromJson(document);
        String taskNo = item.nationalId();
        LocalDate deadline = deadline(item.payload());
        Row existing = JointTasks.first(
                connection,
                "select id, initiator_type, national_revision, closed_at from joint_task where task_no = $1"
                        + " for no key update",
                Tuple.of(taskNo));
        if (existing != null && !INITIATOR_TYPE.equals(existing.getString("initiator_type"))) {
            LOG.infof("national joint task %s is the hub's own task; the platform's copy changes nothing", taskNo);
            return Outcome.PROCESSED;
        }
        if (existing != null && existing.getInteger("national_revision") >= item.revision()) {
            return Outcome.SUPERSEDED;
        }
        List<String> items = knownItems(connection, data.taskInfo().supervisionMatterCode());
        Map<String, String> participants = participants(connection, data, items);
        String title = clip(data.taskInfo().taskName() != null ? data.taskInfo().taskName() : taskNo, 200);
        String content = clip(data.taskInfo().inspectContent(), 2000);
        if (existing == null) {
            if (participants.isEmpty()) {
                throw new IllegalArgumentException(
                        "no unit of national joint task " + taskNo + " is an active department of the hub");
            }
            create(connection, item, data, taskNo, title, content, deadline, items, participants);
        } else {
            update(connection, item, data, existing, title, content, deadline, participants);
        }
        return Outcome.PROCESSED;
    }

    private void create(
            SqlConnection connection,
            InboxItem item,
            SuperviseData data,
            String taskNo,
            String title,
            String content,
            LocalDate deadline,
            List<String> items,
            Map<String, String> participants) {
        Row created = JointTasks.first(connection, INSERT, Tuple.from(new Object[] {
            taskNo, title, content, deadline, PLATFORM.auditName(), item.revision(), documentOf(data)
        }));
        long id = created.getLong("id");
        List<JointTaskSubject> subjects = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        for (SuperviseObject object : data.superviseObjects()) {
            String code = object.objectCode();
            if (code != null && CreditCodes.isValid(code) && codes.add(code)) {
                subjects.add(new JointTaskSubject(code, clip(object.objectName(), 200)));
            }
        }
        JointTasks.insertSubjectsAndItems(connection, id, subjects, items);
        addParticipants(connection, id, participants, 0);
        outbox.enqueue(
                connection,
                new JointTaskCreated(
                        id,
                        taskNo,
                        title,
                        INITIATOR_TYPE,
                        null,
                        NATIONAL_REGION,
                        List.copyOf(codes),
                        items,
                        List.copyOf(participants.keySet()),
                        deadline,
                        created.getOffsetDateTime("created_at").toInstant()));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("taskNo", taskNo);
        detail.put("revision", item.revision());
        detail.put("participants", List.copyOf(participants.keySet()));
        audit.record(connection, PLATFORM, "JOINT_TASK_RECEIVED", "joint_task", String.valueOf(id), detail);
    }

    private void update(
            SqlConnection connection,
            InboxItem item,
            SuperviseData data,
            Row existing,
            String title,
            String content,
            LocalDate deadline,
            Map<String, String> participants) {
        long id = existing.getLong("id");
        connection
                .preparedQuery(UPDATE)
                .execute(Tuple.from(new Object[] {id, title, content, deadline, item.revision(), documentOf(data)}))
                .await()
                .indefinitely();
        int known = JointTasks.first(
                        connection, "select count(*) as n from joint_task_participant where task_id = $1", Tuple.of(id))
                .getInteger("n");
        List<String> added = addParticipants(connection, id, participants, known);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("revision", item.revision());
        detail.put("addedParticipants", added);
        boolean ended = "结束".equals(data.taskInfo().status());
        detail.put("closed", ended && existing.getOffsetDateTime("closed_at") == null);
        audit.record(connection, PLATFORM, "JOINT_TASK_UPDATED", "joint_task", String.valueOf(id), detail);
        if (ended && existing.getOffsetDateTime("closed_at") == null) {
            String remark = clip(
                    data.taskDetails().stream()
                            .map(TaskDetails::endReason)
                            .filter(reason -> reason != null)
                            .findFirst()
                            .orElse(null),
                    500);
            // The platform ended it: closed here too, not reported back to where the end came from.
            tasks.closeLocked(connection, PLATFORM, tasks.read(connection, id), remark);
        }
    }

    /** Adds the participants not yet on the task, after the {@code position} ones there; the codes added. */
    private static List<String> addParticipants(
            SqlConnection connection, long id, Map<String, String> participants, int position) {
        List<String> added = new ArrayList<>();
        for (Map.Entry<String, String> participant : participants.entrySet()) {
            RowSet<Row> inserted = connection
                    .preparedQuery("""
                            insert into joint_task_participant (task_id, department_code, position, national_unit_no)
                            values ($1, $2, $3, $4) on conflict (task_id, department_code) do nothing""")
                    .execute(Tuple.of(
                            id, participant.getKey(), (short) (position + added.size()), participant.getValue()))
                    .await()
                    .indefinitely();
            if (inserted.rowCount() > 0) {
                added.add(participant.getKey());
            }
        }
        return added;
    }

    /** The hub's departments taking part, in the document's order, each with the unit number it was named by. */
    private static Map<String, String> participants(SqlConnection connection, SuperviseData data, List<String> items) {
        Set<String> units = new LinkedHashSet<>(data.taskInfo().unionDeptNo());
        List<String> regions = new ArrayList<>();
        for (TaskDetails unit : data.taskDetails()) {
            if (unit.unitNo() == null) {
                continue;
            }
            if ("region".equals(unit.unitType())) {
                regions.add(unit.unitNo());
            } else {
                units.add(unit.unitNo());
            }
        }
        Map<String, String> byUnit = new LinkedHashMap<>();
        if (!units.isEmpty()) {
            for (Row row : connection
                    .preparedQuery(DEPARTMENTS)
                    .execute(Tuple.of(units.toArray(String[]::new)))
                    .await()
                    .indefinitely()) {
                byUnit.put(row.getString("code"), row.getString("code"));
                if (row.getString("credit_code") != null) {
                    byUnit.put(row.getString("credit_code"), row.getString("code"));
                }
            }
        }
        Map<String, String> participants = new LinkedHashMap<>();
        for (String unit : units) {
            String department = byUnit.get(unit);
            if (department != null) {
                participants.putIfAbsent(department, unit);
            }
        }
        for (String region : regions) {
            for (String department : JointTasks.regionClaimants(connection, region, items)) {
                participants.putIfAbsent(department, region);
            }
        }
        return participants;
    }

    private static List<String> knownItems(SqlConnection connection, List<String> codes) {
        Set<String> known = new LinkedHashSet<>();
        if (!codes.isEmpty()) {
            for (Row row : connection
                    .preparedQuery("select code from catalog_item where code = any($1)")
                    .execute(Tuple.of(codes.toArray(String[]::new)))
                    .await()
                    .indefinitely()) {
                known.add(row.getString("code"));
            }
        }
        return codes.stream().filter(known::contains).distinct().toList();
    }

    /** The platform's deadline ({@code deadline}, an ISO date beside the document), else 30 days from today. */
    private static LocalDate deadline(JsonNode message) {
        JsonNode value = message.get("deadline");
        if (value == null || value.isNull()) {
            return LocalDate.now(WireTime.ZONE).plusDays(DEFAULT_DAYS_TO_DEADLINE);
        }
        try {
            return LocalDate.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("deadline " + value.asText() + " is not a date (yyyy-MM-dd)");
        }
    }

    private static String documentOf(SuperviseData data) {
        return SuperviseDataCodec.toJson(data).toString();
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
