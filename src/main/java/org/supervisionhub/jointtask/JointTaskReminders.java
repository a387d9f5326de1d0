package org.supervisionhub.jointtask;

import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.supervisionhub.audit.AuditTrail;
import org.supervisionhub.common.BlockingTransactions;
import org.supervisionhub.common.WireTime;
import org.supervisionhub.events.JointTaskReminded;
import org.supervisionhub.security.Caller;
import org.supervisionhub.sync.Outbox;

/**
 * 催办: every participant of an open joint task that has not fed back is reminded once when the deadline is near
 * ({@code hub.joint-tasks.remind-days-before}, Beijing days) and once more when it has passed. A reminder is a
 * {@code joint-task.reminded} event (docked systems subscribe to it) with its audit entry; each is claimed in its own
 * short transaction under the task's lock, by a conditional update, so two replicas never send the same one twice.
 * Blocking.
 */
@ApplicationScoped
public class JointTaskReminders {

    /** Who reminds, in the audit log. */
    static final Caller REMINDER = new Caller("joint-task-reminders", Set.of(), Optional.empty(), Optional.empty());

    private static final int BATCH = 500;
    // $1 today (Beijing), $2 days before the deadline.
    private static final String DUE = """
            select p.task_id, p.department_code from joint_task_participant p join joint_task t on t.id = p.task_id
            where t.closed_at is null and p.status <> 'FED_BACK'
              and ((t.deadline < $1 and p.overdue_notified_at is null)
                   or (t.deadline >= $1 and t.deadline <= $1 + $2::int and p.reminded_at is null))
            order by t.deadline, p.task_id, p.department_code limit %d""".formatted(BATCH);
    // The same conditions again, under the task's lock: only one replica's update finds the participant still due.
    private static final String CLAIM = """
            update joint_task_participant p
            set reminded_at = coalesce(p.reminded_at, now()),
                overdue_notified_at = case when t.deadline < $3 then now() else p.overdue_notified_at end
            from joint_task t
            where t.id = p.task_id and p.task_id = $1 and p.department_code = $2
              and t.closed_at is null and p.status <> 'FED_BACK'
              and ((t.deadline < $3 and p.overdue_notified_at is null)
                   or (t.deadline >= $3 and t.deadline <= $3 + $4::int and p.reminded_at is null))
            returning t.task_no, t.deadline, p.status, t.deadline < $3 as overdue, now() as reminded_at""";

    @Inject
    Pool pool;

    @Inject
    BlockingTransactions transactions;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    JointTaskConfig config;

    @Scheduled(
            identity = "joint-task-reminders",
            every = "${hub.joint-tasks.reminder-every:10m}",
            delayed = "60s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (config.remindersEnabled()) {
            remind();
        }
    }

    /** Sends every reminder due today; how many were sent. */
    public int remind() {
        LocalDate today = LocalDate.now(WireTime.ZONE);
        int sent = 0;
        while (true) {
            List<Tuple> due = new ArrayList<>();
            for (Row row : pool.preparedQuery(DUE)
                    .execute(Tuple.of(today, config.remindDaysBefore()))
                    .await()
                    .indefinitely()) {
                due.add(Tuple.of(row.getLong("task_id"), row.getString("department_code")));
            }
            for (Tuple participant : due) {
                if (remind(participant.getLong(0), participant.getString(1), today)) {
                    sent++;
                }
            }
            if (due.size() < BATCH) {
                return sent;
            }
        }
    }

    private boolean remind(long taskId, String department, LocalDate today) {
        return transactions.inTransaction(connection -> {
            connection
                    .preparedQuery("select id from joint_task where id = $1 for no key update")
                    .execute(Tuple.of(taskId))
                    .await()
                    .indefinitely();
            RowSet<Row> claimed = connection
                    .preparedQuery(CLAIM)
                    .execute(Tuple.of(taskId, department, today, config.remindDaysBefore()))
                    .await()
                    .indefinitely();
            if (claimed.size() == 0) {
                return false;
            }
            Row row = claimed.iterator().next();
            boolean overdue = row.getBoolean("overdue");
            outbox.enqueue(
                    connection,
                    new JointTaskReminded(
                            taskId,
                            row.getString("task_no"),
                            department,
                            row.getString("status"),
                            row.getLocalDate("deadline"),
                            overdue,
                            row.getOffsetDateTime("reminded_at").toInstant()));
            audit.record(
                    connection,
                    REMINDER,
                    "JOINT_TASK_REMINDED",
                    "joint_task",
                    String.valueOf(taskId),
                    Map.of("departmentCode", department, "overdue", overdue));
            return true;
        });
    }
}
