package org.supervisionhub.disclosure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supervisionhub.common.code.IdNumbers;
import org.supervisionhub.record.RecordFixture;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

/** 双公示: publication of penalties and 双随机 results for a period, withdrawal, and what the public reads. */
@QuarkusTest
class DisclosureTest {

    private static final LocalDate TODAY = RecordFixture.TODAY;

    @Inject
    RecordFixture fixture;

    @Inject
    Db db;

    @Test
    void aPublishedPenaltyIsPublicForTheLongestPeriodByDefault() {
        RecordFixture.Department department = fixture.department();
        Map<String, Object> penalty = fixture.penalty(department);
        long record = upload(department, penalty);
        LocalDate decided = TODAY.minusDays(10);

        long id = publish(department.adminToken(), record, Map.of())
                .statusCode(200)
                .body("recordId", equalTo((int) record))
                .body("kind", equalTo("PENALTY"))
                .body("status", equalTo("PUBLISHED"))
                .body("publicNow", equalTo(true))
                .body("discloseFrom", equalTo(decided.toString()))
                .body(
                        "discloseUntil",
                        equalTo(decided.plusMonths(12).minusDays(1).toString()))
                .body("version", equalTo(1))
                .extract()
                .jsonPath()
                .getLong("id");

        given().get("/api/v1/public/disclosures/" + id)
                .then()
                .statusCode(200)
                .body(
                        "content.penalty.decisionNumber",
                        equalTo(detail(penalty, "penalty").get("decisionNumber")))
                .body("content.subject.creditCode", equalTo(subjectCode(penalty)))
                .body("content.implementingBody.name", equalTo("测试局"))
                .body("content", not(org.hamcrest.Matchers.hasKey("officers")))
                .body("content", not(org.hamcrest.Matchers.hasKey("reporter")));
        assertThat(db.count(
                        "select count(*) from outbox where event_type = 'disclosure.published' and aggregate_id = ?",
                        String.valueOf(id)))
                .isEqualTo(1);
        assertThat(db.count(
                        "select count(*) from audit_log where action = 'DISCLOSURE_PUBLISHED' and entity_id = ?",
                        String.valueOf(id)))
                .isEqualTo(1);
    }

    @Test
    void publishingTheSameAgainChangesNothing() {
        RecordFixture.Department department = fixture.department();
        long record = upload(department, fixture.penalty(department));
        long id = publish(department.adminToken(), record, Map.of())
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("id");

        publish(department.adminToken(), record, Map.of())
                .statusCode(200)
                .body("id", equalTo((int) id))
                .body("version", equalTo(1));

        assertThat(db.count("select count(*) from disclosure where record_id = ?", record))
                .isEqualTo(1);
        assertThat(db.count(
                        "select count(*) from outbox where event_type = 'disclosure.published' and aggregate_id = ?",
                        String.valueOf(id)))
                .isEqualTo(1);
    }

    @Test
    void aShorterPeriodWithinTheRulesRaisesTheVersion() {
        RecordFixture.Department department = fixture.department();
        long record = upload(department, fixture.penalty(department));
        publish(department.adminToken(), record, Map.of()).statusCode(200);
        LocalDate shorter = TODAY.minusDays(10).plusMonths(6);

        publish(department.adminToken(), record, Map.of("discloseUntil", shorter.toString()))
                .statusCode(200)
                .body("discloseUntil", equalTo(shorter.toString()))
                .body("version", equalTo(2));

        assertThat(db.single("select disclose_until from disclosure where record_id = ?", record)
                        .toString())
                .isEqualTo(shorter.toString());
        assertThat(db.count(
                        "select count(*) from outbox o join disclosure x on o.aggregate_id = x.id::text "
                                + "where o.event_type = 'disclosure.published' and x.record_id = ?",
                        record))
                .isEqualTo(2);
    }

    @Test
    void aPeriodLongerThanTheRulesAllowIsRefusedWithItsField() {
        RecordFixture.Department department = fixture.department();
        long record = upload(department, fixture.penalty(department));

        publish(
                        department.adminToken(),
                        record,
                        Map.of(
                                "discloseUntil",
                                TODAY.minusDays(10).plusMonths(13).toString()))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("DISCLOSURE_PERIOD_INVALID"))
                .body("errors[0].field", equalTo("discloseUntil"));

        assertThat(db.count("select count(*) from disclosure where record_id = ?", record))
                .isZero();
    }

    @Test
    void aMajorCaseIsPublicForThreeYearsByDefault() {
        RecordFixture.Department department = fixture.department();
        Map<String, Object> penalty = fixture.penalty(department);
        detail(penalty, "penalty").put("majorCase", true);
        long record = upload(department, penalty);

        publish(department.adminToken(), record, Map.of())
                .statusCode(200)
                .body(
                        "discloseUntil",
                        equalTo(TODAY.minusDays(10).plusMonths(36).minusDays(1).toString()));
    }

    @Test
    void aPenaltyWhosePeriodHasEndedCannotBePublished() {
        RecordFixture.Department department = fixture.department();
        Map<String, Object> penalty = fixture.penalty(department);
        detail(penalty, "penalty").put("filingDate", TODAY.minusMonths(14).toString());
        detail(penalty, "penalty").put("decisionDate", TODAY.minusMonths(13).toString());
        penalty.put("officers", List.of(longServing(department), longServing(department)));
        long record = upload(department, penalty);

        publish(department.adminToken(), record, Map.of())
                .statusCode(409)
                .body("code", equalTo("RECORD_NOT_DISCLOSABLE"));
    }

    @Test
    void aPenaltyOnANaturalPersonIsNeverDisclosed() {
        RecordFixture.Department department = fixture.department();
        Map<String, Object> penalty = fixture.penalty(department);
        penalty.put("subject", Map.of("type", "NATURAL_PERSON", "name", "王某某", "idNumber", idNumber()));
        long record = upload(department, penalty);

        publish(department.adminToken(), record, Map.of())
                .statusCode(409)
                .body("code", equalTo("RECORD_NOT_DISCLOSABLE"));
        assertThat(db.count("select count(*) from disclosure where record_id = ?", record))
                .isZero();
    }

    @Test
    void anInspectionIsDisclosedOnlyWhenDrawnBy双随机() {
        RecordFixture.Department department = fixture.department();
        Map<String, Object> drawn = fixture.inspection(department);
        Map<String, Object> routine = fixture.inspection(department);
        detail(routine, "inspection").remove("randomPlanId");

        publish(department.adminToken(), upload(department, drawn), Map.of())
                .statusCode(200)
                .body("content.inspection.randomPlanId", equalTo("PLAN-2026-01"))
                .body(
                        "discloseUntil",
                        equalTo(TODAY.minusDays(1).plusMonths(36).minusDays(1).toString()));
        publish(department.adminToken(), upload(department, routine), Map.of())
                .statusCode(409)
                .body("code", equalTo("RECORD_NOT_DISCLOSABLE"));
    }

    @Test
    void idNumbersAndMobileNumbersInTextsAreMaskedForThePublic() {
        RecordFixture.Department department = fixture.department();
        Map<String, Object> penalty = fixture.penalty(department);
        String idNumber = idNumber();
        detail(penalty, "penalty").put("illegalFacts", "负责人（身份证 " + idNumber + "，电话 13812345678）销售过期食品");
        long id = publish(department.adminToken(), upload(department, penalty), Map.of())
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("id");

        String facts = given().get("/api/v1/public/disclosures/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("content.penalty.illegalFacts");

        assertThat(facts)
                .doesNotContain(idNumber)
                .doesNotContain("13812345678")
                .contains(IdNumbers.mask(idNumber))
                .contains("138****5678");
        assertThat(db.single("select content::text from disclosure where id = ?", id)
                        .toString())
                .doesNotContain(idNumber);
    }

    @Test
    void aWithdrawnDisclosureLeavesThePublicAndTellsTheCreditPlatform() {
        RecordFixture.Department department = fixture.department();
        Map<String, Object> penalty = fixture.penalty(department);
        long record = upload(department, penalty);
        long id = publish(department.adminToken(), record, Map.of())
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("id");

        given().auth()
                .oauth2(department.adminToken())
                .queryParam("reason", "行政复议撤销处罚决定")
                .delete("/api/v1/records/" + record + "/disclosure")
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("withdrawalReason", equalTo("行政复议撤销处罚决定"))
                .body("publicNow", equalTo(false))
                .body("version", equalTo(2));

        given().get("/api/v1/public/disclosures/" + id)
                .then()
                .statusCode(404)
                .body("code", equalTo("DISCLOSURE_NOT_FOUND"));
        given().queryParam("creditCode", subjectCode(penalty))
                .get("/api/v1/public/disclosures")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        assertThat(db.count(
                        "select count(*) from outbox where event_type = 'disclosure.withdrawn' and aggregate_id = ?",
                        String.valueOf(id)))
                .isEqualTo(1);
        assertThat(db.count(
                        "select count(*) from audit_log where action = 'DISCLOSURE_WITHDRAWN' and entity_id = ?",
                        String.valueOf(id)))
                .isEqualTo(1);
    }

    @Test
    void aWithdrawnRecordCanBePublishedAgain() {
        RecordFixture.Department department = fixture.department();
        long record = upload(department, fixture.penalty(department));
        publish(department.adminToken(), record, Map.of()).statusCode(200);
        withdraw(department.adminToken(), record).statusCode(200);

        publish(department.adminToken(), record, Map.of()).statusCode(200).body("version", equalTo(1));

        assertThat(db.count("select count(*) from disclosure where record_id = ?", record))
                .isEqualTo(2);
    }

    @Test
    void withdrawingWhatIsNotPublishedIsNotFound() {
        RecordFixture.Department department = fixture.department();
        long record = upload(department, fixture.penalty(department));

        withdraw(department.adminToken(), record).statusCode(404).body("code", equalTo("DISCLOSURE_NOT_FOUND"));
    }

    @Test
    void aWithdrawalNeedsAReason() {
        RecordFixture.Department department = fixture.department();
        long record = upload(department, fixture.penalty(department));
        publish(department.adminToken(), record, Map.of()).statusCode(200);

        given().auth()
                .oauth2(department.adminToken())
                .delete("/api/v1/records/" + record + "/disclosure")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("reason"));
        assertThat(db.single("select status from disclosure where record_id = ?", record))
                .isEqualTo("PUBLISHED");
    }

    @Test
    void aDeletedRecordIsNoLongerPublic() {
        RecordFixture.Department department = fixture.department();
        Map<String, Object> penalty = fixture.penalty(department);
        long record = upload(department, penalty);
        long id = publish(department.adminToken(), record, Map.of())
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("id");
        penalty.put("operation", "DELETE");
        fixture.stored(department, penalty);

        given().get("/api/v1/public/disclosures/" + id).then().statusCode(404);
    }

    @Test
    void thePublicListFiltersByRegionKindAndOrganisation() {
        RecordFixture.Department department = fixture.department("450300");
        Map<String, Object> penalty = fixture.penalty(department);
        long id = publish(department.adminToken(), upload(department, penalty), Map.of())
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("id");

        given().queryParam("region", "450000")
                .queryParam("kind", "PENALTY")
                .queryParam("creditCode", subjectCode(penalty))
                .get("/api/v1/public/disclosures")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo((int) id));
        given().queryParam("region", "450100")
                .queryParam("creditCode", subjectCode(penalty))
                .get("/api/v1/public/disclosures")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        given().queryParam("region", "4503")
                .get("/api/v1/public/disclosures")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("region"));
    }

    @Test
    void thePublicReadsAreLimitedPerClientAddress() {
        String client = org.supervisionhub.support.ScanClients.newAddress();
        for (int i = 0; i < 50; i++) { // the test profile's limit a minute
            given().header("X-Forwarded-For", client)
                    .get("/api/v1/public/disclosures")
                    .then()
                    .statusCode(200);
        }

        given().header("X-Forwarded-For", client)
                .get("/api/v1/public/disclosures/1")
                .then()
                .statusCode(429)
                .body("code", equalTo("RATE_LIMITED"));
        given().header("X-Forwarded-For", org.supervisionhub.support.ScanClients.newAddress())
                .get("/api/v1/public/disclosures")
                .then()
                .statusCode(200);
    }

    @Test
    void anOfficerMayNotPublish() {
        RecordFixture.Department department = fixture.department();
        long record = upload(department, fixture.penalty(department));

        publish(
                        Tokens.withRoles(
                                "officer-" + department.code(), List.of("officer"), department.code(), "450100"),
                        record,
                        Map.of())
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void anotherDepartmentsAdminDoesNotSeeTheRecord() {
        RecordFixture.Department department = fixture.department();
        RecordFixture.Department other = fixture.department();
        long record = upload(department, fixture.penalty(department));

        publish(other.adminToken(), record, Map.of()).statusCode(404).body("code", equalTo("RECORD_NOT_FOUND"));
        assertThat(db.count("select count(*) from disclosure where record_id = ?", record))
                .isZero();
    }

    @Test
    void aRegionAdminWithdrawsInItsRegionOnly() {
        RecordFixture.Department department = fixture.department("450100");
        long record = upload(department, fixture.penalty(department));
        publish(department.adminToken(), record, Map.of()).statusCode(200);

        withdraw(Tokens.regionAdmin("450300"), record).statusCode(404).body("code", equalTo("RECORD_NOT_FOUND"));
        withdraw(Tokens.regionAdmin("450100"), record).statusCode(200).body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void theStaffListIsScopedToTheCallersDepartment() {
        RecordFixture.Department department = fixture.department();
        RecordFixture.Department other = fixture.department();
        publish(department.adminToken(), upload(department, fixture.penalty(department)), Map.of())
                .statusCode(200);
        publish(other.adminToken(), upload(other, fixture.penalty(other)), Map.of())
                .statusCode(200);

        given().auth()
                .oauth2(department.adminToken())
                .get("/api/v1/disclosures")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].departmentCode", equalTo(department.code()));
        given().auth()
                .oauth2(department.adminToken())
                .queryParam("department", other.code())
                .get("/api/v1/disclosures")
                .then()
                .statusCode(403)
                .body("code", equalTo("DEPARTMENT_OUT_OF_SCOPE"));
    }

    private ValidatableResponse publish(String token, long record, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/v1/records/" + record + "/disclosure")
                .then();
    }

    private static ValidatableResponse withdraw(String token, long record) {
        return given().auth()
                .oauth2(token)
                .queryParam("reason", "信用修复")
                .delete("/api/v1/records/" + record + "/disclosure")
                .then();
    }

    /** Uploads the record through the API as the department's system and answers its id. */
    private long upload(RecordFixture.Department department, Map<String, Object> record) {
        return fixture.stored(department, record);
    }

    /** An officer whose certificate was already valid more than a year ago. */
    private Map<String, Object> longServing(RecordFixture.Department department) {
        String certNo = fixture.certificate(department.code(), "VALID", TODAY.minusYears(3), TODAY.plusYears(1));
        return Map.of("name", "执法员", "issuer", "GX_REC", "certNo", certNo);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> detail(Map<String, Object> record, String block) {
        return (Map<String, Object>) record.get(block);
    }

    @SuppressWarnings("unchecked")
    private static String subjectCode(Map<String, Object> record) {
        return (String) ((Map<String, Object>) record.get("subject")).get("creditCode");
    }

    private static String idNumber() {
        String first17 = "45010319850612" + String.format("%03d", System.nanoTime() % 1000);
        return first17 + IdNumbers.checkCharacter(first17);
    }
}
