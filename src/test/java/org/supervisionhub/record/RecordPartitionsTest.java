package org.supervisionhub.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.supervisionhub.record.RecordFixture.TODAY;
import static org.supervisionhub.record.RecordFixture.list;
import static org.supervisionhub.record.RecordFixture.upload;
import static org.supervisionhub.record.RecordFixture.with;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Concurrently;
import org.supervisionhub.support.Db;

/** Behaviour records live in one partition per month of the act, their keys across months (V25, RecordWriter). */
@QuarkusTest
class RecordPartitionsTest {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy_MM");

    @Inject
    RecordFixture fixture;

    @Inject
    RecordPartitions partitions;

    @Inject
    Db db;

    @Test
    void aRecordIsStoredInThePartitionOfItsActsMonth() {
        RecordFixture.Department department = fixture.department();
        LocalDate checked = TODAY.minusMonths(2);
        Map<String, Object> record = with(fixture.inspection(department), "inspection.checkDate", checked.toString());

        upload(department.systemToken(), list(record), "")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1));

        assertThat(stored(record))
                .containsExactly(storedIn("behaviour_record_" + checked.format(MONTH), checked.toString(), 1));
    }

    @Test
    void aCorrectedActDateMovesTheRecordToItsNewMonthUnderTheSameIdAsTheNextVersion() {
        RecordFixture.Department department = fixture.department();
        LocalDate first = TODAY.minusMonths(2);
        LocalDate corrected = TODAY.minusDays(1);
        Map<String, Object> record = with(fixture.inspection(department), "inspection.checkDate", first.toString());
        long id = fixture.stored(department, record);

        upload(department.systemToken(), list(with(record, "inspection.checkDate", corrected.toString())), "")
                .then()
                .statusCode(200)
                .body("records[0].outcome", equalTo("UPDATED"))
                .body("records[0].id", equalTo((int) id))
                .body("records[0].version", equalTo(2));

        assertThat(stored(record))
                .containsExactly(storedIn("behaviour_record_" + corrected.format(MONTH), corrected.toString(), 2));
        assertThat(db
                        .rows(
                                "select event_type from outbox where aggregate_type = 'record' and target = 'national'"
                                        + " and aggregate_id = ? order by id",
                                Long.toString(id))
                        .stream()
                        .map(row -> row.get("event_type"))
                        .toList())
                .containsExactly("record.created", "record.updated");
    }

    @Test
    void aMovedRecordCanBeDeletedAndIsReadByIdFromItsNewMonth() {
        RecordFixture.Department department = fixture.department();
        LocalDate corrected = TODAY.minusDays(1);
        Map<String, Object> record = with(
                fixture.inspection(department),
                "inspection.checkDate",
                TODAY.minusMonths(3).toString());
        long id = fixture.stored(department, record);
        upload(department.systemToken(), list(with(record, "inspection.checkDate", corrected.toString())), "")
                .then()
                .statusCode(200);

        upload(
                        department.systemToken(),
                        list(Map.of(
                                "operation",
                                "DELETE",
                                "sourceSystem",
                                record.get("sourceSystem"),
                                "sourceRecordId",
                                record.get("sourceRecordId"))),
                        "")
                .then()
                .statusCode(200)
                .body("records[0].outcome", equalTo("DELETED"))
                .body("records[0].version", equalTo(3));

        io.restassured.RestAssured.given()
                .auth()
                .oauth2(department.adminToken())
                .get("/api/v1/records/" + id)
                .then()
                .statusCode(200)
                .body("actDate", equalTo(corrected.toString()))
                .body("deleted", equalTo(true))
                .body("version", equalTo(3));
    }

    @Test
    void aComplaintReceivedBefore2024IsKeptInTheHistoryPartition() {
        RecordFixture.Department department = fixture.department();
        Map<String, Object> record = with(fixture.complaint(department), "complaint.receivedDate", "2023-05-10");

        upload(department.systemToken(), list(record), "")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1));

        assertThat(stored(record)).containsExactly(storedIn("behaviour_record_before_2024", "2023-05-10", 1));
    }

    @Test
    void uploadsMovingOneRecordBackAndForthConcurrentlyLeaveItOnceInTheMonthItsKeyNames() throws Exception {
        RecordFixture.Department department = fixture.department();
        Map<String, Object> record = with(
                fixture.inspection(department),
                "inspection.checkDate",
                TODAY.minusMonths(2).toString());
        fixture.stored(department, record);
        List<Callable<Integer>> uploads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Map<String, Object> version = with(
                    with(
                            record,
                            "inspection.checkDate",
                            TODAY.minusMonths(i % 2 == 0 ? 1 : 2).toString()),
                    "inspection.actionName",
                    "日常检查 " + i);
            uploads.add(() -> upload(department.systemToken(), list(version), "")
                    .then()
                    .extract()
                    .statusCode());
        }

        assertThat(Concurrently.run(uploads)).containsOnly(200);

        List<Map<String, Object>> rows = stored(record);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("act_date")).isEqualTo(rows.get(0).get("key_act_date"));
        assertThat(rows.get(0).get("version")).isEqualTo(9);
    }

    @Test
    void thisMonthAndTheNextThreeArePartitionedAheadAndAMissingOneIsCreatedByTheNextRun() {
        // The months follow the database's date: in the evening, UTC, it is still the day before Beijing's.
        LocalDate today = LocalDate.parse((String) db.single("select current_date::text"));
        String furthest = "behaviour_record_"
                + today.plusMonths(RecordPartitions.MONTHS_AHEAD).format(MONTH);
        // The furthest month ahead holds no record yet (acts never lie in the future), so it can be dropped here.
        db.update("drop table if exists " + furthest);

        assertThat(partitions.ensureMonthsAhead()).isEqualTo(1);

        for (int ahead = 0; ahead <= RecordPartitions.MONTHS_AHEAD; ahead++) {
            assertThat(db.single(
                            "select to_regclass(?)::text",
                            "behaviour_record_" + today.plusMonths(ahead).format(MONTH)))
                    .isNotNull();
        }
        assertThat(partitions.ensureMonthsAhead()).isZero();
    }

    @Test
    void aDepartmentsRecordsOfAMonthAreReadFromThatMonthsPartitionAlone() {
        LocalDate month = TODAY.minusMonths(1).withDayOfMonth(1);
        String plan = db
                .rows(
                        "explain select count(*) from behaviour_record where department_code = ? "
                                + "and act_date >= ?::date and act_date < ?::date",
                        "450100_SAMR",
                        month.toString(),
                        month.plusMonths(1).toString())
                .stream()
                .map(row -> row.values().iterator().next().toString())
                .reduce("", (a, b) -> a + b + "\n");

        assertThat(plan).contains("behaviour_record_" + month.format(MONTH));
        assertThat(plan)
                .doesNotContain("behaviour_record_" + month.minusMonths(1).format(MONTH));
        assertThat(plan)
                .doesNotContain("behaviour_record_" + month.plusMonths(1).format(MONTH));
        assertThat(plan).doesNotContain("behaviour_record_before_2024");
    }

    /** A record stored in the partition under the act date, its key naming the same date, at the version. */
    private static Map<String, Object> storedIn(String partition, String actDate, int version) {
        return Map.of("partition", partition, "act_date", actDate, "key_act_date", actDate, "version", version);
    }

    /** Where the record is stored (partition, date, version) next to the month its key names. */
    private List<Map<String, Object>> stored(Map<String, Object> record) {
        return db.rows("""
                select r.tableoid::regclass::text as partition, r.act_date::text as act_date,
                       k.act_date::text as key_act_date, r.version
                from behaviour_record r join behaviour_record_key k on k.id = r.id
                where r.source_system = ? and r.source_record_id = ?""", record.get("sourceSystem"), record.get("sourceRecordId"));
    }
}
