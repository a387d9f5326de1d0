package org.supervisionhub.jointtask;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supervisionhub.record.RecordFixture;
import org.supervisionhub.support.CreditCodeGenerator;
import org.supervisionhub.support.Db;

/** 催办: the participants still open are reminded once near the deadline and once after it, never twice. */
@QuarkusTest
class JointTaskRemindersTest {

    private static final String BEIHAI = "450500";

    @Inject
    RecordFixture fixture;

    @Inject
    JointTaskReminders reminders;

    @Inject
    Db db;

    private record Task(long id, RecordFixture.Department open, RecordFixture.Department claimed) {}

    /** A task of two participants; the second has claimed its part. Deadline in {@code days} days. */
    private Task task(int days) {
        RecordFixture.Department initiator = fixture.department(BEIHAI);
        RecordFixture.Department open = fixture.department(BEIHAI);
        RecordFixture.Department claimed = fixture.department(BEIHAI);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "北海市海城区餐饮单位联合检查");
        body.put("subjects", List.of(Map.of("creditCode", CreditCodeGenerator.enterprise(BEIHAI), "name", "北海某餐馆")));
        body.put("itemCodes", List.of(initiator.inspectionItem()));
        body.put("participants", List.of(open.code(), claimed.code()));
        body.put("deadline", RecordFixture.TODAY.plusDays(days).toString());
        long id = given().auth()
                .oauth2(initiator.adminToken())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/joint-tasks")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        given().auth()
                .oauth2(claimed.adminToken())
                .post("/api/v1/joint-tasks/" + id + "/participants/" + claimed.code() + "/claim")
                .then()
                .statusCode(200);
        return new Task(id, open, claimed);
    }

    private List<Map<String, Object>> reminders(long task) {
        return db.rows(
                "select payload->>'departmentCode' as department, payload->>'status' as status,"
                        + " (payload->>'overdue')::boolean as overdue from outbox"
                        + " where aggregate_id = ? and event_type = 'joint-task.reminded' order by id",
                String.valueOf(task));
    }

    @Test
    void participantsStillOpenAreRemindedOnceWhenTheDeadlineIsNear() {
        Task task = task(2);

        reminders.remind();
        reminders.remind();

        assertThat(reminders(task.id()))
                .containsExactlyInAnyOrder(
                        Map.of("department", task.open().code(), "status", "DISTRIBUTED", "overdue", false),
                        Map.of("department", task.claimed().code(), "status", "CLAIMED", "overdue", false));
        assertThat(db.count(
                        "select count(*) from audit_log where entity_type = 'joint_task' and entity_id = ?"
                                + " and action = 'JOINT_TASK_REMINDED'",
                        String.valueOf(task.id())))
                .isEqualTo(2);
        assertThat(db.count(
                        "select count(*) from joint_task_participant where task_id = ? and reminded_at is not null",
                        task.id()))
                .isEqualTo(2);
    }

    @Test
    void aDeadlineFarAwayIsNotReminded() {
        Task task = task(10);

        reminders.remind();

        assertThat(reminders(task.id())).isEmpty();
    }

    @Test
    void aPassedDeadlineIsRemindedOnceMoreAsOverdueButNotToAParticipantThatFedBack() {
        Task task = task(2);
        reminders.remind();
        db.update(
                "update joint_task_participant set status = 'FED_BACK', handling_at = now(), fed_back_at = now(),"
                        + " feedback_kind = 'OTHER' where task_id = ? and department_code = ?",
                task.id(),
                task.claimed().code());
        db.update("update joint_task set deadline = ? where id = ?", RecordFixture.TODAY.minusDays(1), task.id());

        reminders.remind();
        reminders.remind();

        assertThat(reminders(task.id()))
                .containsExactlyInAnyOrder(
                        Map.of("department", task.open().code(), "status", "DISTRIBUTED", "overdue", false),
                        Map.of("department", task.claimed().code(), "status", "CLAIMED", "overdue", false),
                        Map.of("department", task.open().code(), "status", "DISTRIBUTED", "overdue", true));
    }

    @Test
    void aClosedTaskIsNotReminded() {
        Task task = task(1);
        db.update("update joint_task set closed_at = now(), closed_by = 'test' where id = ?", task.id());

        reminders.remind();

        assertThat(reminders(task.id())).isEmpty();
    }
}
