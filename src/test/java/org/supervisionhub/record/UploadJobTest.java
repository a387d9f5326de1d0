package org.supervisionhub.record;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.supervisionhub.record.RecordFixture.uploadNdjson;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Eventually;

@QuarkusTest
class UploadJobTest {

    @Inject
    RecordFixture fixture;

    @Inject
    Db db;

    @Inject
    ObjectMapper mapper;

    @Inject
    UploadJobs jobs;

    @TestHTTPResource("/api/v1/records")
    URL records;

    private String ndjson(RecordFixture.Department department, int records, int brokenIndex) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < records; i++) {
            Map<String, Object> record = fixture.inspection(department);
            if (i == brokenIndex) {
                record = RecordFixture.with(record, "inspection.resultCode", "Z");
            }
            body.append(mapper.writeValueAsString(record)).append('\n');
        }
        return body.toString();
    }

    private static JsonPath awaitFinished(String token, String location) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            JsonPath job = given().auth()
                    .oauth2(token)
                    .get(location)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            if (List.of("SUCCEEDED", "FAILED").contains(job.getString("status"))) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + location + " did not finish in 30 s");
    }

    @Test
    void asyncUploadBecomesAJobThatReportsProgressAndIssues() throws Exception {
        RecordFixture.Department department = fixture.department();
        String body = ndjson(department, 10, 6);

        String location = uploadNdjson(department.systemToken(), body, "?async=true")
                .then()
                .statusCode(202)
                .header("Location", containsString("/api/v1/upload-jobs/"))
                .body("recordsTotal", equalTo(10))
                .extract()
                .header("Location");
        JsonPath job = awaitFinished(department.systemToken(), location);

        assertThat(job.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(job.getInt("recordsRead")).isEqualTo(10);
        assertThat(job.getInt("accepted")).isEqualTo(9);
        assertThat(job.getInt("rejected")).isEqualTo(1);
        assertThat(job.getFloat("percent")).isEqualTo(100.0f);
        assertThat(db.count("select count(*) from behaviour_record where department_code = ?", department.code()))
                .isEqualTo(9);
        assertThat(db.count(
                        "select count(*) from upload_job_chunk where job_id = cast(? as uuid)",
                        location.substring(location.lastIndexOf('/') + 1)))
                .isZero();

        String report = given().auth()
                .oauth2(department.systemToken())
                .accept("application/x-ndjson")
                .get(location + "/issues")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Map<?, ?> issue = mapper.readValue(report.strip(), Map.class);
        assertThat(issue.get("index")).isEqualTo(6);
        assertThat(issue.get("line")).isEqualTo(7);
        assertThat(issue.toString()).contains("RESULT_CODE_INVALID");

        given().auth()
                .oauth2(department.systemToken())
                .get(location + "/issues?format=csv")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .body(containsString("6,7,"))
                .body(containsString("\"RESULT_CODE_INVALID\""));
    }

    @Test
    void ndjsonBodyOverTheThresholdBecomesAJobByItself() throws Exception {
        RecordFixture.Department department = fixture.department();
        String body = ndjson(department, 120, -1);
        assertThat(body.length()).isGreaterThan(65536);

        String location = uploadNdjson(department.systemToken(), body, "")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");

        assertThat(awaitFinished(department.systemToken(), location).getInt("accepted"))
                .isEqualTo(120);
    }

    @Test
    void atomicJobsAreRefused() {
        RecordFixture.Department department = fixture.department();

        uploadNdjson(department.systemToken(), "{}\n", "?async=true&atomic=true")
                .then()
                .statusCode(400)
                .body("code", equalTo("ATOMIC_JOB_UNSUPPORTED"));
    }

    @Test
    void jobLeftRunningByADeadReplicaIsResumedWhereItStopped() throws Exception {
        RecordFixture.Department department = fixture.department();
        List<String> lines = List.of(ndjson(department, 6, -1).split("\n"));
        String caller = mapper.writeValueAsString(Map.of(
                "subject",
                "system-" + department.code(),
                "roles",
                List.of("system"),
                "department",
                department.code(),
                "region",
                "450100"));
        // A replica stored the body in three chunks, processed the first (its records are not part of this setup),
        // and died holding the lease.
        Object id = db.single("""
                insert into upload_job (department_code, created_by, caller, media_type, status, records_total,
                                        chunks_total, chunks_done, records_read, accepted, lease_owner, lease_until,
                                        started_at)
                values (?, 'test', cast(? as jsonb), 'application/x-ndjson', 'RUNNING', 6, 3, 1, 2, 2, 'dead-replica',
                        now() - interval '1 second', now()) returning id""", department.code(), caller);
        for (int seq = 1; seq < 3; seq++) {
            db.update(
                    """
                    insert into upload_job_chunk (job_id, seq, first_index, records, line_numbers)
                    values (?, ?, ?, ?::text[], ?::int[])""",
                    id,
                    seq,
                    seq * 2,
                    "{" + quote(lines.get(seq * 2)) + "," + quote(lines.get(seq * 2 + 1)) + "}",
                    "{" + (seq * 2 + 1) + "," + (seq * 2 + 2) + "}");
        }

        JsonPath job = awaitFinished(department.systemToken(), "/api/v1/upload-jobs/" + id);

        assertThat(job.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(job.getInt("recordsRead")).isEqualTo(6);
        assertThat(job.getInt("accepted")).isEqualTo(6);
        assertThat(db.count("select count(*) from behaviour_record where department_code = ?", department.code()))
                .isEqualTo(4);
    }

    @Test
    void jobWhoseBodyNeverArrivedFailsWithAReason() {
        RecordFixture.Department department = fixture.department();
        Object id = db.single("""
                insert into upload_job (department_code, created_by, caller, media_type, status, lease_owner, lease_until)
                values (?, 'test', '{}'::jsonb, 'application/x-ndjson', 'RECEIVING', 'dead-replica',
                        now() - interval '1 second') returning id""", department.code());

        Instant deadline = Instant.now().plusSeconds(10);
        while (!"FAILED".equals(db.single("select status from upload_job where id = ?", id))
                && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }

        given().auth()
                .oauth2(department.adminToken())
                .get("/api/v1/upload-jobs/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("failureCode", equalTo("UPLOAD_JOB_LOST"))
                .body("failureReason", containsString("send it again"));
    }

    @Test
    void bodyPausingLongerThanTheLeaseIsStoredWholeAndTheJobSucceeds() throws Exception {
        RecordFixture.Department department = fixture.department();
        List<String> lines = List.of(ndjson(department, 10, -1).split("\n"));
        SlowUpload upload = post(department.systemToken());

        upload.send(lines.subList(0, 6));
        awaitReceiving(department, 1);
        // Longer than the (test) lease: the sweep of abandoned jobs runs every 0.2 s meanwhile.
        Thread.sleep(jobs.lease().multipliedBy(3).dividedBy(2).toMillis());
        upload.send(lines.subList(6, 10));
        Map<String, Object> answer = upload.finish();

        assertThat(answer.get("status")).as(answer.toString()).isEqualTo(202);
        JsonPath job = awaitFinished(department.systemToken(), (String) answer.get("location"));
        assertThat(job.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(job.getInt("recordsTotal")).isEqualTo(10);
        assertThat(job.getInt("recordsRead")).isEqualTo(10);
        assertThat(job.getInt("accepted")).isEqualTo(10);
        assertThat(db.count("select count(*) from behaviour_record where department_code = ?", department.code()))
                .isEqualTo(10);
    }

    @Test
    void clientDisconnectingMidBodyFailsTheJobWithAReasonAndNothingIsProcessed() throws Exception {
        RecordFixture.Department department = fixture.department();
        byte[] part = String.join(
                        "\n", List.of(ndjson(department, 10, -1).split("\n")).subList(0, 6))
                .concat("\n")
                .getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(records.getHost(), records.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/records?async=true HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                            + department.systemToken()
                            + "\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + Integer.toHexString(part.length) + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(part);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            awaitReceiving(department, 1);
        }

        Eventually.await("the job failed", () -> "FAILED".equals(jobColumn(department, "status")));
        Object id = jobColumn(department, "id");
        given().auth()
                .oauth2(department.adminToken())
                .get("/api/v1/upload-jobs/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("failureCode", equalTo("UPLOAD_BODY_INCOMPLETE"))
                .body("failureReason", containsString("send it again"));
        assertThat(db.count("select count(*) from upload_job_chunk where job_id = ?", id))
                .isZero();
        // A few polls of the worker later, the job is still failed and nothing of it was stored.
        Thread.sleep(1000);
        assertThat(jobColumn(department, "status")).isEqualTo("FAILED");
        assertThat(db.count("select count(*) from behaviour_record where department_code = ?", department.code()))
                .isZero();
    }

    @Test
    void jobFailedWhileItsBodyArrivedIsNeverQueuedAndTheClientIsTold() throws Exception {
        RecordFixture.Department department = fixture.department();
        List<String> lines = List.of(ndjson(department, 10, -1).split("\n"));
        SlowUpload upload = post(department.systemToken());
        upload.send(lines.subList(0, 6));
        awaitReceiving(department, 1);

        // As the sweep does when the lease of a receiving job ran out (its replica stopped renewing it).
        Object id = jobColumn(department, "id");
        db.update("""
                update upload_job set status = 'FAILED', failure_code = 'UPLOAD_JOB_LOST', lease_owner = null,
                       lease_until = null, finished_at = now() where id = ?""", id);
        db.update("delete from upload_job_chunk where job_id = ?", id);
        upload.send(lines.subList(6, 10));
        Map<String, Object> answer = upload.finish();

        assertThat(answer.get("status")).isEqualTo(503);
        assertThat((String) answer.get("body")).contains("\"code\":\"UPLOAD_JOB_LOST\"");
        Thread.sleep(1000);
        assertThat(jobColumn(department, "status")).isEqualTo("FAILED");
        assertThat(jobColumn(department, "failure_code")).isEqualTo("UPLOAD_JOB_LOST");
        assertThat(db.count("select count(*) from upload_job_chunk where job_id = ?", id))
                .isZero();
        assertThat(db.count("select count(*) from behaviour_record where department_code = ?", department.code()))
                .isZero();
    }

    @Test
    void jobWithAReceivedChunkMissingFailsInsteadOfSucceeding() throws Exception {
        RecordFixture.Department department = fixture.department();
        List<String> lines = List.of(ndjson(department, 6, -1).split("\n"));
        // Three chunks were received and counted; the middle one is gone (as the old sweep used to drop them).
        Object id = db.single("""
                insert into upload_job (department_code, created_by, caller, media_type, status, records_total,
                                        chunks_total)
                values (?, 'test', cast(? as jsonb), 'application/x-ndjson', 'QUEUED', 6, 3) returning id""", department.code(), callerJson(department));
        for (int seq : new int[] {0, 2}) {
            insertChunk(id, seq, lines);
        }

        JsonPath job = awaitFinished(department.systemToken(), "/api/v1/upload-jobs/" + id);

        assertThat(job.getString("status")).isEqualTo("FAILED");
        assertThat(job.getString("failureCode")).isEqualTo("UPLOAD_JOB_INCOMPLETE");
        assertThat(job.getString("failureReason")).contains("only 2 of the 3 chunks received (4 of 6 records)");
        assertThat(job.getInt("accepted")).isEqualTo(4);
    }

    @Test
    void anotherDepartmentsJobIsNotFound() throws Exception {
        RecordFixture.Department owner = fixture.department();
        RecordFixture.Department other = fixture.department();
        String location = uploadNdjson(owner.systemToken(), ndjson(owner, 1, -1), "?async=true")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");

        given().auth()
                .oauth2(other.systemToken())
                .get(location)
                .then()
                .statusCode(404)
                .body("code", equalTo("UPLOAD_JOB_NOT_FOUND"));
        given().auth()
                .oauth2(other.systemToken())
                .get(location + "/issues")
                .then()
                .statusCode(404);
    }

    /** An upload sent as a chunked stream, piece by piece, the way a slow client sends it. */
    private SlowUpload post(String token) throws IOException {
        HttpURLConnection connection =
                (HttpURLConnection) new URL(records, "/api/v1/records?async=true").openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setChunkedStreamingMode(1024);
        connection.setRequestProperty("Authorization", "Bearer " + token);
        connection.setRequestProperty("Content-Type", "application/x-ndjson");
        connection.setReadTimeout(30_000);
        return new SlowUpload(connection, connection.getOutputStream());
    }

    private record SlowUpload(HttpURLConnection connection, OutputStream body) {

        void send(List<String> lines) throws IOException {
            body.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
            body.flush();
        }

        /** Ends the body and reads the answer: its status, Location and body. */
        Map<String, Object> finish() throws IOException {
            body.close();
            int status = connection.getResponseCode();
            InputStream answer = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String text = answer == null ? "" : new String(answer.readAllBytes(), StandardCharsets.UTF_8);
            String location = connection.getHeaderField("Location");
            return Map.of("status", status, "location", location == null ? "" : location, "body", text);
        }
    }

    /** Waits until the department's one job is receiving and has stored this many chunks. */
    private void awaitReceiving(RecordFixture.Department department, int chunks) {
        Eventually.await(
                chunks + " chunk(s) stored",
                () -> db.count(
                                "select count(*) from upload_job where department_code = ? and status = 'RECEIVING' "
                                        + "and chunks_total = ?",
                                department.code(),
                                chunks)
                        == 1);
    }

    private Object jobColumn(RecordFixture.Department department, String column) {
        return db.single("select " + column + " from upload_job where department_code = ?", department.code());
    }

    private String callerJson(RecordFixture.Department department) throws Exception {
        return mapper.writeValueAsString(Map.of(
                "subject",
                "system-" + department.code(),
                "roles",
                List.of("system"),
                "department",
                department.code(),
                "region",
                "450100"));
    }

    private void insertChunk(Object id, int seq, List<String> lines) {
        db.update(
                """
                insert into upload_job_chunk (job_id, seq, first_index, records, line_numbers)
                values (?, ?, ?, ?::text[], ?::int[])""",
                id,
                seq,
                seq * 2,
                "{" + quote(lines.get(seq * 2)) + "," + quote(lines.get(seq * 2 + 1)) + "}",
                "{" + (seq * 2 + 1) + "," + (seq * 2 + 2) + "}");
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
