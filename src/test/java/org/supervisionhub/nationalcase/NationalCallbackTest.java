package org.supervisionhub.nationalcase;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.supervisionhub.support.Eventually.await;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supervisionhub.record.RecordFixture;
import org.supervisionhub.support.CreditCodeGenerator;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.NationalSimulatorResource;
import org.supervisionhub.support.Simulator;
import org.supervisionhub.support.Tokens;

@QuarkusTest
@WithTestResource(value = NationalSimulatorResource.class, scope = TestResourceScope.GLOBAL)
class NationalCallbackTest {

    private static final String SECRET = "test-national-callback-secret-0123456789";
    private static final String OLD_SECRET = "test-national-callback-old-secret-98765";

    @Inject
    RecordFixture fixture;

    @Inject
    Db db;

    @BeforeEach
    void simulatorCallsThisHub() {
        Simulator.healthy();
        Simulator.pointAt(RestAssured.port);
    }

    private static String newNationalId() {
        return "N-" + UUID.randomUUID();
    }

    private static Map<String, Object> complaint(String nationalId, String itemCode, String region) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("nationalId", nationalId);
        message.put("title", "群众投诉某餐馆销售过期食品");
        message.put("regionCode", region);
        if (itemCode != null) {
            message.put("itemCode", itemCode);
        }
        message.put("subject", Map.of("name", "南宁某某餐饮有限公司", "creditCode", CreditCodeGenerator.enterprise("450100")));
        return message;
    }

    private static Response post(String kind, String body, String keyId, String secret, long timestamp, String nonce) {
        String signature = sign(secret, timestamp + "\n" + nonce + "\n" + body);
        return given().contentType(ContentType.JSON)
                .header("X-National-Key-Id", keyId)
                .header("X-National-Timestamp", String.valueOf(timestamp))
                .header("X-National-Nonce", nonce)
                .header("X-National-Signature", signature)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/national/callbacks/" + kind);
    }

    private static String sign(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> caseOf(String nationalId) {
        List<Map<String, Object>> rows = db.rows("select * from national_case where national_id = ?", nationalId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Test
    void complaintIsStoredOnceAndRoutedToTheDepartmentThatClaimedItsItem() {
        RecordFixture.Department department = fixture.department();
        String nationalId = newNationalId();

        var answer = Simulator.issue(
                "complaints", complaint(nationalId, department.inspectionItem(), "450103"), "?duplicate=true");

        assertThat(answer.getList("hubStatuses", Integer.class)).containsExactly(200, 200);
        await("routed", () -> caseOf(nationalId) != null);
        assertThat(caseOf(nationalId))
                .containsEntry("department_code", department.code())
                .containsEntry("status", "ASSIGNED")
                .containsEntry("kind", "COMPLAINT");
        assertThat(db.count("select count(*) from inbox where national_id = ?", nationalId))
                .isEqualTo(1);
    }

    @Test
    void departmentAcceptsAndAnswersAndTheNationalPlatformSeesTheLoopClosed() {
        RecordFixture.Department department = fixture.department();
        String nationalId = newNationalId();
        Simulator.issue("complaints", complaint(nationalId, department.inspectionItem(), "450100"), "");
        await("routed", () -> caseOf(nationalId) != null);
        long id = ((Number) caseOf(nationalId).get("id")).longValue();

        given().auth()
                .oauth2(department.adminToken())
                .get("/api/v1/complaints?status=ASSIGNED")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].nationalId", equalTo(nationalId))
                .body("items[0].overdue", equalTo(false));
        RecordFixture.Department other = fixture.department();
        given().auth()
                .oauth2(other.adminToken())
                .post("/api/v1/complaints/{id}/accept", id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(department.adminToken())
                .post("/api/v1/complaints/{id}/accept", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        given().auth()
                .oauth2(department.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("result", "经现场核查，投诉属实，已责令整改"))
                .post("/api/v1/complaints/{id}/feedback", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("FEEDBACK_SENT"));

        await("closed at the hub", () -> "CLOSED".equals(caseOf(nationalId).get("status")));
        await("closed at the national platform", () -> Simulator.loopClosed(nationalId));
        given().auth()
                .oauth2(department.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("result", "again"))
                .post("/api/v1/complaints/{id}/feedback", id)
                .then()
                .statusCode(409)
                .body("code", equalTo("FEEDBACK_ALREADY_SENT"));
    }

    @Test
    void riskClueAboutAnUnknownSubjectStillLandsWithTheRegionsMarketRegulator() {
        String nationalId = newNationalId();
        Map<String, Object> clue = new LinkedHashMap<>(complaint(nationalId, null, "440100"));
        clue.put("level", "P1");

        Simulator.issue("risk-clues", clue, "");

        await("routed", () -> caseOf(nationalId) != null);
        assertThat(caseOf(nationalId))
                .containsEntry("department_code", "GZ_SCJGJ")
                .containsEntry("risk_level", "P1");
    }

    @Test
    void taskNoDepartmentFitsWaitsUnassignedForAdmins() {
        String nationalId = newNationalId();
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("nationalId", nationalId);
        task.put("title", "跨区域联合抽查");

        Simulator.issue("tasks", task, "");

        await("stored", () -> caseOf(nationalId) != null);
        assertThat(caseOf(nationalId)).containsEntry("status", "RECEIVED").containsEntry("department_code", null);
        given().auth()
                .oauth2(Tokens.hubAdmin())
                .get("/api/v1/tasks?status=RECEIVED&size=200")
                .then()
                .statusCode(200)
                .body("items.nationalId", org.hamcrest.Matchers.hasItem(nationalId));
    }

    @Test
    void olderRevisionArrivingLateIsSuperseded() {
        String nationalId = newNationalId();
        Map<String, Object> newer = new LinkedHashMap<>(complaint(nationalId, null, "450100"));
        newer.put("revision", 2);
        newer.put("title", "第二版");
        Map<String, Object> older = new LinkedHashMap<>(newer);
        older.put("revision", 1);
        older.put("title", "第一版");

        Simulator.issue("complaints", newer, "");
        await("stored", () -> caseOf(nationalId) != null);
        Simulator.issue("complaints", older, "");

        await(
                "the older one handled",
                () -> db.count("select count(*) from inbox where national_id = ? and status = 'SUPERSEDED'", nationalId)
                        == 1);
        assertThat(caseOf(nationalId)).containsEntry("title", "第二版").containsEntry("revision", 2);
    }

    @Test
    void badlySignedStaleAndGarbledCallbacksAreRefused() {
        assertThat(Simulator.issue("complaints", complaint(newNationalId(), null, "450100"), "?badSignature=true")
                        .getList("hubStatuses", Integer.class))
                .containsExactly(401);
        assertThat(Simulator.issue("complaints", complaint(newNationalId(), null, "450100"), "?stale=true")
                        .getList("hubStatuses", Integer.class))
                .containsExactly(401);
        assertThat(Simulator.issue("complaints", complaint(newNationalId(), null, "450100"), "?garbled=true")
                        .getList("hubStatuses", Integer.class))
                .containsExactly(400);
        given().contentType(ContentType.JSON)
                .body("{\"nationalId\": \"x\"}")
                .post("/api/v1/national/callbacks/tasks")
                .then()
                .statusCode(401)
                .body("code", equalTo("CALLBACK_UNSIGNED"));
    }

    @Test
    void replayedNonceIsRefusedAndTheSecondKeyOfARotationIsAccepted() {
        String body = "{\"nationalId\": \"" + newNationalId() + "\", \"title\": \"重放测试\"}";
        long now = Instant.now().getEpochSecond();
        String nonce = UUID.randomUUID().toString();

        post("complaints", body, "sim-1", SECRET, now, nonce)
                .then()
                .statusCode(200)
                .body("duplicate", equalTo(false));
        post("complaints", body, "sim-1", SECRET, now, nonce)
                .then()
                .statusCode(401)
                .body("code", equalTo("CALLBACK_REPLAYED"));
        post("complaints", body, "sim-0", OLD_SECRET, now, UUID.randomUUID().toString())
                .then()
                .statusCode(200)
                .body("duplicate", equalTo(true));
        post("complaints", body, "sim-9", SECRET, now, UUID.randomUUID().toString())
                .then()
                .statusCode(401)
                .body("code", equalTo("CALLBACK_KEY_UNKNOWN"));
    }

    @Test
    void nationalPlatformTokenMayStandInForTheSignature() {
        String national = Tokens.withRoles("national-platform", List.of("national"), null, null);
        String nationalId = newNationalId();

        given().auth()
                .oauth2(national)
                .contentType(ContentType.JSON)
                .body(complaint(nationalId, null, "450100"))
                .post("/api/v1/national/callbacks/complaints")
                .then()
                .statusCode(200)
                .body("nationalId", equalTo(nationalId));
        given().auth()
                .oauth2(Tokens.hubAdmin())
                .contentType(ContentType.JSON)
                .body(complaint(newNationalId(), null, "450100"))
                .post("/api/v1/national/callbacks/complaints")
                .then()
                .statusCode(401);
    }

    @Test
    void issuedSubItemInvitesTheDepartmentsOfItsSectorToClaimIt() {
        RecordFixture.Department department = fixture.department();
        String main = org.supervisionhub.support.Catalog.newCode();
        String sub = org.supervisionhub.support.Catalog.newCode();
        Map<String, Object> mainItem = Map.of(
                "name",
                "国家下发主项",
                "sectorCode",
                "SAMR",
                "catalogLevel",
                "NATIONAL",
                "status",
                "IN_USE",
                "catalogVersion",
                "2026-V1");
        Map<String, Object> subItem = Map.of(
                "name",
                "国家下发检查子项",
                "parentCode",
                main,
                "itemType",
                "INSPECTION",
                "sectorCode",
                "SAMR",
                "catalogLevel",
                "NATIONAL",
                "status",
                "IN_USE",
                "catalogVersion",
                "2026-V1");

        Simulator.issue("items", Map.of("nationalId", "ITEM-" + main, "code", main, "item", mainItem), "");
        Simulator.issue("items", Map.of("nationalId", "ITEM-" + sub, "code", sub, "item", subItem), "");

        await(
                "invited",
                () -> db.count(
                                "select count(*) from claim_invitation where item_code = ? and department_code = ?",
                                sub,
                                department.code())
                        == 1);
        given().auth()
                .oauth2(department.adminToken())
                .get("/api/v1/items/invitations")
                .then()
                .statusCode(200)
                .body("itemCode", org.hamcrest.Matchers.hasItem(sub))
                .body("itemCode", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(main)));
        given().auth()
                .oauth2(department.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/api/v1/items/{code}/claims", sub)
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(department.adminToken())
                .get("/api/v1/items/invitations")
                .then()
                .statusCode(200)
                .body("itemCode", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(sub)));
        given().auth()
                .oauth2(department.adminToken())
                .get("/api/v1/items/invitations?department=GX_SCJGJ")
                .then()
                .statusCode(403);
    }

    @Test
    void issuedSubItemAndItsInvitationsCommitTogetherOrNotAtAllAndAFailedMessageIsRetried() {
        RecordFixture.Department department = fixture.department();
        String main = org.supervisionhub.support.Catalog.newCode();
        String sub = org.supervisionhub.support.Catalog.newCode();
        Map<String, Object> mainItem = Map.of(
                "name",
                "国家下发主项",
                "sectorCode",
                "SAMR",
                "catalogLevel",
                "NATIONAL",
                "status",
                "IN_USE",
                "catalogVersion",
                "2026-V1");
        Map<String, Object> subItem = Map.of(
                "name",
                "国家下发检查子项",
                "parentCode",
                main,
                "itemType",
                "INSPECTION",
                "sectorCode",
                "SAMR",
                "catalogLevel",
                "NATIONAL",
                "status",
                "IN_USE",
                "catalogVersion",
                "2026-V1");
        Simulator.issue("items", Map.of("nationalId", "ITEM-" + main, "code", main, "item", mainItem), "");
        await(
                "main item in the catalog",
                () -> db.count("select count(*) from catalog_item where code = ?", main) == 1);
        // The database refuses this sub-item's invitations: the failure comes after the item and its version were
        // written.
        String function = "test_refuse_invitation_" + sub;
        db.update("create function " + function + "() returns trigger language plpgsql as $$ begin "
                + "if new.item_code = '" + sub + "' then raise exception 'invitation refused by the test'; end if; "
                + "return new; end $$");
        db.update("create trigger " + function + " before insert on claim_invitation for each row execute function "
                + function + "()");
        try {
            Simulator.issue("items", Map.of("nationalId", "ITEM-" + sub, "code", sub, "item", subItem), "");

            await(
                    "the message failed once",
                    () -> db.count(
                                    "select count(*) from inbox where national_id = ? "
                                            + "and attempts >= 1 and last_error like '%invitation refused by the test%'",
                                    "ITEM-" + sub)
                            == 1);
            assertThat(db.count("select count(*) from catalog_item where code = ?", sub))
                    .isZero();
            assertThat(db.count("select count(*) from catalog_item_version where item_code = ?", sub))
                    .isZero();
            assertThat(db.count(
                            "select count(*) from audit_log where entity_type = 'catalog_item' and entity_id = ?", sub))
                    .isZero();
            assertThat(db.count("select count(*) from claim_invitation where item_code = ?", sub))
                    .isZero();
            assertThat(db.single("select status from inbox where national_id = ?", "ITEM-" + sub))
                    .isEqualTo("RECEIVED");
        } finally {
            db.update("drop trigger " + function + " on claim_invitation");
            db.update("drop function " + function + "()");
        }

        await(
                "processed on a retry",
                () -> db.count(
                                "select count(*) from inbox where national_id = ? " + "and status = 'PROCESSED'",
                                "ITEM-" + sub)
                        == 1);
        assertThat(db.count("select count(*) from catalog_item where code = ?", sub))
                .isEqualTo(1);
        assertThat(db.count("select count(*) from catalog_item_version where item_code = ?", sub))
                .isEqualTo(1);
        assertThat(db.count(
                        "select count(*) from claim_invitation where item_code = ? and department_code = ?",
                        sub,
                        department.code()))
                .isEqualTo(1);
    }

    @Test
    void issuedItemBecomesACatalogItem() {
        String code = org.supervisionhub.support.Catalog.newCode();
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("name", "国家下发的测试主项");
        item.put("sectorCode", "SAMR");
        item.put("catalogLevel", "NATIONAL");
        item.put("status", "IN_USE");
        item.put("catalogVersion", "2026-V1");

        Simulator.issue("items", Map.of("nationalId", "ITEM-" + code, "code", code, "item", item), "");

        await("in the catalog", () -> db.count("select count(*) from catalog_item where code = ?", code) == 1);
        assertThat(db.single("select name from catalog_item where code = ?", code))
                .isEqualTo("国家下发的测试主项");
    }
}
