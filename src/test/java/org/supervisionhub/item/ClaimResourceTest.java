package org.supervisionhub.item;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Catalog;
import org.supervisionhub.support.Concurrently;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

@QuarkusTest
class ClaimResourceTest {

    @Inject
    Catalog catalog;

    @Inject
    Db db;

    private final String nanning = Tokens.deptAdmin("NN_SCJGJ", "450100");

    private Response claim(String token, String itemCode, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON);
        if (body != null) {
            request.body(body);
        }
        return request.post("/api/v1/items/{code}/claims", itemCode);
    }

    private long activeClaims(String itemCode, String department) {
        return db.count(
                "select count(*) from item_claim where item_code = ? and department_code = ? and status = 'ACTIVE'",
                itemCode,
                department);
    }

    @Test
    void deptAdminClaimsASubItemForItsOwnDepartment() {
        String item = catalog.subItem("SAMR", "INSPECTION");

        claim(nanning, item, null)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201)
                .header("Location", notNullValue())
                .body("itemCode", equalTo(item))
                .body("departmentCode", equalTo("NN_SCJGJ"))
                .body("status", equalTo("ACTIVE"))
                .body("claimedBy", equalTo("dept-admin-NN_SCJGJ"));

        assertThat(activeClaims(item, "NN_SCJGJ")).isEqualTo(1);
    }

    @Test
    void claimWritesAuditEntryAndNationalOutboxEventInTheSameChange() {
        String item = catalog.subItem("SAMR", "PENALTY");

        long id = claim(nanning, item, "{}")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");

        assertThat(db.count(
                        "select count(*) from audit_log where action = 'CLAIM_CREATED' and entity_id = ?",
                        String.valueOf(id)))
                .isEqualTo(1);
        var events = db.rows(
                "select target, event_type, payload->>'itemCode' as item, payload->>'departmentCode' as dept "
                        + "from outbox where aggregate_type = 'item_claim' and aggregate_id = ?",
                item + ":NN_SCJGJ");
        assertThat(events).hasSize(1);
        assertThat(events.get(0))
                .containsEntry("target", "national")
                .containsEntry("event_type", "item-claim.created")
                .containsEntry("item", item)
                .containsEntry("dept", "NN_SCJGJ");
    }

    @Test
    void claimingTwiceReturnsTheExistingClaimWithoutDuplicating() {
        String item = catalog.subItem("SAMR", "INSPECTION");
        long first = claim(nanning, item, null)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");

        claim(nanning, item, null).then().statusCode(200).body("id", equalTo((int) first));

        assertThat(activeClaims(item, "NN_SCJGJ")).isEqualTo(1);
        assertThat(db.count(
                        "select count(*) from outbox where aggregate_id = ? and event_type = 'item-claim.created'",
                        item + ":NN_SCJGJ"))
                .isEqualTo(1);
    }

    @Test
    void concurrentClaimsOfOneItemBySameDepartmentLeaveExactlyOneRow() throws Exception {
        String item = catalog.subItem("SAMR", "INSPECTION");
        List<Integer> statuses =
                Concurrently.statuses(8, () -> claim(nanning, item, null).statusCode());

        assertThat(statuses).containsOnly(200, 201);
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(db.count("select count(*) from item_claim where item_code = ?", item))
                .isEqualTo(1);
        assertThat(db.count("select count(*) from outbox where aggregate_id = ?", item + ":NN_SCJGJ"))
                .isEqualTo(1);
    }

    @Test
    void releaseNeedsAReasonAndRecordsIt() {
        String item = catalog.subItem("SAMR", "INSPECTION");
        claim(nanning, item, null).then().statusCode(201);

        given().auth()
                .oauth2(nanning)
                .delete("/api/v1/items/{code}/claims/NN_SCJGJ", item)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("reason"));

        given().auth()
                .oauth2(nanning)
                .queryParam("reason", "职能调整")
                .delete("/api/v1/items/{code}/claims/NN_SCJGJ", item)
                .then()
                .statusCode(200)
                .body("status", equalTo("RELEASED"))
                .body("releaseReason", equalTo("职能调整"));

        assertThat(activeClaims(item, "NN_SCJGJ")).isZero();
        assertThat(db.count(
                        "select count(*) from outbox where aggregate_id = ? and event_type = 'item-claim.released'",
                        item + ":NN_SCJGJ"))
                .isEqualTo(1);
    }

    @Test
    void releasingAgainReturnsTheReleasedClaimAndChangesNothing() {
        String item = catalog.subItem("SAMR", "OTHER");
        claim(nanning, item, null).then().statusCode(201);
        given().auth()
                .oauth2(nanning)
                .queryParam("reason", "职能调整")
                .delete("/api/v1/items/{code}/claims/NN_SCJGJ", item)
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(nanning)
                .queryParam("reason", "重试")
                .delete("/api/v1/items/{code}/claims/NN_SCJGJ", item)
                .then()
                .statusCode(200)
                .body("status", equalTo("RELEASED"))
                .body("releaseReason", equalTo("职能调整"));

        assertThat(db.count(
                        "select count(*) from outbox where aggregate_id = ? and event_type = 'item-claim.released'",
                        item + ":NN_SCJGJ"))
                .isEqualTo(1);
    }

    @Test
    void releasingANeverClaimedItemIsNotFound() {
        String item = catalog.subItem("SAMR", "OTHER");

        given().auth()
                .oauth2(nanning)
                .queryParam("reason", "职能调整")
                .delete("/api/v1/items/{code}/claims/NN_SCJGJ", item)
                .then()
                .statusCode(404)
                .body("code", equalTo("CLAIM_NOT_FOUND"));
    }

    @Test
    void releaseThenReclaimKeepsHistoryAndOneActiveClaim() {
        String item = catalog.subItem("SAMR", "INSPECTION");
        claim(nanning, item, null).then().statusCode(201);
        given().auth()
                .oauth2(nanning)
                .queryParam("reason", "误认领")
                .delete("/api/v1/items/{code}/claims/NN_SCJGJ", item)
                .then()
                .statusCode(200);

        claim(nanning, item, null).then().statusCode(201).body("status", equalTo("ACTIVE"));

        assertThat(db.count("select count(*) from item_claim where item_code = ?", item))
                .isEqualTo(2);
        assertThat(activeClaims(item, "NN_SCJGJ")).isEqualTo(1);
        given().auth()
                .oauth2(nanning)
                .get("/api/v1/items/{code}/claims", item)
                .then()
                .statusCode(200)
                .body("$", hasSize(2))
                .body("[0].status", equalTo("ACTIVE"))
                .body("[1].status", equalTo("RELEASED"));
    }

    @Test
    void deptAdminCannotClaimForAnotherDepartment() {
        String item = catalog.subItem("SAMR", "INSPECTION");

        claim(nanning, item, "{\"departmentCode\":\"LZ_SCJGJ\"}")
                .then()
                .statusCode(403)
                .body("code", equalTo("DEPARTMENT_OUT_OF_SCOPE"));

        assertThat(db.count("select count(*) from item_claim where item_code = ?", item))
                .isZero();
    }

    @Test
    void foreignDepartmentAndUnknownDepartmentGetTheSameAnswer() {
        String item = catalog.subItem("SAMR", "INSPECTION");
        String nanningRegionAdmin = Tokens.regionAdmin("450100");

        Response existing = claim(nanningRegionAdmin, item, "{\"departmentCode\":\"LZ_SCJGJ\"}");
        Response unknown = claim(nanningRegionAdmin, item, "{\"departmentCode\":\"NO_SUCH_DEPT\"}");

        assertThat(existing.statusCode()).isEqualTo(403);
        assertThat(unknown.statusCode()).isEqualTo(403);
        assertThat(existing.jsonPath().getString("detail"))
                .isEqualTo(unknown.jsonPath().getString("detail"));
    }

    @Test
    void deptAdminCannotReleaseAnotherDepartmentsClaim() {
        String item = catalog.subItem("SAMR", "INSPECTION");
        claim(Tokens.deptAdmin("LZ_SCJGJ", "450200"), item, null).then().statusCode(201);

        given().auth()
                .oauth2(nanning)
                .queryParam("reason", "越权")
                .delete("/api/v1/items/{code}/claims/LZ_SCJGJ", item)
                .then()
                .statusCode(403)
                .body("code", equalTo("DEPARTMENT_OUT_OF_SCOPE"));

        assertThat(activeClaims(item, "LZ_SCJGJ")).isEqualTo(1);
    }

    @Test
    void regionAdminClaimsForADepartmentOfItsRegion() {
        String item = catalog.subItem("SAMR", "INSPECTION");

        claim(Tokens.regionAdmin("450000"), item, "{\"departmentCode\":\"LZ_SCJGJ\"}")
                .then()
                .statusCode(201)
                .body("departmentCode", equalTo("LZ_SCJGJ"));
    }

    @Test
    void regionAdminCannotClaimOutsideItsRegion() {
        String item = catalog.subItem("SAMR", "INSPECTION");

        claim(Tokens.regionAdmin("450000"), item, "{\"departmentCode\":\"GZ_SCJGJ\"}")
                .then()
                .statusCode(403)
                .body("code", equalTo("DEPARTMENT_OUT_OF_SCOPE"));
    }

    @Test
    void officerMayNotClaim() {
        String item = catalog.subItem("SAMR", "INSPECTION");

        claim(Tokens.withRoles("officer-1", List.of("officer"), "NN_SCJGJ", "450100"), item, null)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void claimWithoutTokenIsUnauthenticated() {
        String item = catalog.subItem("SAMR", "INSPECTION");

        given().contentType(ContentType.JSON)
                .post("/api/v1/items/{code}/claims", item)
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void mainItemsAreNotClaimable() {
        String main = catalog.mainItem("SAMR");

        claim(nanning, main, null).then().statusCode(422).body("code", equalTo("ITEM_NOT_CLAIMABLE"));
    }

    @Test
    void itemsOutsideTheDepartmentsSectorsAreRefused() {
        String environmental = catalog.subItem("MEE", "INSPECTION");

        claim(nanning, environmental, null)
                .then()
                .statusCode(422)
                .body("code", equalTo("ITEM_OUTSIDE_DEPARTMENT_SECTORS"));
        claim(Tokens.deptAdmin("NN_ZHZFJ", "450100"), environmental, null)
                .then()
                .statusCode(201);
    }

    @Test
    void unknownItemIsNotFoundAndMalformedCodeIsInvalid() {
        claim(nanning, "45999999999999", null).then().statusCode(404).body("code", equalTo("ITEM_NOT_FOUND"));
        claim(nanning, "4599", null)
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("code"))
                .body("errors[0].code", equalTo("ITEM_CODE_INVALID"));
    }

    @Test
    void cancelledItemCannotBeClaimed() {
        String item = catalog.subItem("SAMR", "INSPECTION");
        db.update("update catalog_item set status = 'CANCELLED' where code = ?", item);

        claim(nanning, item, null).then().statusCode(409).body("code", equalTo("ITEM_NOT_IN_USE"));
    }

    @Test
    void claimListShowsOnlyDepartmentsInTheCallersScope() {
        String item = catalog.subItem("SAMR", "INSPECTION");
        claim(nanning, item, null).then().statusCode(201);
        claim(Tokens.deptAdmin("LZ_SCJGJ", "450200"), item, null).then().statusCode(201);

        given().auth()
                .oauth2(nanning)
                .get("/api/v1/items/{code}/claims", item)
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].departmentCode", equalTo("NN_SCJGJ"));
        given().auth()
                .oauth2(Tokens.regionAdmin("450000"))
                .get("/api/v1/items/{code}/claims", item)
                .then()
                .statusCode(200)
                .body("$", hasSize(2));
    }
}
