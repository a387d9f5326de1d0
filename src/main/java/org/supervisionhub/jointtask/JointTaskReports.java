package org.supervisionhub.jointtask;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.supervisionhub.events.JointTaskReported;
import org.supervisionhub.jointtask.SuperviseDataCodec.LinkedRecord;
import org.supervisionhub.sync.Outbox;

/**
 * A joint task in the national shape, with what it links: the records' bodies for the feedback blocks, and for a task
 * the national platform sent, the document as received and the unit numbers it named the participants by. Reports go
 * up through the outbox as {@code joint-task.reported}, in the transaction of the change they report. Blocking.
 */
@ApplicationScoped
class JointTaskReports {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final Outbox outbox;
    private final ObjectMapper mapper;

    @Inject
    JointTaskReports(Outbox outbox, ObjectMapper mapper) {
        this.outbox = outbox;
        this.mapper = mapper;
    }

    /** The task's national document as it stands, read through {@code client} (a connection sees its transaction). */
    SuperviseData document(SqlClient client, JointTaskView task) {
        List<Long> ids = task.participants().stream()
                .flatMap(participant -> participant.recordIds().stream())
                .toList();
        Map<Long, LinkedRecord> records = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Row row : client.preparedQuery("""
                            select id, kind, subject_credit_code, body::text as body from behaviour_record
                            where id = any($1)""")
                    .execute(Tuple.of(ids.toArray(Long[]::new)))
                    .await()
                    .indefinitely()) {
                records.put(
                        row.getLong("id"),
                        new LinkedRecord(
                                row.getLong("id"),
                                row.getString("kind"),
                                row.getString("subject_credit_code"),
                                read(row.getString("body"))));
            }
        }
        SuperviseData received = null;
        Map<String, String> unitNumbers = new HashMap<>();
        if (NationalJointTasks.INITIATOR_TYPE.equals(task.initiatorType())) {
            for (Row row : client.preparedQuery("""
                            select t.national_document::text as document, p.department_code, p.national_unit_no
                            from joint_task t left join joint_task_participant p on p.task_id = t.id
                            where t.id = $1""")
                    .execute(Tuple.of(task.id()))
                    .await()
                    .indefinitely()) {
                if (received == null && row.getString("document") != null) {
                    received = SuperviseDataCodec.fromJson(read(row.getString("document")));
                }
                if (row.getString("national_unit_no") != null) {
                    unitNumbers.put(row.getString("department_code"), row.getString("national_unit_no"));
                }
            }
        }
        return SuperviseDataCodec.of(task, records, received, unitNumbers);
    }

    /** Queues the task's national document after {@code change}, in the transaction of {@code connection}. */
    void report(SqlConnection connection, JointTaskView task, String change, String department) {
        SuperviseData document = document(connection, task);
        Map<String, Object> content =
                mapper.convertValue(SuperviseDataCodec.toJson(document).get("superviseData"), OBJECT);
        outbox.enqueue(connection, new JointTaskReported(task.id(), task.taskNo(), change, department, content));
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored document is not JSON", e);
        }
    }
}
