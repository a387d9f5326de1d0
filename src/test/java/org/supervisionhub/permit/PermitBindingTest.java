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

    private static Response bind(String token, String permitItem, String item) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("permitItemCode", permitItem, "itemCode", item))
                .post("/api/v1/permits/bindings");
    }

    private long followups(String permitNumber, String department) {
        return db.count(
                "select count(*) from permit_followup f join permit p on p.id = f.permit_id "
                        + "where p.permit_number = ? and f.department_code = ?",
                permitNumber,
                department);
    }

    /** A second department (of {@code region}) that has claimed the same inspection item as {@code first}. */
    private RecordFixture.Department alsoClaiming(RecordFixture.Department first, String region) {
        RecordFixture.Department other = fixture.department(region);
        db.update(
                "insert into item_claim (item_code, department_code, status, claimed_by) values (?, ?, 'ACTIVE', 'test')",
                first.inspectionItem(),
                other.code());
        return other;
    }

    @Test
    void aDepartmentAdminsBindingOpensFollowUpsForItsOwnDepartmentOnly() {
        RecordFixture.Department nanning = fixture.department();
        RecordFixture.Department other = alsoClaiming(nanning, "450100");
        String permitItem = "XK-D-" + System.nanoTime();
        String permitNumber = "JY" + System.nanoTime();
        send(nanning, permitNumber, permitItem, "食品经营许可").then().statusCode(200);

        bind(nanning.adminToken(), permitItem, nanning.inspectionItem())
                .then()
                .statusCode(200)
                .body("followupsOpened", equalTo(1));

        assertThat(followups(permitNumber, nanning.code())).isEqualTo(1);
        assertThat(followups(permitNumber, other.code())).isZero();
        assertThat(db.rows(
                        "select department_code, region_code from permit_binding where permit_item_code = ?",
                        permitItem))
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .containsEntry("department_code", nanning.code())
                        .containsEntry("region_code", null));
        String later = "JY" + System.nanoTime();
        send(other, later, permitItem, "食品经营许可").then().statusCode(200);
        assertThat(followups(later, nanning.code())).isEqualTo(1);
        assertThat(followups(later, other.code())).isZero();
    }

    @Test
    void aDepartmentAdminOfAnUnregisteredDepartmentCannotBind() {
        RecordFixture.Department department = fixture.department();
        String permitItem = "XK-X-" + System.nanoTime();

        bind(Tokens.deptAdmin("NO_SUCH_DEPT", "450100"), permitItem, department.inspectionItem())
                .then()
                .statusCode(403)
                .body("code", equalTo("CALLER_DEPARTMENT_UNKNOWN"));
        bind(
                        Tokens.withRoles("dept-admin-nodept", List.of("dept-admin"), null, "450100"),
                        permitItem,
                        department.inspectionItem())
                .then()
                .statusCode(403)
                .body("code", equalTo("CALLER_DEPARTMENT_UNKNOWN"));

        assertThat(db.count("select count(*) from permit_binding where permit_item_code = ?", permitItem))
                .isZero();
    }

    @Test
    void aRegionAdminsBindingAppliesToTheDepartmentsOfItsRegionAndAHubAdminsToAll() {
        RecordFixture.Department nanning = fixture.department("450100");
        RecordFixture.Department province = alsoClaiming(nanning, "450000");
        String permitItem = "XK-R-" + System.nanoTime();
        String permitNumber = "JY" + System.nanoTime();
        send(nanning, permitNumber, permitItem, "食品经营许可").then().statusCode(200);

        bind(Tokens.regionAdmin("450100"), permitItem, nanning.inspectionItem())
                .then()
                .statusCode(200)
                .body("followupsOpened", equalTo(1));
        assertThat(followups(permitNumber, nanning.code())).isEqualTo(1);
        assertThat(followups(permitNumber, province.code())).isZero();
        assertThat(db.single("select region_code from permit_binding where permit_item_code = ?", permitItem))
                .isEqualTo("450100");

        bind(Tokens.hubAdmin(), permitItem, nanning.inspectionItem())
                .then()
                .statusCode(200)
                .body("followupsOpened", equalTo(1));
        assertThat(followups(permitNumber, province.code())).isEqualTo(1);
        assertThat(db.count("select count(*) from permit_binding where permit_item_code = ?", permitItem))
                .isEqualTo(2);
    }

    @Test
    void bindingTwiceInTheSameScopeChangesNothing() {
        RecordFixture.Department department = fixture.department();
        String permitItem = "XK-T-" + System.nanoTime();

        bind(department.adminToken(), permitItem, department.inspectionItem())
                .then()
                .statusCode(200);
        bind(department.adminToken(), permitItem, department.inspectionItem())
                .then()
                .statusCode(200)
                .body("followupsOpened", equalTo(0));

        assertThat(db.count("select count(*) from permit_binding where permit_item_code = ?", permitItem))
                .isEqualTo(1);
    }

    @Test
    void aPermitOutsideTheIssuingDepartmentsRegionIsRejected() {
        RecordFixture.Department nanning = fixture.department("450100");
        Map<String, Object> permit = new java.util.HashMap<>(Map.of(
                "xkzh", "JY-LZ-" + System.nanoTime(),
                "sxbm", "XK-1",
                "sxmc", "许可",
                "tyshxydm", CreditCodeGenerator.enterprise("450200"),
                "qymc", "柳州某公司",
                "xzqh", "450202",
                "fzrq", "20261118"));

        given().auth()
                .oauth2(Tokens.withRoles("system-approval", List.of("system"), nanning.code(), "450100"))
                .contentType(ContentType.JSON)
                .body(Map.of("permits", List.of(permit)))
                .post("/api/v1/adapters/approval/inbound/permits")
                .then()
                .statusCode(200)
                .body("rejected", equalTo(1))
                .body("issues[0].errors[0].field", equalTo("regionCode"))
                .body("issues[0].errors[0].code", equalTo("REGION_OUT_OF_SCOPE"));

        assertThat(db.count("select count(*) from permit where permit_number = ?", permit.get("xkzh")))
                .isZero();
    }

    @Test
    void anotherDepartmentCannotTakeADepartmentsFuturePermitNumber() {
        RecordFixture.Department owner = fixture.department();
        RecordFixture.Department squatter = fixture.department();
        String permitNumber = "JY" + System.nanoTime();
        send(squatter, permitNumber, "XK-S-" + System.nanoTime(), "抢注许可").then().statusCode(200);

        send(owner, permitNumber, "XK-O-" + System.nanoTime(), "食品经营许可")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1))
                .body("rejected", equalTo(0));

        assertThat(db.rows("select issuing_department from permit where permit_number = ? order by id", permitNumber))
                .extracting(row -> row.get("issuing_department"))
                .containsExactly(squatter.code(), owner.code());
    }
}
