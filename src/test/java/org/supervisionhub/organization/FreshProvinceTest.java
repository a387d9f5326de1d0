package org.supervisionhub.organization;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supervisionhub.common.code.IdNumbers;
import org.supervisionhub.record.RecordFixture;
import org.supervisionhub.support.Catalog;
import org.supervisionhub.support.CreditCodeGenerator;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

/**
 * A province that had nothing but the regions the hub ships (Yunnan, 530000): a hub-admin registers a department
 * and its officers' certificates through the API, the department's admin claims an item and enters a record by hand.
 * The README's "build a province" walkthrough, as a test.
 */
@QuarkusTest
class FreshProvinceTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Inject
    Db db;

    @Inject
    Catalog catalog;

    @Inject
    RecordFixture fixture;

    @Test
    void aHubAdminBuildsADepartmentThroughTheApiAndItsAdminClaimsAndUploads() {
        String admin = Tokens.hubAdmin();
        String code = "YN_KM_SCJGJ_" + System.nanoTime() % 100_000;
        String creditCode = CreditCodeGenerator.enterprise("530100");
        assertThat(db.count("select count(*) from department where region_code like '53%'"))
                .isZero();

        Map<String, Object> department = new LinkedHashMap<>();
        department.put("name", "昆明市市场监督管理局");
        department.put("creditCode", creditCode);
        department.put("regionCode", "530100");
        department.put("level", "CITY");
        department.put("sectorCodes", List.of("SAMR"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(department)
                .put("/api/v1/departments/{code}", code)
                .then()
                .statusCode(201);
        String deptAdmin = Tokens.deptAdmin(code, "530100");

        String item = catalog.subItem("SAMR", "INSPECTION");
        given().auth()
                .oauth2(deptAdmin)
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/items/{code}/claims", item)
                .then()
                .statusCode(201);

        String certA = certificate(admin, code, 1);
        String certB = certificate(admin, code, 2);
        RecordFixture.Department registered = new RecordFixture.Department(
                code, creditCode, "530100", item, null, null, null, certA, certB, null, deptAdmin);
        Map<String, Object> record = new LinkedHashMap<>(fixture.inspection(registered));
        record.put("sourceSystem", "manual:" + code);
        given().auth()
                .oauth2(deptAdmin)
                .contentType(ContentType.JSON)
                .body(List.of(record))
                .post("/api/v1/records")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1));

        assertThat(db.count(
                        "select count(*) from behaviour_record where department_code = ? and source_system = ?",
                        code,
                        "manual:" + code))
                .isEqualTo(1);
    }

    /** A valid certificate of the department, registered by the hub-admin; answers its number. */
    private static String certificate(String admin, String department, int n) {
        String certNo = "YN" + String.format("%010d", (System.nanoTime() + n) % 10_000_000_000L);
        String first17 = "530102199001" + String.format("%02d", n) + String.format("%03d", System.nanoTime() % 1000);
        Map<String, Object> body = Map.of(
                "holder",
                        Map.of(
                                "name",
                                "执法员" + n,
                                "idNumber",
                                first17 + IdNumbers.checkCharacter(first17),
                                "departmentCode",
                                department),
                "kind", "PROVINCIAL",
                "validFrom", TODAY.minusYears(1).toString(),
                "validTo", TODAY.plusYears(2).toString(),
                "categories", List.of("SAMR"),
                "status", "VALID");
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/v1/credentials/GX_REC/{certNo}", certNo)
                .then()
                .statusCode(201);
        return certNo;
    }
}
