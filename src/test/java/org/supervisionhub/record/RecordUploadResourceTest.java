package org.supervisionhub.record;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.supervisionhub.record.RecordFixture.list;
import static org.supervisionhub.record.RecordFixture.upload;
import static org.supervisionhub.record.RecordFixture.uploadNdjson;
import static org.supervisionhub.record.RecordFixture.with;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Concurrently;
import org.supervisionhub.support.CreditCodeGenerator;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

@QuarkusTest
class RecordUploadResourceTest {

    @Inject
    RecordFixture fixture;

    @Inject
    Db db;

    @Inject
    ObjectMapper mapper;

    @Test
    void storesEveryKindWithItsOutboxEventAndOneAuditEntry() {
        RecordFixture.Department department = fixture.department();
        List<Map<String, Object>> records = list(
                fixture.inspection(department),
                fixture.penalty(department),
                fixture.enforcement(department),
                fixture.other(department),
                fixture.complaint(department));

        upload(department.systemToken(), records, "")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("received", equalTo(5))
                .body("accepted", equalTo(5))
                .body("rejected", equalTo(0))
                .body("records.outcome", equalTo(List.of("CREATED", "CREATED", "CREATED", "CREATED", "CREATED")))
                .body("records[0].version", equalTo(1))
                .body("records[0].id", notNullValue());

        assertThat(db.count("select count(*) from behaviour_record where department_code = ?", department.code()))
                .isEqualTo(5);
        assertThat(db.count("""
                select count(*) from outbox o join behaviour_record r on o.aggregate_id = r.id::text
                where o.aggregate_type = 'record' and o.target = 'national' and o.event_type = 'record.created'
                  and r.department_code = ?""", department.code())).isEqualTo(5);
        assertThat(db.count("""
                select count(*) from audit_log where action = 'RECORDS_WRITTEN' and detail->>'department' = ?""", department.code())).isEqualTo(2); // the test batch size is 4: two batches
    }

    @Test
    void validRecordsOfAMixedBatchAreStoredAndEachRejectedOneIsExplained() {
        RecordFixture.Department department = fixture.department();
        Map<String, Object> good = fixture.inspection(department);
        Map<String, Object> bad = with(
                with(fixture.penalty(department), "penalty.procedure", "03"),
                "subject.creditCode",
                "91350100M000100Y44");

        upload(department.systemToken(), list(good, bad), "")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1))
                .body("rejected", equalTo(1))
                .body("issues.size()", equalTo(1))
                .body("issues[0].index", equalTo(1))
                .body("issues[0].sourceRecordId", equalTo(bad.get("sourceRecordId")))
                .body("issues[0].outcome", equalTo("REJECTED"))
                .body("issues[0].errors.field", equalTo(List.of("subject.creditCode", "penalty.procedure")))
                .body("issues[0].errors.code", equalTo(List.of("CREDIT_CODE_INVALID", "PROCEDURE_INVALID")))
                .body("errorCounts.CREDIT_CODE_INVALID", equalTo(1))
                .body("errorCounts.PROCEDURE_INVALID", equalTo(1));

        assertThat(db.rows(
                        "select source_record_id from behaviour_record where department_code = ?", department.code()))
                .extracting(row -> row.get("source_record_id"))
                .containsExactly(good.get("sourceRecordId"));
    }

    @Test
    void atomicUploadWithOneBadRecordStoresNothing() {
        RecordFixture.Department department = fixture.department();
        Map<String, Object> bad = with(fixture.penalty(department), "penalty.fineAmount", -1);

        upload(
                        department.systemToken(),
                        list(fixture.inspection(department), fixture.inspection(department), bad),
                        "?atomic=true")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("UPLOAD_REJECTED"))
                .body("errors[0].field", equalTo("records[2].penalty.fineAmount"))
                .body("errors[0].code", equalTo("AMOUNT_INVALID"));

        assertThat(db.count("select count(*) from behaviour_record where department_code = ?", department.code()))
                .isZero();
        assertThat(db.count(
                        "select count(*) from record_quality_daily where department_code = ? and rejected = 1",
                        department.code()))
                .isEqualTo(1);
    }

    @Test
    void atomicUploadOfValidRecordsStoresThemAll() {
        RecordFixture.Department department = fixture.department();
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            records.add(fixture.inspection(department));
        }

        upload(department.systemToken(), records, "?atomic=true")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(6));

        assertThat(db.count("select count(*) from behaviour_record where department_code = ?", department.code()))
                .isEqualTo(6);
    }

    @Test
    void identicalResendIsUnchangedAndWritesNoEvent() {
        RecordFixture.Department department = fixture.department();
        Map<String, Object> record = fixture.inspection(department);
        upload(department.systemToken(), list(record), "")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1));

        upload(department.systemToken(), list(with(record, "operation", "UPDATE")), "")
                .then()
                .statusCode(200)
                .body("unchanged", equalTo(1))
                .body("records[0].outcome", equalTo("UNCHANGED"))
                .body("records[0].version", equalTo(1));

        assertThat(db.count(
                        "select count(*) from behaviour_record where source_record_id = ?",
                        record.get("sourceRecordId")))
                .isEqualTo(1);
        assertThat(outboxEvents(record)).containsExactly("record.created");
    }

    @Test
    void anAmountIsStoredAsItsNumberSoTheSameFineWrittenWithATrailingZeroIsUnchanged() throws Exception {
        RecordFixture.Department department = fixture.department();
        Map<String, Object> record = fixture.penalty(department);
        String written = mapper.writeValueAsString(List.of(record));
        assertThat(written).contains("\"fineAmount\":5000.0");
        upload(department.systemToken(), (Object) written.replace("\"fineAmount\":5000.0", "\"fineAmount\":5000.50"))
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1));

        upload(department.systemToken(), list(with(record, "penalty.fineAmount", 5000.5)), "")
                .then()
                .statusCode(200)
                .body("unchanged", equalTo(1))
                .body("records[0].version", equalTo(1));

        assertThat(db.single(
                        "select body->'penalty'->>'fineAmount' from behaviour_record where source_record_id = ?",
                        record.get("sourceRecordId")))
                .isEqualTo("5000.5");
    }

    @Test
    void changedRecordBecomesTheNextVersion() {
        RecordFixture.Department department = fixture.department();
        Map<String, Object> record = fixture.inspection(department);
        upload(department.systemToken(), list(record), "").then().statusCode(200);

        upload(department.systemToken(), list(with(record, "inspection.resultCode", "A")), "")
                .then()
                .statusCode(200)
                .body("updated", equalTo(1))
                .body("records[0].version", equalTo(2));

        assertThat(db.single(
                        "select body->'inspection'->>'resultCode' from behaviour_record where source_record_id = ?",
                        record.get("sourceRecordId")))
                .isEqualTo("A");
        assertThat(outboxEvents(record)).containsExactly("record.created", "record.updated");
    }

    @Test
    void deleteTombstonesTheRecordAndARepeatedDeleteChangesNothing() {
        RecordFixture.Department department = fixture.department();
        Map<String, Object> record = fixture.inspection(department);
        upload(department.systemToken(), list(record), "").then().statusCode(200);
        Map<String, Object> delete = Map.of(
                "operation", "DELETE", "sourceSystem", "TEST-SYS", "sourceRecordId", record.get("sourceRecordId"));

        upload(department.systemToken(), list(delete), "")
                .then()
                .statusCode(200)
                .body("deleted", equalTo(1))
                .body("records[0].version", equalTo(2));
        upload(department.systemToken(), list(delete), "")
                .then()
                .statusCode(200)
                .body("unchanged", equalTo(1));

        assertThat(db.single(
                        "select deleted from behaviour_record where source_record_id = ?",
                        record.get("sourceRecordId")))
                .isEqualTo(true);
        assertThat(outboxEvents(record)).containsExactly("record.created", "record.deleted");
    }

    @Test
    void deleteOfAnUnknownRecordIsRejected() {
        RecordFixture.Department department = fixture.department();

        upload(
                        department.systemToken(),
                        list(Map.of(
                                "operation", "DELETE", "sourceSystem", "TEST-SYS", "sourceRecordId", "NO-SUCH-RECORD")),
                        "")
                .then()
                .statusCode(200)
                .body("rejected", equalTo(1))
                .body("issues[0].errors[0].code", equalTo("RECORD_NOT_FOUND"));
    }

    @Test
    void insertThenUpdateOfOneRecordInOneUploadEndsAsTheSecondVersion() {
        RecordFixture.Department department = fixture.department();
        Map<String, Object> record = fixture.inspection(department);

        upload(
                        department.systemToken(),
                        list(record, with(with(record, "operation", "UPDATE"), "inspection.resultCode", "E")),
                        "")
                .then()
                .statusCode(200)
                .body("records.outcome", equalTo(List.of("CREATED", "UPDATED")))
                .body("records.version", equalTo(List.of(1, 2)));

        assertThat(db.single(
                        "select version from behaviour_record where source_record_id = ?",
                        record.get("sourceRecordId")))
                .isEqualTo(2);
    }

    @Test
    void batchesOfOneUploadCommitInTheOrderTheyWereSentWhileTheNextIsReadAhead() {
        RecordFixture.Department department = fixture.department();
        Map<String, Object> record = fixture.inspection(department);
        List<Map<String, Object>> records = new ArrayList<>();
        // Test batches hold 4 records: the insert is in the first batch, the updates in the second and third.
        records.add(record);
        for (int i = 0; i < 3; i++) {
            records.add(fixture.inspection(department));
        }
        records.add(with(with(record, "operation", "UPDATE"), "inspection.resultCode", "E"));
        for (int i = 0; i < 3; i++) {
            records.add(fixture.inspection(department));
        }
        records.add(with(with(record, "operation", "UPDATE"), "inspection.resultCode", "F"));

        upload(department.systemToken(), records, "")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(7))
                .body("updated", equalTo(2))
                .body("records[4].version", equalTo(2))
                .body("records[8].version", equalTo(3));

        assertThat(db.rows(
                        "select version, body->'inspection'->>'resultCode' as result from behaviour_record "
                                + "where source_record_id = ?",
                        record.get("sourceRecordId")))
                .containsExactly(Map.of("version", 3, "result", "F"));
        List<Object> batchesInChainOrder = db
                .rows(
                        "select entity_id from audit_log where action = 'RECORDS_WRITTEN' and detail->>'department' = ? "
                                + "order by chain_seq",
                        department.code())
                .stream()
                .map(row -> (Object) row.get("entity_id").toString().replaceAll(".*#", "#"))
                .toList();
        assertThat(batchesInChainOrder).containsExactly("#1", "#2", "#3");
    }

    @Test
    void concurrentOverlappingUploadsNeverDuplicate() throws Exception {
        RecordFixture.Department department = fixture.department();
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            records.add(fixture.inspection(department));
        }
        List<Map<String, Object>> reversed = new ArrayList<>(records);
        java.util.Collections.reverse(reversed);
        List<Callable<Integer>> uploads = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            List<Map<String, Object>> batch = i % 2 == 0 ? records : reversed;
            uploads.add(() ->
                    upload(department.systemToken(), batch, "").then().extract().statusCode());
        }

        assertThat(Concurrently.run(uploads)).containsOnly(200);

        assertThat(db.count("select count(*) from behaviour_record where department_code = ?", department.code()))
                .isEqualTo(12);
        assertThat(db.count("""
                select count(*) from outbox o join behaviour_record r on o.aggregate_id = r.id::text
                where o.aggregate_type = 'record' and o.target = 'national' and r.department_code = ?""", department.code())).isEqualTo(12);
    }

    @Test
    void sourceKeysAreEachDepartmentsOwnSoNoDepartmentCanTakeOrProbeAnothersKey() {
        RecordFixture.Department owner = fixture.department();
        RecordFixture.Department other = fixture.department();
        Map<String, Object> record = fixture.inspection(owner);
        // Another department uses the key first: it gets a record of its own, and learns nothing about the owner's.
        Map<String, Object> squat = with(fixture.inspection(other), "sourceRecordId", record.get("sourceRecordId"));
        upload(other.systemToken(), list(squat), "").then().statusCode(200).body("accepted", equalTo(1));

        upload(owner.systemToken(), list(record), "")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1))
                .body("rejected", equalTo(0));
        upload(other.systemToken(), list(with(squat, "inspection.resultDescription", "改过的说明")), "")
                .then()
                .statusCode(200)
                .body("updated", equalTo(1));

        assertThat(db.rows(
                        "select department_code, version from behaviour_record where source_record_id = ? order by"
                                + " department_code",
                        record.get("sourceRecordId")))
                .extracting(row -> row.get("department_code") + ":" + row.get("version"))
                .containsExactlyInAnyOrder(owner.code() + ":1", other.code() + ":2");
    }

    @Test
    void recordsOfAnotherDepartmentCannotBeUploaded() {
        RecordFixture.Department own = fixture.department();
        RecordFixture.Department other = fixture.department();

        upload(own.adminToken(), list(with(fixture.inspection(own), "departmentCode", other.code())), "")
                .then()
                .statusCode(200)
                .body("rejected", equalTo(1))
                .body("issues[0].errors.code", hasItem("DEPARTMENT_OUT_OF_SCOPE"));
    }

    @Test
    void onlyDockedSystemsAndDepartmentAdminsUpload() {
        RecordFixture.Department department = fixture.department();
        String officer = Tokens.withRoles("officer-x", List.of("officer"), department.code(), "450100");
        String national = Tokens.withRoles("national", List.of("national"), null, null);

        upload(officer, list(fixture.inspection(department)), "").then().statusCode(403);
        upload(national, list(fixture.inspection(department)), "").then().statusCode(403);
        upload(Tokens.withRoles("no-dept", List.of("system"), null, "450100"), list(fixture.inspection(department)), "")
                .then()
                .statusCode(403)
                .body("code", equalTo("CALLER_DEPARTMENT_UNKNOWN"));
        assertThat(db.count("select count(*) from behaviour_record where department_code = ?", department.code()))
                .isZero();
    }

    @Test
    void ndjsonStreamRejectsAMalformedLineByNumberAndStoresTheRest() throws Exception {
        RecordFixture.Department department = fixture.department();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            body.append(
                            i == 4
                                    ? "{\"kind\": \"INSPECTION\", broken"
                                    : mapper.writeValueAsString(fixture.inspection(department)))
                    .append('\n');
            if (i == 6) {
                body.append('\n');
            }
        }

        uploadNdjson(department.systemToken(), body.toString(), "")
                .then()
                .statusCode(200)
                .body("received", equalTo(9))
                .body("accepted", equalTo(8))
                .body("rejected", equalTo(1))
                .body("issues[0].index", equalTo(4))
                .body("issues[0].line", equalTo(5))
                .body("issues[0].errors[0].code", equalTo("MALFORMED_JSON"))
                .body("records", nullValue());

        assertThat(db.count("select count(*) from behaviour_record where department_code = ?", department.code()))
                .isEqualTo(8);
    }

    @Test
    void jsonUploadOverTheRecordLimitIsRefused() {
        RecordFixture.Department department = fixture.department();
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            records.add(fixture.inspection(department));
        }

        upload(department.systemToken(), records, "")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("code", equalTo("PAYLOAD_TOO_LARGE"));

        assertThat(db.count("select count(*) from behaviour_record where department_code = ?", department.code()))
                .isZero();
    }

    @Test
    void bodyDeclaredLargerThanTheLimitIsRefusedBeforeItIsRead() throws Exception {
        RecordFixture.Department department = fixture.department();
        try (var socket = new java.net.Socket("localhost", RestAssured.port)) {
            String request = "POST /api/v1/records HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + department.systemToken()
                    + "\r\nContent-Type: application/json\r\nContent-Length: 999999999\r\n\r\n[";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            socket.setSoTimeout(10_000);
            String statusLine =
                    new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream())).readLine();
            assertThat(statusLine).contains("413");
        }
    }

    @Test
    void aStalledAtomicUploadHoldsNoTransactionAndDelaysNoOtherAuditedWrite() throws Exception {
        RecordFixture.Department department = fixture.department();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            body.append(mapper.writeValueAsString(fixture.inspection(department)))
                    .append('\n');
        }
        byte[] bytes = body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int fiveLines = body.toString().lastIndexOf('\n', body.length() - 2) + 1;
        byte[] firstPart = body.substring(0, fiveLines).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (var socket = new java.net.Socket("localhost", RestAssured.port)) {
            String head = "POST /api/v1/records?atomic=true HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + department.systemToken() + "\r\nContent-Type: application/x-ndjson\r\nContent-Length: "
                    + bytes.length + "\r\n\r\n";
            var out = socket.getOutputStream();
            out.write(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.write(firstPart);
            out.flush();
            // More than a batch (4 in tests) has arrived; the client now stalls.
            Thread.sleep(1_000);

            assertThat(db.count("""
                    select count(*) from pg_stat_activity
                    where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null
                      and state <> 'active'"""))
                    .as("transactions open while the client stalls")
                    .isZero();
            assertThat(db.count(
                            "select count(*) from pg_locks where locktype = 'advisory' and pid <> pg_backend_pid()"))
                    .as("audit chain locks held while the client stalls")
                    .isZero();
            String other = CreditCodeGenerator.enterprise("450103");
            given().auth()
                    .oauth2(Tokens.token("gx-registry", List.of("system"), "GX_SCJGJ", "450000"))
                    .contentType(io.restassured.http.ContentType.JSON)
                    .body(Map.of(
                            "source",
                            "gx-registry",
                            "name",
                            "南宁市癸食品有限公司",
                            "subjectType",
                            "ENTERPRISE",
                            "regionCode",
                            "450103"))
                    .put("/api/v1/subjects/{code}", other)
                    .then()
                    .statusCode(201);
            assertThat(db.count("select count(*) from behaviour_record where department_code = ?", department.code()))
                    .as("nothing of the atomic upload is written before its body is complete")
                    .isZero();

            out.write(bytes, firstPart.length, bytes.length - firstPart.length);
            out.flush();
            socket.setSoTimeout(10_000);
            String statusLine =
                    new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream())).readLine();
            assertThat(statusLine).contains("200");
        }
        assertThat(db.count("select count(*) from behaviour_record where department_code = ?", department.code()))
                .isEqualTo(6);
    }

    @Test
    void anAtomicUploadBeyondItsRecordLimitIsRefusedWithoutWritingAnything() {
        RecordFixture.Department department = fixture.department();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 13; i++) {
            body.append("{\"kind\": \"INSPECTION\"}\n");
        }

        uploadNdjson(department.systemToken(), body.toString(), "?atomic=true")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("code", equalTo("ATOMIC_UPLOAD_TOO_LARGE"));

        assertThat(db.count("select count(*) from behaviour_record where department_code = ?", department.code()))
                .isZero();
    }

    @Test
    void anAtomicUploadBeyondItsByteBudgetIsRefusedWithoutWritingAnything() {
        RecordFixture.Department department = fixture.department();
        String padding = " ".repeat(20_000);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            body.append("{\"kind\": \"INSPECTION\"}").append(padding).append('\n');
        }

        uploadNdjson(department.systemToken(), body.toString(), "?atomic=true")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("code", equalTo("ATOMIC_UPLOAD_TOO_LARGE"))
                .body("detail", containsString("65536 bytes"));

        assertThat(db.count("select count(*) from behaviour_record where department_code = ?", department.code()))
                .isZero();
    }

    @Test
    void malformedJsonArrayIsRefusedWhole() {
        RecordFixture.Department department = fixture.department();

        upload(department.systemToken(), "[{\"kind\": \"INSPECTION\"}, {oops")
                .then()
                .statusCode(400)
                .body("code", equalTo("MALFORMED_JSON"));
        upload(department.systemToken(), "{\"kind\": \"INSPECTION\"}")
                .then()
                .statusCode(400)
                .body("code", equalTo("BODY_NOT_AN_ARRAY"));
        upload(department.systemToken(), "[]").then().statusCode(400).body("code", equalTo("BODY_EMPTY"));
    }

    @Test
    void personalIdentifiersAreHashedAndMasked() {
        RecordFixture.Department department = fixture.department();
        String idNumber = RecordFixture.newIdNumber();
        Map<String, Object> record = with(
                fixture.penalty(department),
                "subject",
                Map.of("type", "NATURAL_PERSON", "name", "王五", "idNumber", idNumber));
        Map<String, Object> complaint = fixture.complaint(department);

        upload(department.systemToken(), list(record, complaint), "")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(2));

        String stored = db.rows(
                        "select body::text as body from behaviour_record where department_code = ?", department.code())
                .toString();
        assertThat(stored)
                .doesNotContain(idNumber)
                .doesNotContain("13812345678")
                .contains(idNumber.substring(0, 6) + "********")
                .contains("138****5678");
        assertThat(db.single(
                        "select subject_id_hash is not null and not disclosable from behaviour_record where source_record_id = ?",
                        record.get("sourceRecordId")))
                .isEqualTo(true);
    }

    private List<Object> outboxEvents(Map<String, Object> record) {
        return db.rows("""
                select o.event_type from outbox o join behaviour_record r on o.aggregate_id = r.id::text
                where o.aggregate_type = 'record' and o.target = 'national' and r.source_record_id = ? order by o.id""", record.get("sourceRecordId")).stream()
                .map(row -> row.get("event_type"))
                .toList();
    }
}
