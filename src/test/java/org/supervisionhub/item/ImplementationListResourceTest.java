package org.supervisionhub.item;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supervisionhub.common.code.CreditCodes;
import org.supervisionhub.support.Catalog;
import org.supervisionhub.support.Concurrently;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

@QuarkusTest
class ImplementationListResourceTest {

    private static final String PATH = "/api/v1/items/{code}/claims/{department}/implementation-list";

    @Inject
    Catalog catalog;

    @Inject
    Db db;

    private final String nanning = Tokens.deptAdmin("NN_SCJGJ", "450100");
    private final String liuzhou = Tokens.deptAdmin("LZ_SCJGJ", "450200");

    /** Nanning's credit code, as the fixture registers it. */
    private String nanningCredit;

    @BeforeEach
    void readNanningCreditCode() {
        nanningCredit = (String) db.single("select credit_code from department where code = 'NN_SCJGJ'");
    }

    /** A valid credit code computed with the checksum, not guessed: 11450100MB0000099 + check character. */
    private static String validCreditCode(String first17) {
        return first17 + CreditCodes.checkCharacter(first17);
    }

    private Map<String, Object> list(String creditCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("implementingBodyName", "南宁市市场监督管理局");
        body.put("implementingBodyCreditCode", creditCode);
        body.put("exerciseLevel", 3);
        body.put("supervisedObject", "食品生产企业");
        body.put("checkForm", "ON_SITE");
        body.put("randomInspection", true);
        body.put("samplingProportion", new BigDecimal("5.00"));
        body.put("frequencyTimes", 1);
        body.put("frequencyPeriod", "YEAR");
        body.put("checkContent", "生产环境条件、进货查验、生产过程控制");
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    private Response put(String token, String item, String department, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .put(PATH, item, department);
    }

    private String claimedInspectionItem(String token) {
        String item = catalog.subItem("SAMR", "INSPECTION");
        claim(token, item);
        return item;
    }

    private void claim(String token, String item) {
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .post("/api/v1/items/{code}/claims", item)
                .then()
                .statusCode(201);
    }

    private long lists(String item) {
        return db.count("select count(*) from implementation_list where item_code = ?", item);
    }

    private long events(String item, String department) {
        return db.count(
                "select count(*) from outbox where aggregate_type = 'implementation_list' and aggregate_id = ?",
                item + ":" + department);
    }

    // ---- writes -----------------------------------------------------------------------------------

    @Test
    void createAfterClaimGeneratesTheListCodeAndStoresTheList() {
        String item = claimedInspectionItem(nanning);

        put(nanning, item, "NN_SCJGJ", list(nanningCredit))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/items/" + item + "/claims/NN_SCJGJ/implementation-list"))
                .body("listCode", equalTo(nanningCredit + "3" + item))
                .body("itemCode", equalTo(item))
                .body("departmentCode", equalTo("NN_SCJGJ"))
                .body("exerciseLevel", equalTo(3))
                .body("version", equalTo(1))
                .body("updatedBy", equalTo("dept-admin-NN_SCJGJ"));

        var rows = db.rows(
                "select list_code, department_code, version, sampling_proportion, frequency_period "
                        + "from implementation_list where item_code = ?",
                item);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0))
                .containsEntry("list_code", nanningCredit + "3" + item)
                .containsEntry("department_code", "NN_SCJGJ")
                .containsEntry("version", 1)
                .containsEntry("frequency_period", "YEAR");
        assertThat((BigDecimal) rows.get(0).get("sampling_proportion")).isEqualByComparingTo("5");
    }

    @Test
    void explicitListCodeIsKept() {
        String item = claimedInspectionItem(nanning);
        String listCode = nanningCredit + "3" + "A" + item;

        put(nanning, item, "NN_SCJGJ", with(list(nanningCredit), "listCode", listCode))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201)
                .body("listCode", equalTo(listCode));

        assertThat(db.single("select list_code from implementation_list where item_code = ?", item))
                .isEqualTo(listCode);
    }

    @Test
    void identicalResendIsUnchanged() {
        String item = claimedInspectionItem(nanning);
        put(nanning, item, "NN_SCJGJ", list(nanningCredit)).then().statusCode(201);

        put(nanning, item, "NN_SCJGJ", list(nanningCredit))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .header("Hub-Outcome", "UNCHANGED")
                .body("version", equalTo(1));

        assertThat(db.single("select version from implementation_list where item_code = ?", item))
                .isEqualTo(1);
        assertThat(events(item, "NN_SCJGJ")).isEqualTo(1);
        assertThat(db.count(
                        "select count(*) from audit_log where entity_type = 'implementation_list' and entity_id = ?",
                        nanningCredit + "3" + item))
                .isEqualTo(1);
    }

    @Test
    void changedListIsANewVersion() {
        String item = claimedInspectionItem(nanning);
        put(nanning, item, "NN_SCJGJ", list(nanningCredit)).then().statusCode(201);

        put(nanning, item, "NN_SCJGJ", with(list(nanningCredit), "checkContent", "生产过程控制、产品检验"))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .header("Hub-Outcome", "UPDATED")
                .body("version", equalTo(2))
                .body("checkContent", equalTo("生产过程控制、产品检验"));

        var row = db.rows("select version, check_content from implementation_list where item_code = ?", item)
                .get(0);
        assertThat(row).containsEntry("version", 2).containsEntry("check_content", "生产过程控制、产品检验");
        assertThat(events(item, "NN_SCJGJ")).isEqualTo(2);
        assertThat(db.count(
                        "select count(*) from audit_log where action = 'IMPLEMENTATION_LIST_UPDATED' and entity_id = ?",
                        nanningCredit + "3" + item))
                .isEqualTo(1);
    }

    @Test
    void writeRecordsAuditEntryAndNationalOutboxEvent() {
        String item = claimedInspectionItem(nanning);

        put(nanning, item, "NN_SCJGJ", list(nanningCredit)).then().statusCode(201);

        String listCode = nanningCredit + "3" + item;
        assertThat(db.count(
                        "select count(*) from audit_log where action = 'IMPLEMENTATION_LIST_CREATED' and entity_id = ?",
                        listCode))
                .isEqualTo(1);
        var rows = db.rows(
                "select target, event_type, payload->>'listCode' as list_code, payload->>'itemCode' as item, "
                        + "payload->>'departmentCode' as dept from outbox where aggregate_type = 'implementation_list' "
                        + "and aggregate_id = ?",
                item + ":NN_SCJGJ");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0))
                .containsEntry("target", "national")
                .containsEntry("event_type", "implementation-list.upserted")
                .containsEntry("list_code", listCode)
                .containsEntry("item", item)
                .containsEntry("dept", "NN_SCJGJ");
    }

    @Test
    void concurrentCreatesLeaveOneListAndNeverFailWithAServerError() throws Exception {
        String item = claimedInspectionItem(nanning);
        List<Integer> statuses = Concurrently.statuses(
                8, () -> put(nanning, item, "NN_SCJGJ", list(nanningCredit)).statusCode());

        assertThat(statuses).isSubsetOf(200, 201, 409);
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(lists(item)).isEqualTo(1);
        assertThat(events(item, "NN_SCJGJ")).isEqualTo(1);
    }

    // ---- business rules ---------------------------------------------------------------------------

    @Test
    void listWithoutActiveClaimIsConflict() {
        String item = catalog.subItem("SAMR", "INSPECTION");

        put(nanning, item, "NN_SCJGJ", list(nanningCredit))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("CLAIM_REQUIRED"));

        assertThat(lists(item)).isZero();
        assertThat(events(item, "NN_SCJGJ")).isZero();
    }

    @Test
    void listAfterTheClaimWasReleasedIsConflict() {
        String item = claimedInspectionItem(nanning);
        given().auth()
                .oauth2(nanning)
                .queryParam("reason", "职能调整")
                .delete("/api/v1/items/{code}/claims/NN_SCJGJ", item)
                .then()
                .statusCode(200);

        put(nanning, item, "NN_SCJGJ", list(nanningCredit))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(409)
                .body("code", equalTo("CLAIM_REQUIRED"));

        assertThat(lists(item)).isZero();
    }

    @Test
    void penaltyItemHasNoImplementationList() {
        String item = catalog.subItem("SAMR", "PENALTY");
        claim(nanning, item);

        put(nanning, item, "NN_SCJGJ", list(nanningCredit))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(422)
                .body("code", equalTo("ITEM_NOT_INSPECTION"));

        assertThat(lists(item)).isZero();
    }

    @Test
    void aDepartmentNamingAnotherDepartmentAsItsImplementingBodyIsRefusedAndCannotTakeItsListCode() {
        String item = claimedInspectionItem(nanning);
        claim(liuzhou, item);
        String listCode = nanningCredit + "3" + item;
        put(nanning, item, "NN_SCJGJ", list(nanningCredit)).then().statusCode(201);

        put(liuzhou, item, "LZ_SCJGJ", with(list(nanningCredit), "listCode", listCode))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("IMPLEMENTING_BODY_NOT_OWN"))
                .body("errors[0].field", equalTo("implementingBodyCreditCode"))
                .body("errors[0].code", equalTo("IMPLEMENTING_BODY_NOT_OWN"));

        var rows = db.rows("select department_code from implementation_list where list_code = ?", listCode);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("department_code", "NN_SCJGJ");
        assertThat(db.count(
                        "select count(*) from implementation_list where department_code = 'LZ_SCJGJ' and item_code = ?",
                        item))
                .isZero();
        assertThat(events(item, "LZ_SCJGJ")).isZero();
    }

    @Test
    void aListNamingAnImplementingBodyThatIsNoDepartmentIsRefused() {
        String item = claimedInspectionItem(nanning);

        put(nanning, item, "NN_SCJGJ", list(validCreditCode("11450100MB0000099")))
                .then()
                .statusCode(403)
                .body("code", equalTo("IMPLEMENTING_BODY_NOT_OWN"))
                .body("errors[0].field", equalTo("implementingBodyCreditCode"));

        assertThat(lists(item)).isZero();
    }

    // ---- validation -------------------------------------------------------------------------------

    @Test
    void creditCodeWithWrongCheckCharacterIsRejected() {
        String item = claimedInspectionItem(nanning);
        String valid = nanningCredit;
        char wrong = valid.charAt(17) == '0' ? '1' : '0';
        String invalid = valid.substring(0, 17) + wrong;
        put(nanning, item, "NN_SCJGJ", list(valid)).then().statusCode(201);

        put(nanning, item, "NN_SCJGJ", list(invalid))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body(
                        "errors.findAll { it.field == 'implementingBodyCreditCode' }.code",
                        hasItem("CREDIT_CODE_INVALID"));

        assertThat(db.single("select implementing_body_credit_code from implementation_list where item_code = ?", item))
                .isEqualTo(valid);
    }

    @Test
    void exerciseLevelAboveFiveIsRejected() {
        String item = claimedInspectionItem(nanning);

        put(nanning, item, "NN_SCJGJ", with(list(nanningCredit), "exerciseLevel", 6))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .body("errors[0].field", equalTo("exerciseLevel"))
                .body("errors[0].code", equalTo("OUT_OF_RANGE"));

        assertThat(lists(item)).isZero();
    }

    @Test
    void samplingProportionAboveHundredIsRejected() {
        String item = claimedInspectionItem(nanning);

        put(nanning, item, "NN_SCJGJ", with(list(nanningCredit), "samplingProportion", new BigDecimal("100.5")))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .body("errors[0].field", equalTo("samplingProportion"))
                .body("errors[0].code", equalTo("OUT_OF_RANGE"));

        assertThat(lists(item)).isZero();
    }

    @Test
    void samplingProportionWithThreeDecimalsIsRejected() {
        String item = claimedInspectionItem(nanning);

        put(nanning, item, "NN_SCJGJ", with(list(nanningCredit), "samplingProportion", new BigDecimal("5.123")))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .body("errors[0].field", equalTo("samplingProportion"))
                .body("errors[0].code", equalTo("TOO_MANY_DIGITS"));

        assertThat(lists(item)).isZero();
    }

    @Test
    void randomInspectionWithoutSamplingProportionIsRejected() {
        String item = claimedInspectionItem(nanning);

        put(nanning, item, "NN_SCJGJ", with(list(nanningCredit), "samplingProportion", null))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .body("errors[0].field", equalTo("samplingProportion"))
                .body("errors[0].code", equalTo("REQUIRED"));

        assertThat(lists(item)).isZero();
    }

    @Test
    void frequencyTimesWithoutPeriodIsRejected() {
        String item = claimedInspectionItem(nanning);

        put(nanning, item, "NN_SCJGJ", with(list(nanningCredit), "frequencyPeriod", null))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .body("errors[0].field", equalTo("frequencyPeriod"))
                .body("errors[0].code", equalTo("REQUIRED"));

        assertThat(lists(item)).isZero();
    }

    @Test
    void listCodeOfAnotherImplementingBodyIsRejected() {
        String item = claimedInspectionItem(nanning);
        String otherBody = validCreditCode("11450100MB0000099");

        put(nanning, item, "NN_SCJGJ", with(list(nanningCredit), "listCode", otherBody + "3" + item))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("listCode"))
                .body("errors[0].code", equalTo("LIST_CODE_MISMATCH"));

        assertThat(lists(item)).isZero();
    }

    // ---- scope and reads --------------------------------------------------------------------------

    @Test
    void otherDepartmentsAdminCanNeitherReadNorWriteTheList() {
        String item = claimedInspectionItem(nanning);
        put(nanning, item, "NN_SCJGJ", list(nanningCredit)).then().statusCode(201);

        given().auth()
                .oauth2(liuzhou)
                .get(PATH, item, "NN_SCJGJ")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(403)
                .body("code", equalTo("DEPARTMENT_OUT_OF_SCOPE"));
        put(liuzhou, item, "NN_SCJGJ", with(list(nanningCredit), "checkContent", "越权修改"))
                .then()
                .statusCode(403)
                .body("code", equalTo("DEPARTMENT_OUT_OF_SCOPE"));

        var row = db.rows("select version, check_content from implementation_list where item_code = ?", item)
                .get(0);
        assertThat(row).containsEntry("version", 1).containsEntry("check_content", "生产环境条件、进货查验、生产过程控制");
    }

    @Test
    void getReturnsTheDepartmentsList() {
        String item = claimedInspectionItem(nanning);
        put(nanning, item, "NN_SCJGJ", list(nanningCredit)).then().statusCode(201);

        given().auth()
                .oauth2(nanning)
                .get(PATH, item, "NN_SCJGJ")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("listCode", equalTo(nanningCredit + "3" + item))
                .body("implementingBodyCreditCode", equalTo(nanningCredit))
                .body("checkForm", equalTo("ON_SITE"))
                .body("randomInspection", equalTo(true))
                .body("frequencyTimes", equalTo(1))
                .body("frequencyPeriod", equalTo("YEAR"));
        given().auth()
                .oauth2(Tokens.regionAdmin("450000"))
                .get(PATH, item, "NN_SCJGJ")
                .then()
                .statusCode(200)
                .body("itemCode", equalTo(item));

        assertThat(lists(item)).isEqualTo(1);
    }

    @Test
    void getOfAMissingListIsNotFound() {
        String item = claimedInspectionItem(nanning);

        given().auth()
                .oauth2(nanning)
                .get(PATH, item, "NN_SCJGJ")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("IMPLEMENTATION_LIST_NOT_FOUND"));

        assertThat(lists(item)).isZero();
    }
}
