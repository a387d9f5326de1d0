package org.supervisionhub.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.supervisionhub.record.RecordFixture.TODAY;
import static org.supervisionhub.record.RecordFixture.list;
import static org.supervisionhub.record.RecordFixture.upload;
import static org.supervisionhub.record.RecordFixture.with;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.supervisionhub.support.Db;

/**
 * Each rule of the data standard, with a record that breaks it next to a valid one in the same upload: the valid
 * record is stored, the broken one is rejected with the rule's field and code.
 */
@QuarkusTest
class RecordValidationTest {

    @Inject
    RecordFixture fixture;

    @Inject
    Db db;

    private interface Breaker extends BiFunction<RecordFixture, RecordFixture.Department, Map<String, Object>> {}

    private static Arguments rule(String field, String code, Breaker breaker) {
        return Arguments.of(field, code, breaker);
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                rule("sourceSystem", "FORMAT_INVALID", (f, d) -> with(f.inspection(d), "sourceSystem", "bad system")),
                rule("sourceRecordId", "REQUIRED", (f, d) -> with(f.inspection(d), "sourceRecordId", null)),
                rule("kind", "REQUIRED", (f, d) -> with(f.inspection(d), "kind", null)),
                rule("itemCode", "ITEM_CODE_INVALID", (f, d) -> with(f.inspection(d), "itemCode", "4501")),
                rule("itemCode", "ITEM_NOT_FOUND", (f, d) -> with(f.inspection(d), "itemCode", "47999999999999")),
                rule(
                        "itemCode",
                        "ITEM_NOT_CLAIMED",
                        (f, d) -> with(f.inspection(d), "itemCode", f.unclaimedItem("INSPECTION"))),
                rule("itemCode", "ITEM_KIND_MISMATCH", (f, d) -> with(f.inspection(d), "itemCode", d.penaltyItem())),
                rule(
                        "implementationListCode",
                        "REQUIRED",
                        (f, d) -> with(f.inspection(d), "implementationListCode", null)),
                rule(
                        "implementationListCode",
                        "LIST_CODE_INVALID",
                        (f, d) -> with(f.inspection(d), "implementationListCode", "12345")),
                rule(
                        "implementingBody.creditCode",
                        "CREDIT_CODE_INVALID",
                        (f, d) -> with(
                                f.inspection(d),
                                "implementingBody",
                                Map.of("name", "测试局", "creditCode", "91350100M000100Y44"))),
                rule(
                        "subject.creditCode",
                        "CREDIT_CODE_INVALID",
                        (f, d) -> with(f.inspection(d), "subject.creditCode", "91350100M000100Y44")),
                rule(
                        "subject.idNumber",
                        "ID_NUMBER_INVALID",
                        (f, d) -> with(
                                f.penalty(d),
                                "subject",
                                Map.of("type", "NATURAL_PERSON", "name", "王五", "idNumber", "450103199001010010"))),
                rule("subject", "REQUIRED", (f, d) -> with(f.inspection(d), "subject", null)),
                rule("regionCode", "REGION_CODE_INVALID", (f, d) -> with(f.inspection(d), "regionCode", "45010")),
                rule("regionCode", "REGION_OUT_OF_SCOPE", (f, d) -> with(f.inspection(d), "regionCode", "440100")),
                rule(
                        "officers[1].certNo",
                        "CERTIFICATE_NOT_FOUND",
                        (f, d) -> with(
                                f.inspection(d),
                                "officers",
                                List.of(RecordFixture.officer(d.officerA()), RecordFixture.officer("NOSUCHCERT01")))),
                rule(
                        "officers[1].certNo",
                        "CERTIFICATE_EXPIRED",
                        (f, d) -> with(
                                f.inspection(d),
                                "officers",
                                List.of(
                                        RecordFixture.officer(d.officerA()),
                                        RecordFixture.officer(f.certificate(
                                                d.code(), "VALID", TODAY.minusYears(3), TODAY.minusDays(2)))))),
                rule(
                        "officers[1].certNo",
                        "CERTIFICATE_REVOKED",
                        (f, d) -> with(
                                f.inspection(d),
                                "officers",
                                List.of(
                                        RecordFixture.officer(d.officerA()),
                                        RecordFixture.officer(f.certificate(
                                                d.code(), "REVOKED", TODAY.minusYears(1), TODAY.plusYears(1)))))),
                rule(
                        "officers",
                        "TOO_FEW_OFFICERS",
                        (f, d) -> with(f.penalty(d), "officers", List.of(RecordFixture.officer(d.officerA())))),
                rule(
                        "officers",
                        "TOO_FEW_OFFICERS",
                        (f, d) -> with(
                                f.enforcement(d),
                                "officers",
                                List.of(RecordFixture.officer(d.officerA()), RecordFixture.officer(d.officerA())))),
                rule("reportedAt", "REQUIRED", (f, d) -> with(f.inspection(d), "reportedAt", null)),
                rule(
                        "reportedAt",
                        "REPORT_BEFORE_ACT",
                        (f, d) -> with(
                                f.inspection(d),
                                "reportedAt",
                                OffsetDateTime.now(RecordFixture.ZONE)
                                        .minusDays(3)
                                        .toString())),
                rule(
                        "reportedAt",
                        "REPORTED_IN_FUTURE",
                        (f, d) -> with(
                                f.inspection(d),
                                "reportedAt",
                                OffsetDateTime.now(RecordFixture.ZONE)
                                        .plusHours(1)
                                        .toString())),
                rule(
                        "inspection.checkDate",
                        "ACT_DATE_IN_FUTURE",
                        (f, d) -> with(
                                f.inspection(d),
                                "inspection.checkDate",
                                TODAY.plusDays(1).toString())),
                rule(
                        "inspection.resultCode",
                        "RESULT_CODE_INVALID",
                        (f, d) -> with(f.inspection(d), "inspection.resultCode", "5")),
                rule("inspection.form", "FORM_INVALID", (f, d) -> with(f.inspection(d), "inspection.form", "REMOTE")),
                rule("penalty.procedure", "PROCEDURE_INVALID", (f, d) -> with(f.penalty(d), "penalty.procedure", "03")),
                rule("penalty.filingDate", "REQUIRED", (f, d) -> with(f.penalty(d), "penalty.filingDate", null)),
                rule(
                        "penalty.decisionDate",
                        "DECISION_BEFORE_FILING",
                        (f, d) -> with(
                                f.penalty(d),
                                "penalty.decisionDate",
                                TODAY.minusDays(31).toString())),
                rule(
                        "penalty.closingDate",
                        "CLOSING_BEFORE_FILING",
                        (f, d) -> with(
                                f.penalty(d),
                                "penalty.closingDate",
                                TODAY.minusDays(40).toString())),
                rule(
                        "reportedAt",
                        "REPORT_BEFORE_CLOSING",
                        (f, d) -> with(
                                with(
                                        f.penalty(d),
                                        "penalty.closingDate",
                                        TODAY.minusDays(1).toString()),
                                "reportedAt",
                                OffsetDateTime.now(RecordFixture.ZONE)
                                        .minusDays(5)
                                        .toString())),
                rule(
                        "penalty.penaltyTypes[1]",
                        "PENALTY_TYPE_INVALID",
                        (f, d) -> with(f.penalty(d), "penalty.penaltyTypes", List.of("01", "15"))),
                rule(
                        "penalty.fineAmount",
                        "FINE_AMOUNT_REQUIRED",
                        (f, d) -> with(f.penalty(d), "penalty.fineAmount", null)),
                rule(
                        "penalty.fineAmount",
                        "AMOUNT_INVALID",
                        (f, d) -> with(f.penalty(d), "penalty.fineAmount", 10.125)),
                rule("penalty.amountPaid", "AMOUNT_INVALID", (f, d) -> with(f.penalty(d), "penalty.amountPaid", -5)),
                rule(
                        "enforcement.category",
                        "ENFORCEMENT_CATEGORY_INVALID",
                        (f, d) -> with(f.enforcement(d), "enforcement.category", "SEIZURE")),
                rule(
                        "enforcement.measure",
                        "MEASURE_INVALID",
                        (f, d) -> with(f.enforcement(d), "enforcement.measure", "06")),
                rule(
                        "enforcement.endDate",
                        "DATE_RANGE_INVALID",
                        (f, d) -> with(
                                f.enforcement(d),
                                "enforcement.endDate",
                                TODAY.minusDays(9).toString())),
                rule("other.actionNumber", "REQUIRED", (f, d) -> with(f.other(d), "other.actionNumber", " ")),
                rule(
                        "complaint.complaintType",
                        "COMPLAINT_TYPE_INVALID",
                        (f, d) -> with(f.complaint(d), "complaint.complaintType", "PRAISE")),
                rule(
                        "complaint.anonymous",
                        "ANONYMOUS_WITH_CONTACT",
                        (f, d) -> with(f.complaint(d), "complaint.anonymous", true)),
                rule(
                        "complaint.complainantPhone",
                        "PHONE_INVALID",
                        (f, d) -> with(f.complaint(d), "complaint.complainantPhone", "call me")),
                rule("inspection", "REQUIRED", (f, d) -> with(f.inspection(d), "inspection", null)),
                rule(
                        "penalty",
                        "DETAIL_NOT_ALLOWED",
                        (f, d) -> with(f.inspection(d), "penalty", f.penalty(d).get("penalty"))),
                rule(
                        "inspection.actionName",
                        "LENGTH_OUT_OF_RANGE",
                        (f, d) -> with(f.inspection(d), "inspection.actionName", "检".repeat(201))),
                rule("colour", "UNKNOWN_FIELD", (f, d) -> with(f.inspection(d), "colour", "red")),
                rule(
                        "inspection.checkDate",
                        "TYPE_MISMATCH",
                        (f, d) -> with(f.inspection(d), "inspection.checkDate", "2026-13-01")),
                rule("", "NOT_AN_OBJECT", (f, d) -> null));
    }

    @ParameterizedTest(name = "{1} at {0}")
    @MethodSource("rules")
    void ruleRejectsTheBrokenRecordAndStoresTheValidOne(String field, String code, Breaker breaker) {
        RecordFixture.Department department = fixture.department();
        Map<String, Object> valid = fixture.inspection(department);
        Map<String, Object> broken = breaker.apply(fixture, department);

        JsonPath answer = upload(department.systemToken(), java.util.Arrays.asList(valid, broken))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("accepted", equalTo(1))
                .body("rejected", equalTo(1))
                .body("issues[0].index", equalTo(1))
                .extract()
                .jsonPath();

        assertThat(answer.getList("issues[0].errors", Map.class))
                .anySatisfy(
                        error -> assertThat(error).containsEntry("field", field).containsEntry("code", code));
        assertThat(db.count("select count(*) from behaviour_record where department_code = ?", department.code()))
                .isEqualTo(1);
    }

    @Test
    void everyErrorOfARecordIsReportedAtOnce() {
        RecordFixture.Department department = fixture.department();
        Map<String, Object> broken = with(
                with(with(fixture.penalty(department), "regionCode", "440100"), "penalty.penaltyTypes", List.of("99")),
                "subject.creditCode",
                "123");

        upload(department.systemToken(), list(broken), "")
                .then()
                .statusCode(200)
                .body(
                        "issues[0].errors.code",
                        equalTo(List.of("CREDIT_CODE_INVALID", "REGION_OUT_OF_SCOPE", "PENALTY_TYPE_INVALID")));
    }

    @Test
    void decisionLaterThan90DaysAfterFilingIsStoredWithAWarning() {
        RecordFixture.Department department = fixture.department();
        Map<String, Object> late = with(
                fixture.penalty(department),
                "penalty.filingDate",
                TODAY.minusDays(120).toString());

        upload(department.systemToken(), list(late), "")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1))
                .body("warned", equalTo(1))
                .body("issues[0].outcome", equalTo("CREATED"))
                .body("issues[0].warnings.code", equalTo(List.of("DECISION_AFTER_90_DAYS")));
    }

    @Test
    void certificateOutsideTheItemsCategoryDoesNotQualifyItsOfficer() {
        RecordFixture.Department department = fixture.department();
        db.update(
                "update certificate_category set category_code = 'MEE' where certificate_id = "
                        + "(select id from certificate where issuer = ? and cert_no = ?)",
                RecordFixture.ISSUER,
                department.officerB());

        upload(department.systemToken(), list(fixture.inspection(department)), "")
                .then()
                .statusCode(200)
                .body("rejected", equalTo(1))
                .body("issues[0].errors.field", equalTo(List.of("officers[1].certNo", "officers")))
                .body(
                        "issues[0].errors.code",
                        equalTo(List.of("CERTIFICATE_CATEGORY_NOT_COVERED", "TOO_FEW_OFFICERS")));
    }

    @Test
    void certificateRevokedAfterASnapshotIsSeenByTheNextUpload() {
        RecordFixture.Department department = fixture.department();
        upload(department.systemToken(), list(fixture.inspection(department)), "")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1));

        db.update(
                "update certificate set status = 'REVOKED' where issuer = ? and cert_no = ?",
                RecordFixture.ISSUER,
                department.officerA());

        upload(department.systemToken(), list(fixture.inspection(department)), "")
                .then()
                .statusCode(200)
                .body("rejected", equalTo(1))
                .body("issues[0].errors.code", equalTo(List.of("CERTIFICATE_REVOKED", "TOO_FEW_OFFICERS")));
    }

    @Test
    void releasedClaimIsSeenByTheNextUpload() {
        RecordFixture.Department department = fixture.department();
        db.update(
                "update item_claim set status = 'RELEASED', released_at = now(), released_by = 'test', "
                        + "release_reason = 'test' where department_code = ? and item_code = ?",
                department.code(),
                department.inspectionItem());

        upload(department.systemToken(), list(fixture.inspection(department)), "")
                .then()
                .statusCode(200)
                .body("issues[0].errors.code", equalTo(List.of("ITEM_NOT_CLAIMED")));
    }
}
