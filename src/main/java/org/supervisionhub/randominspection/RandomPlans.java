package org.supervisionhub.randominspection;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.supervisionhub.audit.AuditTrail;
import org.supervisionhub.common.BlockingTransactions;
import org.supervisionhub.common.FieldError;
import org.supervisionhub.common.HubException;
import org.supervisionhub.common.code.CreditCodes;
import org.supervisionhub.common.code.ItemCodes;
import org.supervisionhub.organization.DepartmentScope;
import org.supervisionhub.security.Caller;

/**
 * 双随机 sampling plans and their tasks: validated (items claimed by the department, codes, dates), stored idempotently
 * by the department's own key (source system and plan id) (a changed plan becomes its next version; its tasks are upserted), and read back with
 * how many tasks have their inspection record. Blocking.
 */
@ApplicationScoped
public class RandomPlans {

    /** What happened to one plan. */
    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    private static final String CLAIMED = """
            select item_code from item_claim where department_code = $1 and status = 'ACTIVE' and item_code = any($2)""";
    private static final String UPSERT = """
            insert into random_inspection_plan as p (source_system, plan_id, name, department_code, item_codes, start_date,
                                                     end_date, sampling_ratio, content_hash)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            on conflict (department_code, source_system, plan_id) do update set
                name = excluded.name, item_codes = excluded.item_codes, start_date = excluded.start_date,
                end_date = excluded.end_date, sampling_ratio = excluded.sampling_ratio,
                content_hash = excluded.content_hash, version = p.version + 1, updated_at = now()
            where p.content_hash <> excluded.content_hash
            returning id, (xmax = 0) as inserted""";
    private static final String TASKS = """
            insert into random_inspection_task as t (plan_id, task_id, subject_credit_code, subject_name, due_date, officers)
            select $1, task_id, code, name, due, cast(officers as jsonb)
            from unnest($2::text[], $3::text[], $4::text[], $5::date[], $6::text[]) as x(task_id, code, name, due, officers)
            on conflict (plan_id, task_id) do update set subject_credit_code = excluded.subject_credit_code,
                subject_name = excluded.subject_name, due_date = excluded.due_date, officers = excluded.officers""";
    private static final String LIST = """
            select p.*, count(t.id) as tasks,
                   count(t.id) filter (where exists (
                       select 1 from behaviour_record r
                       where r.kind = 'INSPECTION' and not r.deleted and r.department_code = p.department_code
                         and r.body #>> '{inspection,randomPlanId}' = p.plan_id
                         and r.subject_credit_code = t.subject_credit_code)) as done
            from random_inspection_plan p left join random_inspection_task t on t.plan_id = p.id
            where p.department_code = $1
            group by p.id order by p.start_date desc, p.id desc limit 200""";

    private final Pool pool;
    private final BlockingTransactions transactions;
    private final AuditTrail audit;
    private final DepartmentScope scope;
    private final ObjectMapper mapper;

    @Inject
    RandomPlans(
            Pool pool,
            BlockingTransactions transactions,
            AuditTrail audit,
            DepartmentScope scope,
            ObjectMapper mapper) {
        this.pool = pool;
        this.transactions = transactions;
        this.audit = audit;
        this.scope = scope;
        this.mapper = mapper;
    }

    public Outcome receive(Caller caller, String sourceSystem, RandomPlanInput plan) {
        String department = caller.scope().ownDepartment();
        validate(department, plan);
        String hash = org.supervisionhub.common.Hashes.sha256Hex(json(plan));
        return transactions.inTransaction(connection -> {
            var written = connection
                    .preparedQuery(UPSERT)
                    .execute(Tuple.from(new Object[] {
                        sourceSystem,
                        plan.planId(),
                        plan.name(),
                        department,
                        plan.itemCodes().toArray(String[]::new),
                        plan.startDate(),
                        plan.endDate(),
                        plan.samplingRatio(),
                        hash
                    }))
                    .await()
                    .indefinitely();
            Outcome outcome;
            long id;
            if (written.size() > 0) {
                Row row = written.iterator().next();
                id = row.getLong("id");
                outcome = row.getBoolean("inserted") ? Outcome.CREATED : Outcome.UPDATED;
            } else {
                // The key is the department's own (department, source system, plan id): nothing written means the
                // department's stored plan has the same content.
                return Outcome.UNCHANGED;
            }
            List<RandomPlanInput.Task> tasks = plan.tasks() == null ? List.of() : plan.tasks();
            if (!tasks.isEmpty()) {
                connection
                        .preparedQuery(TASKS)
                        .execute(Tuple.from(new Object[] {
                            id,
                            tasks.stream().map(RandomPlanInput.Task::taskId).toArray(String[]::new),
                            tasks.stream()
                                    .map(RandomPlanInput.Task::subjectCreditCode)
                                    .toArray(String[]::new),
                            tasks.stream()
                                    .map(RandomPlanInput.Task::subjectName)
                                    .toArray(String[]::new),
                            tasks.stream().map(RandomPlanInput.Task::dueDate).toArray(java.time.LocalDate[]::new),
                            tasks.stream()
                                    .map(task -> json(task.officers() == null ? List.of() : task.officers()))
                                    .toArray(String[]::new)
                        }))
                        .await()
                        .indefinitely();
            }
            audit.record(
                    connection,
                    caller,
                    "RANDOM_PLAN_" + outcome,
                    "random-inspection-plan",
                    sourceSystem + ":" + plan.planId(),
                    Map.of("tasks", tasks.size()));
            return outcome;
        });
    }

    public List<RandomPlanView> list(Caller caller, String department) {
        String target = DepartmentScope.departmentToRead(caller, department);
        scope.requireReadableNow(caller, target);
        List<RandomPlanView> views = new ArrayList<>();
        for (Row row :
                pool.preparedQuery(LIST).execute(Tuple.of(target)).await().indefinitely()) {
            long tasks = row.getLong("tasks");
            long done = row.getLong("done");
            views.add(new RandomPlanView(
                    row.getLong("id"),
                    row.getString("source_system"),
                    row.getString("plan_id"),
                    row.getString("name"),
                    row.getString("department_code"),
                    List.of(row.getArrayOfStrings("item_codes")),
                    row.getLocalDate("start_date"),
                    row.getLocalDate("end_date"),
                    row.getBigDecimal("sampling_ratio"),
                    row.getInteger("version"),
                    tasks,
                    done,
                    tasks == 0
                            ? null
                            : BigDecimal.valueOf(done).divide(BigDecimal.valueOf(tasks), 4, RoundingMode.HALF_UP)));
        }
        return views;
    }

    private void validate(String department, RandomPlanInput plan) {
        List<FieldError> errors = new ArrayList<>();
        if (plan.planId() == null || plan.planId().isBlank() || plan.planId().length() > 64) {
            errors.add(new FieldError("planId", "REQUIRED", "planId is required (at most 64 characters)"));
        }
        if (plan.name() == null || plan.name().isBlank() || plan.name().length() > 300) {
            errors.add(new FieldError("name", "REQUIRED", "name is required (at most 300 characters)"));
        }
        if (plan.startDate() == null || plan.endDate() == null) {
            errors.add(new FieldError(
                    plan.startDate() == null ? "startDate" : "endDate", "REQUIRED", "the plan's period"));
        } else if (plan.endDate().isBefore(plan.startDate())) {
            errors.add(new FieldError("endDate", "DATE_RANGE_INVALID", "the end cannot precede the start"));
        }
        if (plan.samplingRatio() != null
                && (plan.samplingRatio().signum() < 0 || plan.samplingRatio().compareTo(BigDecimal.valueOf(100)) > 0)) {
            errors.add(new FieldError("samplingRatio", "OUT_OF_RANGE", "a percentage between 0 and 100"));
        }
        List<String> items = plan.itemCodes() == null ? List.of() : plan.itemCodes();
        if (items.isEmpty()) {
            errors.add(new FieldError("itemCodes", "REQUIRED", "the items the plan checks"));
        }
        Set<String> claimed = new HashSet<>();
        List<String> wellFormed = items.stream().filter(ItemCodes::isValid).toList();
        for (Row row : pool.preparedQuery(CLAIMED)
                .execute(Tuple.of(department, wellFormed.toArray(String[]::new)))
                .await()
                .indefinitely()) {
            claimed.add(row.getString("item_code"));
        }
        for (int i = 0; i < items.size(); i++) {
            if (!ItemCodes.isValid(items.get(i))) {
                errors.add(new FieldError("itemCodes[" + i + "]", ItemCodes.ERROR_CODE, "14 digits"));
            } else if (!claimed.contains(items.get(i))) {
                errors.add(new FieldError(
                        "itemCodes[" + i + "]",
                        "ITEM_NOT_CLAIMED",
                        "item " + items.get(i) + " is not claimed by the department"));
            }
        }
        List<RandomPlanInput.Task> tasks = plan.tasks() == null ? List.of() : plan.tasks();
        for (int i = 0; i < tasks.size(); i++) {
            RandomPlanInput.Task task = tasks.get(i);
            String at = "tasks[" + i + "]";
            if (task.taskId() == null
                    || task.taskId().isBlank()
                    || task.taskId().length() > 64) {
                errors.add(new FieldError(at + ".taskId", "REQUIRED", "taskId is required"));
            }
            if (task.subjectCreditCode() == null || !CreditCodes.isValid(task.subjectCreditCode())) {
                errors.add(new FieldError(at + ".subjectCreditCode", CreditCodes.ERROR_CODE, "a valid credit code"));
            }
            if (task.subjectName() == null || task.subjectName().isBlank()) {
                errors.add(new FieldError(at + ".subjectName", "REQUIRED", "subjectName is required"));
            }
            if (task.dueDate() == null) {
                errors.add(new FieldError(at + ".dueDate", "REQUIRED", "dueDate is required"));
            } else if (plan.startDate() != null
                    && plan.endDate() != null
                    && (task.dueDate().isBefore(plan.startDate())
                            || task.dueDate().isAfter(plan.endDate()))) {
                errors.add(new FieldError(
                        at + ".dueDate", "DATE_OUTSIDE_PLAN", "the due date lies outside the plan's period"));
            }
        }
        if (!errors.isEmpty()) {
            throw HubException.validation(errors);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
