package org.supervisionhub.record;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.supervisionhub.record.RecordFixture.list;
import static org.supervisionhub.record.RecordFixture.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Tokens;

/** An upload job followed live (server-sent events): states until the end, then the stream closes. */
@QuarkusTest
class UploadJobProgressTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    RecordFixture fixture;

    private String asyncJob(RecordFixture.Department department) {
        String location = upload(
                        department.systemToken(),
                        list(fixture.inspection(department), fixture.penalty(department)),
                        "?async=true")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        return location.substring(location.indexOf("/api/"));
    }

    private static List<JsonNode> events(String body) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.startsWith("data:")) {
                events.add(JSON.readTree(line.substring("data:".length()).trim()));
            }
        }
        return events;
    }

    @Test
    void followedJobSendsItsStatesAndEndsWithTheFinishedOne() throws Exception {
        RecordFixture.Department department = fixture.department();
        String job = asyncJob(department);

        String body = given().auth()
                .oauth2(department.adminToken())
                .accept("text/event-stream")
                .get(job + "/progress")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/event-stream"))
                .extract()
                .asString();

        List<JsonNode> events = events(body);
        assertThat(events).isNotEmpty();
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(last.get("accepted").asInt()).isEqualTo(2);
        assertThat(last.get("issuesUrl").asText()).endsWith(job.substring(job.lastIndexOf('/')) + "/issues");
        assertThat(events.stream().filter(e -> e.get("status").asText().equals("SUCCEEDED")))
                .hasSize(1);
    }

    @Test
    void anotherDepartmentsJobIsAnsweredLikeAnUnknownOne() {
        RecordFixture.Department owner = fixture.department();
        RecordFixture.Department other = fixture.department();
        String job = asyncJob(owner);

        given().auth()
                .oauth2(other.adminToken())
                .accept("text/event-stream")
                .get(job + "/progress")
                .then()
                .statusCode(404)
                .body("code", equalTo("UPLOAD_JOB_NOT_FOUND"));
    }

    @Test
    void officerMayNotFollowJobs() {
        RecordFixture.Department department = fixture.department();
        String job = asyncJob(department);

        given().auth()
                .oauth2(Tokens.withRoles("officer-7", List.of("officer"), department.code(), "450100"))
                .accept("text/event-stream")
                .get(job + "/progress")
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
    }
}
