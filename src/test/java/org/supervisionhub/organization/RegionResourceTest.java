package org.supervisionhub.organization;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

/** The national region table: shipped with the hub, read by every caller, changed by hub-admins only. */
@QuarkusTest
class RegionResourceTest {

    @Inject
    Db db;

    @Inject
    RegionCatalog catalog;

    private final String admin = Tokens.hubAdmin();
    private final String officer = Tokens.withRoles("officer-1", List.of("officer"), "NN_SCJGJ", "450100");

    @Test
    void theNationalTableIsLoadedAtStartUp() {
        assertThat(db.count("select count(*) from region")).isGreaterThan(3000);
        assertThat(db.count("select count(*) from region where level = 'PROVINCE'"))
                .isEqualTo(31);
        assertThat(db.rows("select name, parent_code, level, status from region where code = '450102'"))
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .containsEntry("name", "兴宁区")
                        .containsEntry("parent_code", "450100")
                        .containsEntry("level", "COUNTY")
                        .containsEntry("status", "ACTIVE"));
        assertThat(db.single("select source from region where code = '450102'")).isEqualTo("npm:china-division@2.7.0");
    }

    @Test
    void loadingAgainAddsNothingAndKeepsChangesMadeThroughTheApi() throws Exception {
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "测试改名区", "status", "ACTIVE"))
                .put("/api/v1/regions/450203")
                .then()
                .statusCode(200);
        long before = db.count("select count(*) from region");

        catalog.load(null);

        assertThat(db.count("select count(*) from region")).isEqualTo(before);
        assertThat(db.single("select name from region where code = '450203'")).isEqualTo("测试改名区");
        List<String> header = new java.util.ArrayList<>();
        assertThat(RegionCatalog.read(header)).hasSizeGreaterThan(3000);
        assertThat(RegionCatalog.source(header)).isEqualTo("npm:china-division@2.7.0");
    }

    @Test
    void anyRoleReadsARegion() {
        given().auth()
                .oauth2(officer)
                .get("/api/v1/regions/450102")
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("name", equalTo("兴宁区"))
                .body("parentCode", equalTo("450100"))
                .body("level", equalTo("COUNTY"))
                .body("status", equalTo("ACTIVE"))
                .body("successorCode", nullValue());
    }

    @Test
    void listsTheRegionsBelowOneByLevelAndStatus() {
        given().auth()
                .oauth2(officer)
                .queryParam("parent", "450000")
                .queryParam("size", 200)
                .get("/api/v1/regions")
                .then()
                .statusCode(200)
                .body("total", equalTo(14))
                .body("items", hasSize(14))
                .body("items.code", hasItem("450100"))
                .body("items.level", everyItem(equalTo("PREFECTURE")));
        given().auth()
                .oauth2(officer)
                .queryParam("level", "PROVINCE")
                .get("/api/v1/regions")
                .then()
                .statusCode(200)
                .body("total", equalTo(31));
    }

    @Test
    void anUnknownCodeIsNotFoundAndAMalformedOneNamesTheField() {
        given().auth()
                .oauth2(officer)
                .get("/api/v1/regions/450199")
                .then()
                .statusCode(404)
                .body("code", equalTo("REGION_NOT_FOUND"));
        given().auth()
                .oauth2(officer)
                .get("/api/v1/regions/45A")
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("REGION_CODE_INVALID"));
    }

    @Test
    void aHubAdminAbolishesACodeWithItsSuccessorAndItStaysAsHistory() {
        // A county created for the test, so the shared table stays as shipped.
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "测试旧县", "status", "ACTIVE"))
                .put("/api/v1/regions/450198")
                .then()
                .statusCode(201)
                .body("parentCode", equalTo("450100"))
                .body("level", equalTo("COUNTY"))
                .body("source", equalTo("api"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(Map.of(
                        "name", "测试旧县", "status", "ABOLISHED", "successorCode", "450102", "abolishedOn", "2026-01-01"))
                .put("/api/v1/regions/450198")
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("status", equalTo("ABOLISHED"))
                .body("successorCode", equalTo("450102"));
        given().auth()
                .oauth2(officer)
                .queryParam("parent", "450100")
                .queryParam("status", "ABOLISHED")
                .get("/api/v1/regions")
                .then()
                .statusCode(200)
                .body("items.code", hasItem("450198"));
        assertThat(db.count("select count(*) from audit_log where entity_type = 'region' and entity_id = '450198'"))
                .isEqualTo(2);
    }

    @Test
    void aStaleIfMatchIsRefused() {
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"99\"")
                .body(Map.of("name", "兴宁区", "status", "ACTIVE"))
                .put("/api/v1/regions/450102")
                .then()
                .statusCode(412)
                .body("code", equalTo("VERSION_MISMATCH"));
        assertThat(db.single("select version from region where code = '450102'"))
                .isEqualTo(1);
    }

    @Test
    void aSuccessorMustBeAnotherActiveRegion() {
        Map<String, Object> body =
                new HashMap<>(Map.of("name", "兴宁区", "status", "ABOLISHED", "successorCode", "450197"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/v1/regions/450102")
                .then()
                .statusCode(422)
                .body("code", equalTo("REGION_SUCCESSOR_INVALID"))
                .body("errors[0].field", equalTo("successorCode"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "兴宁区", "status", "ACTIVE", "successorCode", "450103"))
                .put("/api/v1/regions/450102")
                .then()
                .statusCode(422)
                .body("code", equalTo("REGION_SUCCESSOR_INVALID"));
        assertThat(db.single("select status from region where code = '450102'")).isEqualTo("ACTIVE");
    }

    @Test
    void onlyAHubAdminChangesARegion() {
        for (String token : List.of(
                Tokens.regionAdmin("450000"),
                Tokens.deptAdmin("NN_SCJGJ", "450100"),
                officer,
                Tokens.withRoles("national-1", List.of("national"), null, null))) {
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(Map.of("name", "改名", "status", "ACTIVE"))
                    .put("/api/v1/regions/450102")
                    .then()
                    .statusCode(403)
                    .body("code", equalTo("FORBIDDEN"));
        }
        assertThat(db.single("select name from region where code = '450102'")).isEqualTo("兴宁区");
    }

    @Test
    void aMissingNameIsAValidationError() {
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("status", "ACTIVE"))
                .put("/api/v1/regions/450102")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("name"));
    }
}
