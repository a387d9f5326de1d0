package org.supervisionhub.risk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supervisionhub.record.RecordFixture;
import org.supervisionhub.support.CreditCodeGenerator;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

/**
 * Each shipped model fires on a fixture and not on a near miss; a finding becomes one routed risk clue, updated rather
 * than raised again while open; the department's answer closes it and counts in the model's figures. Evaluated only
 * over each test's own subjects, so no other test's data raises clues.
 */
@QuarkusTest
class RiskModelTest {

    private static final String REGION = "450100";

    @Inject
    RecordFixture fixture;

    @Inject
    RiskPasses passes;

    @Inject
    RiskModels models;

    @Inject
    RiskEvaluator evaluator;

    @Inject
    RiskClues clues;

    @Inject
    Db db;

    @Test
    void threeComplaintsRaiseOneComplaintsSurgeClueRoutedLikeANationalOne() {
        RecordFixture.Department department = fixture.department("451226");
        String subject = CreditCodeGenerator.enterprise("451226");
        complaints(department, subject, 3);

        Map<RiskClues.Outcome, Integer> outcomes = passes.evaluate(List.of(subject));

        assertThat(outcomes).containsEntry(RiskClues.Outcome.RAISED, 1);
        Map<String, Object> clue = db.rows(
                        "select national_id, risk_level, department_code, payload ->> 'ruleId' as rule,"
                                + " payload -> 'props' -> 'COMPLAINTS' ->> 'value' as complaints, status"
                                + " from national_case where kind = 'RISK_CLUE' and subject_credit_code = ?",
                        subject)
                .get(0);
        assertThat(clue)
                .containsEntry("risk_level", "P2")
                .containsEntry("rule", "complaints-surge")
                .containsEntry("complaints", "3")
                .containsEntry("department_code", department.code())
                .containsEntry("status", "ASSIGNED");
        assertThat((String) clue.get("national_id")).startsWith("HUB-RISK-");
        assertThat(db.count(
                        "select count(*) from outbox where event_type = 'risk-clue.raised' and payload ->> 'subjectCreditCode' = ?",
                        subject))
                .isEqualTo(1);
        assertThat(db.count(
                        "select count(*) from audit_log where action = 'RISK_CLUE_RAISED' and detail ->> 'subject' = ?",
                        subject))
                .isEqualTo(1);
    }

    @Test
    void twoComplaintsAreANearMiss() {
        RecordFixture.Department department = fixture.department();
        String subject = CreditCodeGenerator.enterprise(REGION);
        complaints(department, subject, 2);

        assertThat(findings("complaints-surge", subject)).isEmpty();
    }

    @Test
    void anOpenHitIsUpdatedNotRaisedAgain() {
        RecordFixture.Department department = fixture.department();
        String subject = CreditCodeGenerator.enterprise(REGION);
        complaints(department, subject, 3);
        passes.evaluate(List.of(subject));
        complaints(department, subject, 1);

        assertThat(passes.evaluate(List.of(subject))).containsEntry(RiskClues.Outcome.UPDATED, 1);
        assertThat(passes.evaluate(List.of(subject))).containsEntry(RiskClues.Outcome.UNCHANGED, 1);

        assertThat(db.count(
                        "select count(*) from national_case where kind = 'RISK_CLUE' and subject_credit_code = ?",
                        subject))
                .isEqualTo(1);
        assertThat(db.single(
                        "select evidence -> 'COMPLAINTS' ->> 'value' from risk_hit where subject_credit_code = ?",
                        subject))
                .isEqualTo("4");
    }

    @Test
    void repeatOffenderFiresOnTwoPenaltiesAndAComplaint() {
        RecordFixture.Department department = fixture.department();
        String subject = CreditCodeGenerator.enterprise(REGION);
        penalties(department, subject, 2);
        complaints(department, subject, 1);

        assertThat(findings("repeat-offender", subject))
                .singleElement()
                .satisfies(finding -> assertThat(finding.score()).isEqualByComparingTo("3"));
    }

    @Test
    void twoPenaltiesAloneAreANearMissForRepeatOffender() {
        RecordFixture.Department department = fixture.department();
        String subject = CreditCodeGenerator.enterprise(REGION);
        penalties(department, subject, 2);

        assertThat(findings("repeat-offender", subject)).isEmpty();
    }

    @Test
    void creditDeteriorationFiresOnAListedSubjectRatedC() {
        String subject = librarySubject("C", true);

        assertThat(findings("credit-deterioration", subject)).hasSize(1);
    }

    @Test
    void aLowRatingWithOnePenaltyIsANearMissForCreditDeterioration() {
        RecordFixture.Department department = fixture.department();
        String subject = librarySubject("D", false);
        penalties(department, subject, 1);

        assertThat(findings("credit-deterioration", subject)).isEmpty();
    }

    @Test
    void aPermitWithoutAnInspectionForNinetyDaysFires() {
        RecordFixture.Department department = fixture.department();
        String subject = CreditCodeGenerator.enterprise(REGION);
        permit(department, subject, 100);

        assertThat(findings("permit-without-followup", subject)).hasSize(1);
    }

    @Test
    void aPermitFollowedByAnInspectionIsANearMiss() {
        RecordFixture.Department department = fixture.department();
        String subject = CreditCodeGenerator.enterprise(REGION);
        permit(department, subject, 100);
        inspections(List.of(department), subject);

        assertThat(findings("permit-without-followup", subject)).isEmpty();
    }

    @Test
    void threeDepartmentsInspectingOneBusinessFire() {
        String subject = CreditCodeGenerator.enterprise(REGION);
        inspections(List.of(fixture.department(), fixture.department(), fixture.department()), subject);

        assertThat(findings("repeated-inspections", subject))
                .singleElement()
                .satisfies(
                        finding -> assertThat(finding.evidence().get(0).value()).isEqualTo(3));
    }

    @Test
    void twoDepartmentsInspectingAreANearMiss() {
        String subject = CreditCodeGenerator.enterprise(REGION);
        inspections(List.of(fixture.department(), fixture.department()), subject);

        assertThat(findings("repeated-inspections", subject)).isEmpty();
    }

    @Test
    void theAnswerClosesTheHitAndCountsInTheModelsFigures() {
        RecordFixture.Department department = fixture.department("451225");
        String subject = CreditCodeGenerator.enterprise("451225");
        complaints(department, subject, 3);
        passes.evaluate(List.of(subject));
        long clue = ((Number) db.single(
                        "select id from national_case where kind = 'RISK_CLUE' and subject_credit_code = ?", subject))
                .longValue();

        given().auth()
                .oauth2(department.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("result", "经现场核查，投诉属实，已立案", "riskConfirmed", true))
                .post("/api/v1/risk-clues/" + clue + "/feedback")
                .then()
                .statusCode(200)
                .body("riskConfirmed", equalTo(true));
        assertThat(clues.closeAnswered()).isPositive();

        given().auth()
                .oauth2(Tokens.regionAdmin("451225"))
                .get("/api/v1/risk-models/complaints-surge")
                .then()
                .statusCode(200)
                .body("model.id", equalTo("complaints-surge"))
                .body("hits", equalTo(1))
                .body("closed", equalTo(1))
                .body("confirmed", equalTo(1))
                .body("confirmedRate", equalTo(1.0f));
        assertThat(db.single("select confirmed from risk_hit where subject_credit_code = ?", subject))
                .isEqualTo(true);
    }

    @Test
    void aChangedRecordNamesItsSubjectToTheIncrementalPass() {
        OffsetDateTime before =
                ((java.sql.Timestamp) db.single("select now()")).toInstant().atOffset(java.time.ZoneOffset.UTC);
        RecordFixture.Department department = fixture.department();
        String subject = CreditCodeGenerator.enterprise(REGION);
        penalties(department, subject, 1);

        OffsetDateTime after = ((java.sql.Timestamp) db.single("select now() + interval '1 second'"))
                .toInstant()
                .atOffset(java.time.ZoneOffset.UTC);

        assertThat(passes.changedSince(before, "", after).subjects()).contains(subject);
        assertThat(passes.changedSince(before, "", before).subjects()).doesNotContain(subject);
    }

    @Test
    void anOfficerMayNotReadTheModels() {
        given().auth()
                .oauth2(Tokens.withRoles("officer-risk", List.of("officer"), "T_ANY", REGION))
                .get("/api/v1/risk-models")
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void anUnknownModelIsNotFound() {
        given().auth()
                .oauth2(Tokens.hubAdmin())
                .get("/api/v1/risk-models/no-such-model")
                .then()
                .statusCode(404)
                .body("code", equalTo("RISK_MODEL_NOT_FOUND"));
    }

    private List<RiskEvaluator.Finding> findings(String model, String subject) {
        return evaluator.evaluate(models.find(model).orElseThrow(), List.of(subject));
    }

    private void complaints(RecordFixture.Department department, String subject, int count) {
        for (int i = 0; i < count; i++) {
            upload(department, about(fixture.complaint(department), subject));
        }
    }

    private void penalties(RecordFixture.Department department, String subject, int count) {
        for (int i = 0; i < count; i++) {
            upload(department, about(fixture.penalty(department), subject));
        }
    }

    private void inspections(List<RecordFixture.Department> departments, String subject) {
        for (RecordFixture.Department department : departments) {
            upload(department, about(fixture.inspection(department), subject));
        }
    }

    private void permit(RecordFixture.Department department, String subject, int daysAgo) {
        db.update("""
                insert into permit (source_system, permit_number, permit_item_code, permit_item_name, subject_credit_code,
                                    subject_name, region_code, issuing_department, issued_date)
                values ('risk-test', ?, 'XK-RISK', '食品经营许可', ?, '风险测试公司', ?, ?, current_date - ?)""", "P-" + subject, subject, department.regionCode(), department.code(), daysAgo);
    }

    private String librarySubject(String creditLevel, boolean abnormalListed) {
        String subject = CreditCodeGenerator.enterprise(REGION);
        db.update("""
                insert into subject (credit_code, subject_type, name, region_code, credit_level, abnormal_listed)
                values (?, 'ENTERPRISE', '风险测试有限公司', ?, ?, ?)""", subject, REGION, creditLevel, abnormalListed);
        return subject;
    }

    private static Map<String, Object> about(Map<String, Object> record, String subject) {
        record.put(
                "subject",
                new LinkedHashMap<>(Map.of("type", "ENTERPRISE", "name", "风险测试有限公司", "creditCode", subject)));
        return record;
    }

    private void upload(RecordFixture.Department department, Map<String, Object> record) {
        fixture.stored(department, record);
    }
}
