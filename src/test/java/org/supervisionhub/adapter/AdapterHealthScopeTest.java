package org.supervisionhub.adapter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.CreditCodeGenerator;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

/** Who sees how a docked system is doing: its own client, the hub's operators, and the admins of its owner's region. */
@QuarkusTest
class AdapterHealthScopeTest {

    @Inject
    Db db;

    /** The 双随机 platform's descriptor names GX_SAMR (Guangxi, 450000) as its owner. */
    @BeforeEach
    void registerTheOwnerOfSsj() {
        db.update(
                "insert into department (code, name, credit_code, region_code) values ('GX_SAMR', '广西壮族自治区市场监管局（适配器测试）', ?, '450000') on conflict do nothing",
                CreditCodeGenerator.enterprise("450000"));
    }

    @Test
    void aDockedSystemSeesItsOwnAdaptersHealthAndNoOtherSystems() {
        String ssj = Tokens.withRoles("system-ssj", List.of("system"), "NN_SCJGJ", "450100");

        given().auth()
                .oauth2(ssj)
                .get("/api/v1/adapters/ssj/health")
                .then()
                .statusCode(200)
                .body("system", equalTo("ssj"));
        given().auth()
                .oauth2(ssj)
                .get("/api/v1/adapters/hotline-12345/health")
                .then()
                .statusCode(403)
                .body("code", equalTo("ADAPTER_CLIENT_MISMATCH"));
    }

    @Test
    void aRegionAdminSeesTheAdaptersOwnedByDepartmentsOfItsRegionOnly() {
        given().auth()
                .oauth2(Tokens.regionAdmin("450000"))
                .get("/api/v1/adapters")
                .then()
                .statusCode(200)
                .body("system", hasItem("ssj"));
        given().auth()
                .oauth2(Tokens.regionAdmin("450100"))
                .get("/api/v1/adapters")
                .then()
                .statusCode(200)
                .body("system", not(hasItem("ssj")));
    }

    @Test
    void anAdapterOutsideARegionAdminsRegionReadsLikeAnUnknownOne() {
        String nanningAdmin = Tokens.regionAdmin("450100");

        given().auth()
                .oauth2(nanningAdmin)
                .get("/api/v1/adapters/ssj/health")
                .then()
                .statusCode(404)
                .body("code", equalTo("ADAPTER_NOT_FOUND"));
        given().auth()
                .oauth2(nanningAdmin)
                .get("/api/v1/adapters/no-such-system/health")
                .then()
                .statusCode(404)
                .body("code", equalTo("ADAPTER_NOT_FOUND"));
        given().auth()
                .oauth2(Tokens.regionAdmin("450000"))
                .get("/api/v1/adapters/ssj/health")
                .then()
                .statusCode(200);
    }
}
