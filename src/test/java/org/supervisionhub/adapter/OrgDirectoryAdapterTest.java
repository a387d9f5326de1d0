package org.supervisionhub.adapter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.CreditCodeGenerator;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

/** A provincial enforcement-body directory feeds the organisation registry through its adapter (target DEPARTMENT). */
@QuarkusTest
class OrgDirectoryAdapterTest {

    @Inject
    Db db;

    private static Map<String, Object> body(String code, String region) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ztbm", code);
        body.put("ztmc", "目录测试执法局");
        body.put("tyshxydm", CreditCodeGenerator.enterprise(region));
        body.put("xzqh", region);
        body.put("cj", "4");
        body.put("zfml", List.of("市场监管", "城市管理"));
        body.put("wtzz", List.of(Map.of("mc", "目录测试执法队", "dm", CreditCodeGenerator.enterprise(region))));
        body.put("yxqq", "20240101");
        return body;
    }

    private static String directory(String region) {
        return Tokens.withRoles("system-org-directory", List.of("system"), "GX_SCJGJ", region);
    }

    @Test
    void directoryDepartmentsLandInTheRegistryOnceAndForeignOnesAreRefused() {
        String code = "T_DIR_" + System.nanoTime() % 1_000_000_000L;
        Map<String, Object> good = body(code, "450103");
        Map<String, Object> bad = body(code + "_X", "450103");
        bad.put("tyshxydm", "91450100MA5K00000X");

        given().auth()
                .oauth2(directory("450100"))
                .contentType(ContentType.JSON)
                .body(Map.of("code", "0", "data", List.of(good, bad)))
                .post("/api/v1/adapters/org-directory/inbound/enforcement-bodies")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1))
                .body("rejected", equalTo(1))
                .body("issues[0].index", equalTo(1))
                .body("issues[0].errors[0].field", equalTo("department.creditCode"))
                .body("issues[0].errors[0].code", equalTo("CREDIT_CODE_INVALID"));

        assertThat(db.rows("select level, region_code, status from department where code = ?", code))
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .containsEntry("level", "COUNTY")
                        .containsEntry("region_code", "450103")
                        .containsEntry("status", "ACTIVE"));
        assertThat(db.rows("select sector_code from department_sector where department_code = ? order by 1", code))
                .extracting(row -> row.get("sector_code"))
                .containsExactly("SAMR", "URBAN");
        assertThat(db.count(
                        "select count(*) from audit_log where entity_id = ? and action = 'DEPARTMENT_CREATED'", code))
                .isEqualTo(1);

        given().auth()
                .oauth2(directory("450100"))
                .contentType(ContentType.JSON)
                .body(Map.of("code", "0", "data", List.of(good)))
                .post("/api/v1/adapters/org-directory/inbound/enforcement-bodies")
                .then()
                .statusCode(200)
                .body("unchanged", equalTo(1));

        // A directory of another region writes nothing here.
        Map<String, Object> moved = new LinkedHashMap<>(good);
        moved.put("ztmc", "改名");
        given().auth()
                .oauth2(directory("450200"))
                .contentType(ContentType.JSON)
                .body(Map.of("code", "0", "data", List.of(moved)))
                .post("/api/v1/adapters/org-directory/inbound/enforcement-bodies")
                .then()
                .statusCode(200)
                .body("rejected", equalTo(1))
                .body("issues[0].errors[0].code", equalTo("REGION_OUT_OF_SCOPE"));
        assertThat(db.single("select name from department where code = ?", code))
                .isEqualTo("目录测试执法局");
    }
}
