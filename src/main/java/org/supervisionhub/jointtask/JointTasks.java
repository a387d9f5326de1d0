package org.supervisionhub.jointtask;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.supervisionhub.audit.AuditTrail;
import org.supervisionhub.common.BlockingTransactions;
import org.supervisionhub.common.ErrorCode;
import org.supervisionhub.common.FieldError;
import org.supervisionhub.common.HubException;
import org.supervisionhub.common.Page;
import org.supervisionhub.common.PageRequest;
import org.supervisionhub.common.PagedQuery;
import org.supervisionhub.common.WireTime;
import org.supervisionhub.common.code.RegionCodes;
import org.supervisionhub.events.JointTaskAnswered;
import org.supervisionhub.events.JointTaskClaimed;
import org.supervisionhub.events.JointTaskClosed;
import org.supervisionhub.events.JointTaskCreated;
import org.supervisionhub.events.JointTaskStarted;
import org.supervisionhub.security.Caller;
import org.supervisionhub.security.Scope;
import org.supervisionhub.sync.Outbox;

/**
 * 跨部门联合监管: joint supervision tasks. A department admin initiates for its department, a region admin for its
 * region (or for a department of it); the task names subjects, items to check, participating departments of the
 * initiator's region and a deadline. Each participant claims (认领), starts handling (处置) and feeds back (反馈) with the
 * behaviour records it produced; the initiator closes (结束) the task once every participant fed back.
 *
 * <p>Who may do what is decided by what is <em>stored</em>: the initiator (its department's current region, or its
 * region) for closing, each participant department (its current region) for its own steps. A task is visible to the
 * initiator's scope and to every participant's; outside both it does not exist (404). The overall status and the
 * overdue marks are computed when read. Every write locks the task, then commits the change, its audit entry and its
 * typed event in one transaction. Blocking.
 */
@ApplicationScoped
public class JointTasks {

    static final List<String> PARTICIPANT_STEPS = List.of("DISTRIBUTED", "CLAIMED", "HANDLING", "FED_BACK");

    // The task with its owner's current region, its subjects, items and participants (with their records).
    private static final String SELECT_VIEW = """
            select t.*, coalesce(d.region_code, t.initiator_region_code) as owner_region,
                   (select json_agg(json_build_object('creditCode', s.credit_code, 'name', s.name) order by s.position)
                    from joint_task_subject s where s.task_id = t.id) as subjects,
                   (select json_agg(i.item_code order by i.position) from joint_task_item i where i.task_id = t.id)
                       as items,
                   (select json_agg(json_build_object(
                               'departmentCode', p.department_code, 'regionCode', pd.region_code, 'status', p.status,
                               'claimedAt', p.claimed_at, 'handlingAt', p.handling_at, 'fedBackAt', p.fed_back_at,
                               'feedbackKind', p.feedback_kind, 'feedbackSuggestion', p.feedback_suggestion,
                               'visitId', p.visit_id,
                               'recordIds', (select json_agg(r.record_id order by r.record_id) from joint_task_record r
                                             where r.task_id = p.task_id and r.department_code = p.department_code))
                               order by p.position)
                    from joint_task_participant p join department pd on pd.code = p.department_code
                    where p.task_id = t.id) as participants
            from joint_task t left join department d on d.code = t.initiator_department_code""";
    private static final String VIEW_BY_ID = SELECT_VIEW + " where t.id = $1";
    private static final String LOCK = "select id from joint_task where id = $1 for no key update";

    // $1 sees everything, $2 department, $3 region prefix: the initiator's or a participant's.
    private static final String VISIBLE = """
            (%s or exists (select 1 from joint_task_participant vp join department vd on vd.code = vp.department_code
                           where vp.task_id = t.id and %s))""".formatted(
            Scope.sqlCondition("t.initiator_department_code", "coalesce(d.region_code, t.initiator_region_code)", 1),
            Scope.sqlCondition("vp.department_code", "vd.region_code", 1));
    private static final String LIST_WHERE = """
             where %s
              and ($4::text is null or t.initiator_department_code = $4
                   or exists (select 1 from joint_task_participant fp where fp.task_id = t.id and fp.department_code = $4))
              and ($5::text is null or t.task_no = $5)""".formatted(VISIBLE);
    private static final String LIST = SELECT_VIEW + " " + LIST_WHERE + " order by t.id desc limit $6 offset $7";
    private static final String COUNT =
            "select count(*) from joint_task t left join department d on d.code = t.initiator_department_code"
                    + " "
                    + LIST_WHERE;

    private static final String INSERT = """
            with next as (select nextval(pg_get_serial_sequence('joint_task', 'id')) as id)
            insert into joint_task (id, task_no, title, inspect_content, initiator_type, initiator_department_code,
                                    initiator_region_code, deadline, created_by)
            overriding system value
            select next.id, 'LHJG' || $1 || lpad(next.id::text, 10, '0'), $2, $3, $4, $5, $1, $6, $7 from next
            returning id, task_no, created_at""";

    private final Pool pool;
    private final BlockingTransactions transactions;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final JointTaskReports reports;

    @Inject
    JointTasks(
            Pool pool, BlockingTransactions transactions, AuditTrail audit, Outbox outbox, JointTaskReports reports) {
        this.pool = pool;
        this.transactions = transactions;
        this.audit = audit;
        this.outbox = outbox;
        this.reports = reports;
    }

    /** Creates and distributes (分发) a task; every participant starts at DISTRIBUTED. */
    public JointTaskView create(Caller caller, JointTaskRequest request) {
        Scope scope = caller.scope();
        scope.requireBound();
        List<FieldError> errors = new ArrayList<>();
        duplicates(request.participants(), "participants", errors);
        duplicates(request.participantRegions(), "participantRegions", errors);
        if (request.participants().isEmpty() && request.participantRegions().isEmpty()) {
            errors.add(new FieldError(
                    "participants", ErrorCode.REQUIRED, "name participating departments or regions (at least one)"));
        }
        duplicates(request.itemCodes(), "itemCodes", errors);
        duplicates(request.subjects().stream().map(JointTaskSubject::creditCode).toList(), "subjects", errors);
        if (request.deadline().isBefore(LocalDate.now(WireTime.ZONE))) {
            errors.add(new FieldError("deadline", ErrorCode.DATE_OUT_OF_RANGE, "must not be before today"));
        }
        if (request.initiatorDepartmentCode() != null && request.initiatorRegionCode() != null) {
            errors.add(new FieldError(
                    "initiatorRegionCode", ErrorCode.NOT_ALLOWED, "name a department or a region, not both"));
        }
        if (!errors.isEmpty()) {
            throw HubException.validation(errors);
        }
        return transactions.inTransaction(connection -> {
            Initiator initiator = initiator(connection, scope, request);
            checkParticipants(connection, initiator, request.participants());
            checkItems(connection, request.itemCodes());
            List<String> participantCodes = withRegions(connection, initiator, request);
            Row created = one(connection, INSERT, Tuple.from(new Object[] {
                initiator.region(),
                request.title(),
                request.inspectContent(),
                initiator.department() == null ? "REGION" : "DEPARTMENT",
                initiator.department(),
                request.deadline(),
                caller.auditName()
            }));
            long id = created.getLong("id");
            insertSubjectsAndItems(connection, id, request.subjects(), request.itemCodes());
            List<Tuple> participants = new ArrayList<>();
            for (int i = 0; i < participantCodes.size(); i++) {
                participants.add(Tuple.of(id, participantCodes.get(i), (short) i));
            }
            batch(
                    connection,
                    "insert into joint_task_participant (task_id, department_code, position) values ($1, $2, $3)",
                    participants);
            String taskNo = created.getString("task_no");
            outbox.enqueue(
                    connection,
                    new JointTaskCreated(
                            id,
                            taskNo,
                            request.title(),
                            initiator.department() == null ? "REGION" : "DEPARTMENT",
                            initiator.department(),
                            initiator.region(),
                            request.subjects().stream()
                                    .map(JointTaskSubject::creditCode)
                                    .toList(),
                            request.itemCodes(),
                            participantCodes,
                            request.deadline(),
                            created.getOffsetDateTime("created_at").toInstant()));
            audit.record(
                    connection,
                    caller,
                    "JOINT_TASK_CREATED",
                    "joint_task",
                    String.valueOf(id),
                    Map.of(
                            "taskNo",
                            taskNo,
                            "participants",
                            participantCodes,
                            "participantRegions",
                            request.participantRegions()));
            JointTaskView task = read(connection, id);
            reports.report(connection, task, "CREATED", null);
            return task;
        });
    }

    /** 认领: the participant claims its part; claiming again changes nothing. */
    public JointTaskView claim(Caller caller, long id, String department) {
        return participantStep(caller, id, department, "CLAIMED", (connection, task, participant) -> {
            String status = participant.getString("status");
            if (!"DISTRIBUTED".equals(status)) {
                return false; // claimed before: the same answer again
            }
            Row changed = one(connection, """
                    update joint_task_participant set status = 'CLAIMED', claimed_at = now(), claimed_by = $3
                    where task_id = $1 and department_code = $2 returning claimed_at""", Tuple.of(id, department, caller.auditName()));
            outbox.enqueue(
                    connection,
                    new JointTaskClaimed(
                            id,
                            task.taskNo(),
                            department,
                            changed.getOffsetDateTime("claimed_at").toInstant()));
            audit.record(
                    connection,
                    caller,
                    "JOINT_TASK_CLAIMED",
                    "joint_task",
                    String.valueOf(id),
                    Map.of("departmentCode", department));
            return true;
        });
    }

    /** 处置: the participant starts handling its claimed part; starting again changes nothing. */
    public JointTaskView startHandling(Caller caller, long id, String department) {
        return participantStep(caller, id, department, "HANDLING", (connection, task, participant) -> {
            String status = participant.getString("status");
            if ("HANDLING".equals(status)) {
                return false;
            }
            if (!"CLAIMED".equals(status)) {
                throw stateInvalid(department, status, "handling starts after the claim and before the feedback");
            }
            Row changed = one(connection, """
                    update joint_task_participant set status = 'HANDLING', handling_at = now()
                    where task_id = $1 and department_code = $2 returning handling_at""", Tuple.of(id, department));
            outbox.enqueue(
                    connection,
                    new JointTaskStarted(
                            id,
                            task.taskNo(),
                            department,
                            changed.getOffsetDateTime("handling_at").toInstant()));
            audit.record(
                    connection,
                    caller,
                    "JOINT_TASK_HANDLING_STARTED",
                    "joint_task",
                    String.valueOf(id),
                    Map.of("departmentCode", department));
            return true;
        });
    }

    /**
     * 反馈: the participant links the behaviour records it produced, of one kind; the same feedback again changes
     * nothing, another one is refused. Inspection records of one joint visit (same visit id across participants)
     * must share their check date.
     */
    public JointTaskView feedback(Caller caller, long id, String department, JointTaskFeedbackRequest request) {
        if (request.visitId() != null && !"INSPECTION".equals(request.kind())) {
            throw HubException.validation(List.of(
                    new FieldError("visitId", ErrorCode.NOT_ALLOWED, "a joint visit carries inspection records only")));
        }
        List<Long> recordIds = List.copyOf(new TreeSet<>(request.recordIds()));
        return participantStep(caller, id, department, "FED_BACK", (connection, task, participant) -> {
            String status = participant.getString("status");
            if ("FED_BACK".equals(status)) {
                if (sameFeedback(connection, id, department, participant, request, recordIds)) {
                    return false;
                }
                throw HubException.conflict(
                        ErrorCode.JOINT_TASK_ALREADY_FED_BACK,
                        department + " already fed back on task " + task.taskNo() + " with other content");
            }
            if ("DISTRIBUTED".equals(status)) {
                throw stateInvalid(department, status, "claim the task before feeding back");
            }
            checkRecords(connection, id, department, request, task);
            Row changed = one(connection, """
                    update joint_task_participant
                    set status = 'FED_BACK', handling_at = coalesce(handling_at, now()), fed_back_at = now(),
                        fed_back_by = $3, feedback_kind = $4, feedback_suggestion = $5, visit_id = $6
                    where task_id = $1 and department_code = $2 returning fed_back_at""", Tuple.from(new Object[] {
                id, department, caller.auditName(), request.kind(), request.suggestion(), request.visitId()
            }));
            batch(
                    connection,
                    "insert into joint_task_record (task_id, department_code, record_id) values ($1, $2, $3)",
                    recordIds.stream()
                            .map(record -> Tuple.of(id, department, record))
                            .toList());
            Instant fedBackAt = changed.getOffsetDateTime("fed_back_at").toInstant();
            boolean overdue = late(fedBackAt, task.deadline());
            outbox.enqueue(
                    connection,
                    new JointTaskAnswered(
                            id,
                            task.taskNo(),
                            department,
                            request.kind(),
                            recordIds,
                            request.visitId(),
                            request.suggestion(),
                            overdue,
                            fedBackAt));
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("departmentCode", department);
            detail.put("kind", request.kind());
            detail.put("recordIds", recordIds);
            detail.put("overdue", overdue);
            audit.record(connection, caller, "JOINT_TASK_FED_BACK", "joint_task", String.valueOf(id), detail);
            return true;
        });
    }

    /** 结束: the initiator closes the task once every participant fed back; closing again changes nothing. */
    public JointTaskView close(Caller caller, long id, JointTaskCloseRequest request) {
        Scope scope = caller.scope();
        scope.requireBound();
        String remark = request == null ? null : request.remark();
        return transactions.inTransaction(connection -> {
            JointTaskView task = locked(connection, scope, id);
            requireInitiator(scope, task, ownerRegion(connection, id));
            if (task.closedAt() != null) {
                return task;
            }
            List<String> open = task.participants().stream()
                    .filter(participant -> !"FED_BACK".equals(participant.status()))
                    .map(JointTaskView.Participant::departmentCode)
                    .toList();
            if (!open.isEmpty()) {
                throw HubException.conflict(
                        ErrorCode.JOINT_TASK_NOT_ALL_FED_BACK,
                        "task " + task.taskNo() + " waits for the feedback of " + String.join(", ", open));
            }
            JointTaskView closedTask = closeLocked(connection, caller, task, remark);
            reports.report(connection, closedTask, "CLOSED", null);
            return closedTask;
        });
    }

    /**
     * Closes a task already locked by the caller's transaction: the close, {@code joint-task.closed} naming the late
     * participants, and the audit entry. The closed task.
     */
    JointTaskView closeLocked(SqlConnection connection, Caller caller, JointTaskView task, String remark) {
        Row closed = one(connection, """
                update joint_task set closed_at = now(), closed_by = $2, close_remark = $3, version = version + 1
                where id = $1 returning closed_at""", Tuple.of(task.id(), caller.auditName(), remark));
        List<String> overdue = task.participants().stream()
                .filter(JointTaskView.Participant::overdue)
                .map(JointTaskView.Participant::departmentCode)
                .toList();
        outbox.enqueue(
                connection,
                new JointTaskClosed(
                        task.id(),
                        task.taskNo(),
                        remark,
                        overdue,
                        closed.getOffsetDateTime("closed_at").toInstant()));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("taskNo", task.taskNo());
        detail.put("overdueDepartments", overdue);
        if (remark != null) {
            detail.put("remark", remark);
        }
        audit.record(connection, caller, "JOINT_TASK_CLOSED", "joint_task", String.valueOf(task.id()), detail);
        return read(connection, task.id());
    }

    /** The task as it stands, read through {@code client} (a connection sees its own transaction). */
    JointTaskView read(SqlClient client, long id) {
        return view(one(client, VIEW_BY_ID, Tuple.of(id)));
    }

    /** One visible task in the national shape, its feedback blocks filled from the linked records. */
    public SuperviseData national(Caller caller, long id) {
        return reports.document(pool, get(caller, id));
    }

    /** One task the caller initiated or takes part in (by scope); 404 otherwise. */
    public JointTaskView get(Caller caller, long id) {
        Scope scope = caller.scope();
        scope.requireBound();
        Row row = first(pool, VIEW_BY_ID, Tuple.of(id));
        if (row == null || !visible(scope, row)) {
            throw notFound(id);
        }
        return view(row);
    }

    /** The tasks the caller's scope initiated or takes part in, newest first. */
    public Page<JointTaskView> list(Caller caller, String department, String taskNo, PageRequest page) {
        Scope scope = caller.scope();
        Object[] scopeArguments = scope.sqlArguments();
        String departmentFilter = department;
        if (department != null && scope.department().isPresent()) {
            departmentFilter = scope.departmentFilter(department).orElse(null);
        }
        Object[] arguments =
                new Object[] {scopeArguments[0], scopeArguments[1], scopeArguments[2], departmentFilter, taskNo};
        return PagedQuery.fetch(pool, LIST, COUNT, arguments, page, this::view)
                .await()
                .indefinitely();
    }

    // ---- steps of one participant -------------------------------------------------------------------

    @FunctionalInterface
    private interface Step {
        /** Changes the participant; false when nothing changed (the same request again). */
        boolean apply(SqlConnection connection, JointTaskView task, Row participant);
    }

    /** One participant's step; {@code change} names it in the national report. */
    private JointTaskView participantStep(Caller caller, long id, String department, String change, Step step) {
        Scope scope = caller.scope();
        scope.requireBound();
        return transactions.inTransaction(connection -> {
            JointTaskView task = locked(connection, scope, id);
            Row participant = first(connection, """
                    select p.*, d.region_code from joint_task_participant p join department d on d.code = p.department_code
                    where p.task_id = $1 and p.department_code = $2""", Tuple.of(id, department));
            if (participant == null) {
                throw HubException.notFound(
                        ErrorCode.JOINT_TASK_PARTICIPANT_NOT_FOUND,
                        department + " does not take part in task " + task.taskNo());
            }
            scope.requireCanWrite(Scope.Owner.department(department, participant.getString("region_code")));
            if (task.closedAt() != null) {
                throw HubException.conflict(ErrorCode.JOINT_TASK_CLOSED, "task " + task.taskNo() + " is closed");
            }
            if (!step.apply(connection, task, participant)) {
                return task;
            }
            connection
                    .preparedQuery("update joint_task set version = version + 1 where id = $1")
                    .execute(Tuple.of(id))
                    .await()
                    .indefinitely();
            JointTaskView changed = read(connection, id);
            reports.report(connection, changed, change, department);
            return changed;
        });
    }

    /** The task, locked against concurrent steps; 404 outside the caller's view. */
    private JointTaskView locked(SqlConnection connection, Scope scope, long id) {
        if (first(connection, LOCK, Tuple.of(id)) == null) {
            throw notFound(id);
        }
        Row row = one(connection, VIEW_BY_ID, Tuple.of(id));
        if (!visible(scope, row)) {
            throw notFound(id);
        }
        return view(row);
    }

    private static String ownerRegion(SqlConnection connection, long id) {
        return one(connection, """
                        select coalesce(d.region_code, t.initiator_region_code) as region
                        from joint_task t left join department d on d.code = t.initiator_department_code where t.id = $1""", Tuple.of(id)).getString("region");
    }

    /** The initiator decides on closing: its department's scope, or for a region task an admin over the region. */
    private static void requireInitiator(Scope scope, JointTaskView task, String ownerRegion) {
        if (task.initiatorDepartmentCode() != null) {
            scope.requireCanWrite(Scope.Owner.department(task.initiatorDepartmentCode(), ownerRegion));
        } else if (scope.department().isPresent() || !scope.covers(Scope.Owner.region(ownerRegion))) {
            throw HubException.forbidden(
                    ErrorCode.REGION_OUT_OF_SCOPE, "only an admin of region " + ownerRegion + " closes this task");
        }
    }

    /** Visible to the initiator's scope and to each participant's. */
    private static boolean visible(Scope scope, Row row) {
        String department = row.getString("initiator_department_code");
        String ownerRegion = row.getString("owner_region");
        boolean initiator = department != null
                ? scope.covers(Scope.Owner.department(department, ownerRegion))
                : scope.department().isEmpty() && scope.covers(Scope.Owner.region(ownerRegion));
        if (initiator) {
            return true;
        }
        JsonArray participants = (JsonArray) row.getValue("participants");
        for (int i = 0; participants != null && i < participants.size(); i++) {
            JsonObject participant = participants.getJsonObject(i);
            if (scope.covers(Scope.Owner.department(
                    participant.getString("departmentCode"), participant.getString("regionCode")))) {
                return true;
            }
        }
        return false;
    }

    // ---- validation against stored data ---------------------------------------------------------------

    private record Initiator(String department, String region) {}

    /**
     * The initiator: a department admin's own department; an admin names a department of its scope or (region admins
     * and hub admins) a region of its scope; a region admin naming nothing initiates for its own region.
     */
    private static Initiator initiator(SqlConnection connection, Scope scope, JointTaskRequest request) {
        String department = request.initiatorDepartmentCode();
        if (scope.department().isPresent()) {
            if (request.initiatorRegionCode() != null) {
                throw HubException.forbidden(
                        ErrorCode.REGION_OUT_OF_SCOPE, "a department initiates for itself, not for a region");
            }
            department = department == null ? scope.ownDepartment() : department;
        }
        if (department != null) {
            Row row = first(
                    connection, "select region_code, status from department where code = $1", Tuple.of(department));
            if (row == null && !scope.isAll()) {
                throw HubException.forbidden(
                        ErrorCode.DEPARTMENT_OUT_OF_SCOPE, "the caller may not act for this department");
            }
            if (row == null || !"ACTIVE".equals(row.getString("status"))) {
                throw HubException.validation(List.of(new FieldError(
                        "initiatorDepartmentCode",
                        ErrorCode.JOINT_TASK_DEPARTMENT_INVALID,
                        "no active department " + department)));
            }
            scope.requireCanWrite(Scope.Owner.department(department, row.getString("region_code")));
            return new Initiator(department, row.getString("region_code"));
        }
        String region = request.initiatorRegionCode() != null
                ? request.initiatorRegionCode()
                : scope.region().orElse(null);
        if (region == null) {
            throw HubException.validation(List.of(new FieldError(
                    "initiatorDepartmentCode", ErrorCode.REQUIRED, "name the initiating department or region")));
        }
        if (scope.department().isPresent() || !scope.covers(Scope.Owner.region(region))) {
            throw HubException.forbidden(ErrorCode.REGION_OUT_OF_SCOPE, "the caller may not act in this region");
        }
        if (first(connection, "select 1 from region where code = $1", Tuple.of(region)) == null) {
            throw HubException.validation(List.of(new FieldError(
                    "initiatorRegionCode", ErrorCode.REGION_CODE_INVALID, "no region " + region + " is registered")));
        }
        return new Initiator(null, region);
    }

    /**
     * The participants: the departments named, then for each region named its active departments that claim one of the
     * items (a region outside the initiator's, or without such a department, is refused by field).
     */
    private static List<String> withRegions(SqlConnection connection, Initiator initiator, JointTaskRequest request) {
        Set<String> participants = new LinkedHashSet<>(request.participants());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < request.participantRegions().size(); i++) {
            String region = request.participantRegions().get(i);
            List<String> claimants = RegionCodes.contains(initiator.region(), region)
                    ? regionClaimants(connection, region, request.itemCodes())
                    : List.of();
            if (claimants.isEmpty()) {
                errors.add(new FieldError(
                        "participantRegions[" + i + "]",
                        ErrorCode.JOINT_TASK_REGION_INVALID,
                        "region " + region + " is not within " + initiator.region()
                                + " or none of its departments claims an item of the task"));
            }
            participants.addAll(claimants);
        }
        if (!errors.isEmpty()) {
            throw HubException.validation(errors);
        }
        return List.copyOf(participants);
    }

    /** A region's active departments (of the region itself) that hold an active claim of one of the items. */
    static List<String> regionClaimants(SqlConnection connection, String region, List<String> items) {
        List<String> departments = new ArrayList<>();
        if (items.isEmpty()) {
            return departments;
        }
        for (Row row : connection
                .preparedQuery("""
                        select distinct d.code from department d join item_claim c on c.department_code = d.code
                        where d.status = 'ACTIVE' and d.region_code = $1 and c.status = 'ACTIVE'
                          and c.item_code = any($2) order by d.code""")
                .execute(Tuple.of(region, items.toArray(String[]::new)))
                .await()
                .indefinitely()) {
            departments.add(row.getString("code"));
        }
        return departments;
    }

    /** Participants: active departments of the initiator's region (or of the regions below it). */
    private static void checkParticipants(SqlConnection connection, Initiator initiator, List<String> participants) {
        Map<String, Row> known = new HashMap<>();
        for (Row row : connection
                .preparedQuery("select code, region_code, status from department where code = any($1)")
                .execute(Tuple.of(participants.toArray(String[]::new)))
                .await()
                .indefinitely()) {
            known.put(row.getString("code"), row);
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < participants.size(); i++) {
            Row row = known.get(participants.get(i));
            if (row == null || !"ACTIVE".equals(row.getString("status"))) {
                errors.add(new FieldError(
                        "participants[" + i + "]",
                        ErrorCode.JOINT_TASK_DEPARTMENT_INVALID,
                        "no active department " + participants.get(i)));
            } else if (!RegionCodes.contains(initiator.region(), row.getString("region_code"))) {
                errors.add(new FieldError(
                        "participants[" + i + "]",
                        ErrorCode.JOINT_TASK_DEPARTMENT_INVALID,
                        participants.get(i) + " is not a department of region " + initiator.region()));
            }
        }
        if (!errors.isEmpty()) {
            throw HubException.validation(errors);
        }
    }

    private static void checkItems(SqlConnection connection, List<String> items) {
        Set<String> inUse = new HashSet<>();
        for (Row row : connection
                .preparedQuery("select code from catalog_item where code = any($1) and status = 'IN_USE'")
                .execute(Tuple.of(items.toArray(String[]::new)))
                .await()
                .indefinitely()) {
            inUse.add(row.getString("code"));
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!inUse.contains(items.get(i))) {
                errors.add(new FieldError(
                        "itemCodes[" + i + "]",
                        ErrorCode.JOINT_TASK_ITEM_INVALID,
                        "no in-use catalog item " + items.get(i)));
            }
        }
        if (!errors.isEmpty()) {
            throw HubException.validation(errors);
        }
    }

    /** Each record: the participant's own, not deleted, of the stated kind, about a subject of the task. */
    private static void checkRecords(
            SqlConnection connection,
            long id,
            String department,
            JointTaskFeedbackRequest request,
            JointTaskView task) {
        Map<Long, Row> known = new HashMap<>();
        for (Row row : connection
                .preparedQuery("""
                        select id, kind, department_code, deleted, subject_credit_code, act_date
                        from behaviour_record where id = any($1)""")
                .execute(Tuple.of(request.recordIds().toArray(Long[]::new)))
                .await()
                .indefinitely()) {
            known.put(row.getLong("id"), row);
        }
        Set<String> subjects = new HashSet<>();
        task.subjects().forEach(subject -> subjects.add(subject.creditCode()));
        List<FieldError> errors = new ArrayList<>();
        Set<LocalDate> dates = new TreeSet<>();
        for (int i = 0; i < request.recordIds().size(); i++) {
            long recordId = request.recordIds().get(i);
            Row record = known.get(recordId);
            String problem = null;
            if (record == null
                    || record.getBoolean("deleted")
                    || !department.equals(record.getString("department_code"))) {
                problem = "no record " + recordId + " of " + department;
            } else if (!request.kind().equals(record.getString("kind"))) {
                problem = "record " + recordId + " is " + record.getString("kind") + ", not " + request.kind();
            } else if (!subjects.contains(record.getString("subject_credit_code"))) {
                problem = "record " + recordId + " is not about a subject of the task";
            } else {
                dates.add(record.getLocalDate("act_date"));
            }
            if (problem != null) {
                errors.add(new FieldError("recordIds[" + i + "]", ErrorCode.JOINT_TASK_RECORD_INVALID, problem));
            }
        }
        if (!errors.isEmpty()) {
            throw HubException.validation(errors);
        }
        if (request.visitId() != null) {
            for (Row row : connection
                    .preparedQuery("""
                            select distinct b.act_date from joint_task_participant p
                            join joint_task_record r on r.task_id = p.task_id and r.department_code = p.department_code
                            join behaviour_record b on b.id = r.record_id
                            where p.task_id = $1 and p.visit_id = $2 and p.department_code <> $3""")
                    .execute(Tuple.of(id, request.visitId(), department))
                    .await()
                    .indefinitely()) {
                dates.add(row.getLocalDate("act_date"));
            }
            if (dates.size() > 1) {
                throw HubException.validation(List.of(new FieldError(
                        "visitId",
                        ErrorCode.JOINT_VISIT_DATE_MISMATCH,
                        "the records of visit " + request.visitId() + " were made on " + dates + ", not on one day")));
            }
        }
    }

    private static boolean sameFeedback(
            SqlConnection connection,
            long id,
            String department,
            Row participant,
            JointTaskFeedbackRequest request,
            List<Long> recordIds) {
        List<Long> stored = new ArrayList<>();
        for (Row row : connection
                .preparedQuery(
                        "select record_id from joint_task_record where task_id = $1 and department_code = $2 order by 1")
                .execute(Tuple.of(id, department))
                .await()
                .indefinitely()) {
            stored.add(row.getLong(0));
        }
        return stored.equals(recordIds)
                && request.kind().equals(participant.getString("feedback_kind"))
                && request.suggestion().equals(participant.getString("feedback_suggestion"))
                && Objects.equals(request.visitId(), participant.getString("visit_id"));
    }

    private static void duplicates(List<String> values, String field, List<FieldError> errors) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null && !seen.add(values.get(i))) {
                errors.add(new FieldError(field + "[" + i + "]", ErrorCode.INVALID, "named twice: " + values.get(i)));
            }
        }
    }

    // ---- the view -------------------------------------------------------------------------------------

    /** The task as read: the overall status and the overdue marks computed from the participants and today. */
    JointTaskView view(Row row) {
        LocalDate deadline = row.getLocalDate("deadline");
        List<JointTaskSubject> subjects = new ArrayList<>();
        JsonArray subjectArray = (JsonArray) row.getValue("subjects");
        for (int i = 0; subjectArray != null && i < subjectArray.size(); i++) {
            JsonObject subject = subjectArray.getJsonObject(i);
            subjects.add(new JointTaskSubject(subject.getString("creditCode"), subject.getString("name")));
        }
        List<String> items = new ArrayList<>();
        JsonArray itemArray = (JsonArray) row.getValue("items");
        for (int i = 0; itemArray != null && i < itemArray.size(); i++) {
            items.add(itemArray.getString(i));
        }
        List<JointTaskView.Participant> participants = new ArrayList<>();
        Map<String, List<JointTaskView.Participant>> byVisit = new LinkedHashMap<>();
        JsonArray participantArray = (JsonArray) row.getValue("participants");
        for (int i = 0; participantArray != null && i < participantArray.size(); i++) {
            JsonObject p = participantArray.getJsonObject(i);
            List<Long> records = new ArrayList<>();
            JsonArray recordArray = p.getJsonArray("recordIds");
            for (int j = 0; recordArray != null && j < recordArray.size(); j++) {
                records.add(recordArray.getLong(j));
            }
            Instant fedBackAt = instant(p.getString("fedBackAt"));
            boolean overdue =
                    fedBackAt == null ? LocalDate.now(WireTime.ZONE).isAfter(deadline) : late(fedBackAt, deadline);
            JointTaskView.Participant participant = new JointTaskView.Participant(
                    p.getString("departmentCode"),
                    p.getString("status"),
                    instant(p.getString("claimedAt")),
                    instant(p.getString("handlingAt")),
                    fedBackAt,
                    p.getString("feedbackKind"),
                    p.getString("feedbackSuggestion"),
                    p.getString("visitId"),
                    List.copyOf(records),
                    overdue);
            participants.add(participant);
            if (participant.visitId() != null) {
                byVisit.computeIfAbsent(participant.visitId(), visit -> new ArrayList<>())
                        .add(participant);
            }
        }
        List<JointTaskView.Visit> visits = new ArrayList<>();
        byVisit.forEach((visit, members) -> visits.add(new JointTaskView.Visit(
                visit,
                members.stream().map(JointTaskView.Participant::departmentCode).toList(),
                members.stream().flatMap(member -> member.recordIds().stream()).toList())));
        Instant closedAt = instant(row.getOffsetDateTime("closed_at"));
        return new JointTaskView(
                row.getLong("id"),
                row.getString("task_no"),
                row.getString("title"),
                row.getString("inspect_content"),
                row.getString("initiator_type"),
                row.getString("initiator_department_code"),
                row.getString("initiator_region_code"),
                List.copyOf(subjects),
                List.copyOf(items),
                deadline,
                status(closedAt, participants),
                participants.stream().anyMatch(JointTaskView.Participant::overdue),
                List.copyOf(participants),
                List.copyOf(visits),
                instant(row.getOffsetDateTime("created_at")),
                row.getString("created_by"),
                closedAt,
                row.getString("closed_by"),
                row.getString("close_remark"),
                row.getInteger("version"));
    }

    /**
     * The overall status: CLOSED once closed; FED_BACK when every participant fed back; DISTRIBUTED until every
     * participant claimed; HANDLING once one started handling or fed back; CLAIMED otherwise.
     */
    static String status(Instant closedAt, List<JointTaskView.Participant> participants) {
        if (closedAt != null) {
            return "CLOSED";
        }
        Set<String> steps = new LinkedHashSet<>();
        participants.forEach(participant -> steps.add(participant.status()));
        if (steps.equals(Set.of("FED_BACK"))) {
            return "FED_BACK";
        }
        if (steps.contains("DISTRIBUTED")) {
            return "DISTRIBUTED";
        }
        if (steps.contains("HANDLING") || steps.contains("FED_BACK")) {
            return "HANDLING";
        }
        return "CLAIMED";
    }

    /** Fed back on a (Shanghai) day after the deadline. */
    private static boolean late(Instant fedBackAt, LocalDate deadline) {
        return LocalDate.ofInstant(fedBackAt, WireTime.ZONE).isAfter(deadline);
    }

    private static Instant instant(String json) {
        return json == null ? null : OffsetDateTime.parse(json).toInstant();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static HubException stateInvalid(String department, String status, String why) {
        return HubException.conflict(ErrorCode.JOINT_TASK_STATE_INVALID, department + " is at " + status + ": " + why);
    }

    private static HubException notFound(long id) {
        return HubException.notFound(ErrorCode.JOINT_TASK_NOT_FOUND, "no joint task " + id);
    }

    /** A new task's subjects and items, in the order given. */
    static void insertSubjectsAndItems(
            SqlConnection connection, long id, List<JointTaskSubject> subjects, List<String> items) {
        List<Tuple> subjectRows = new ArrayList<>();
        for (int i = 0; i < subjects.size(); i++) {
            JointTaskSubject subject = subjects.get(i);
            subjectRows.add(Tuple.of(id, subject.creditCode(), subject.name(), (short) i));
        }
        batch(
                connection,
                "insert into joint_task_subject (task_id, credit_code, name, position) values ($1, $2, $3, $4)",
                subjectRows);
        List<Tuple> itemRows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            itemRows.add(Tuple.of(id, items.get(i), (short) i));
        }
        batch(connection, "insert into joint_task_item (task_id, item_code, position) values ($1, $2, $3)", itemRows);
    }

    private static void batch(SqlConnection connection, String sql, List<Tuple> rows) {
        if (!rows.isEmpty()) {
            connection.preparedQuery(sql).executeBatch(rows).await().indefinitely();
        }
    }

    private static Row one(SqlClient client, String sql, Tuple arguments) {
        Row row = first(client, sql, arguments);
        if (row == null) {
            throw new IllegalStateException("no row from " + sql);
        }
        return row;
    }

    static Row first(SqlClient client, String sql, Tuple arguments) {
        RowSet<Row> rows = client.preparedQuery(sql).execute(arguments).await().indefinitely();
        return rows.size() == 0 ? null : rows.iterator().next();
    }
}
