package org.supervisionhub.permit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supervisionhub.record.RecordFixture;
import org.supervisionhub.support.CreditCodeGenerator;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

/** 审管联动 through the approval system's adapter: follow-ups for bound items, candidates for unbound ones. */
@QuarkusTest
class PermitBindingTest {

    @Inject
    RecordFixture fixture;

    @Inject
    Db db;

    private static Response send(RecordFixture.Department issuer, String permitNumber, String permitItem, String name) {
        Map<String, Object> permit = Map.of(
                "xkzh",
                permitNumber,
                "sxbm",
                permitItem,
                "sxmc",
                name,
                "tyshxydm",
                CreditCodeGenerator.enterprise("450100"),
                "qymc",
                "南宁某某餐饮有限公司",
                "xzqh",
                "450103",
                "fzrq",
                "20261118");
        return given().auth()
                .oauth2(Tokens.withRoles("system-approval", List.of("system"), issuer.code(), "450100"))
                .contentType(ContentType.JSON)
                .body(Map.of("permits", List.of(permit)))
                .post("/api/v1/adapters/approval/inbound/permits");
    }

    @Test
    void unboundPermitIsKeptWithCandidatesAndBindingOpensItsFollowUp() {
        RecordFixture.Department claimer = fixture.department();
        String permitItem = "XK-" + System.nanoTime();
        String permitNumber = "JY" + System.nanoTime();
        String itemName = (String) db.single("select name from catalog_item where code = ?", claimer.inspectionItem());

        send(claimer, permitNumber, permitItem, itemName)
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1))
                .body("warned", equalTo(1))
                .body("issues[0].warnings[0].code", equalTo("PERMIT_ITEM_UNBOUND"))
                .body("issues[0].warnings[0].message", containsString(claimer.inspectionItem()));

        given().auth()
                .oauth2(claimer.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("permitItemCode", permitItem, "itemCode", claimer.inspectionItem()))
                .post("/api/v1/permits/bindings")
                .then()
                .statusCode(200)
                .body("followupsOpened", equalTo(1));

        given().auth()
                .oauth2(claimer.adminToken())
                .get("/api/v1/permits/followups")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].permitNumber", equalTo(permitNumber))
                .body("[0].itemCode", equalTo(claimer.inspectionItem()))
                .body("[0].status", equalTo("OPEN"));
    }

    @Test
    void permitOfABoundItemOpensAFollowUpOnceAndCountsInTheBindingRate() {
        RecordFixture.Department department = fixture.department();
        String bound = "XK-B-" + System.nanoTime();
        String unbound = "XK-U-" + System.nanoTime();
        db.update(
                "insert into permit_binding (permit_item_code, item_code, bound_by) values (?, ?, 'test')",
                bound,
                department.inspectionItem());
        String permitNumber = "JY" + System.nanoTime();

        send(department, permitNumber, bound, "食品经营许可")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1))
                .body("warned", equalTo(0));
        send(department, permitNumber, bound, "食品经营许可").then().statusCode(200).body("unchanged", equalTo(1));
        send(department, "JY" + System.nanoTime(), unbound, "某未绑定许可").then().statusCode(200);

        assertThat(db.count(
                        "select count(*) from permit_followup f join permit p on p.id = f.permit_id "
                                + "where p.permit_number = ? and f.department_code = ?",
                        permitNumber,
                        department.code()))
                .isEqualTo(1);
        given().auth()
                .oauth2(department.adminToken())
                .get("/api/v1/stats/permit-binding")
                .then()
                .statusCode(200)
                .body("[0].departmentCode", equalTo(department.code()))
                .body("[0].permitItems", equalTo(2))
                .body("[0].boundItems", equalTo(1))
                .body("[0].bindingRate", equalTo(0.5f));
        given().auth()
                .oauth2(department.adminToken())
                .get("/api/v1/stats/permit-binding?department=GX_SCJGJ")
                .then()
                .statusCode(403);
    }

    @Test
    void permitWithAnInvalidSubjectCodeIsRejected() {
        RecordFixture.Department department = fixture.department();
        given().auth()
                .oauth2(Tokens.withRoles("system-approval", List.of("system"), department.code(), "450100"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "permits",
                        List.of(Map.of(
                                "xkzh",
                                "JY-BAD",
                                "sxbm",
                                "XK-1",
                                "sxmc",
                                "许可",
                                "tyshxydm",
                                "91350100M000100Y44",
                                "qymc",
                                "某公司",
                                "xzqh",
                                "450103",
                                "fzrq",
                                "20261118"))))
                .post("/api/v1/adapters/approval/inbound/permits")
                .then()
                .statusCode(200)
                .body("rejected", equalTo(1))
                .body("issues[0].errors[0].field", equalTo("subjectCreditCode"));
        given().auth()
                .oauth2(department.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("permitItemCode", "XK-1", "itemCode", "47999999999999"))
                .post("/api/v1/permits/bindings")
                .then()
                .statusCode(404);
    }
}
