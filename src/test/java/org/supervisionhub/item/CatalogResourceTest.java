package org.supervisionhub.item;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Catalog;
import org.supervisionhub.support.Concurrently;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

@QuarkusTest
class CatalogResourceTest {

    @Inject
    Catalog catalog;

    @Inject
    Db db;

    private final String admin = Tokens.hubAdmin();
    private final String nanning = Tokens.deptAdmin("NN_SCJGJ", "450100");
    private final String liuzhou = Tokens.deptAdmin("LZ_SCJGJ", "450200");

    private static Map<String, Object> mainItem(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("sectorCode", "SAMR");
        body.put("legalBasis", "《中华人民共和国食品安全法》第一百一十条");
        body.put("supervisedObject", "食品生产企业");
        body.put("method", "现场检查");
        body.put("catalogLevel", "NATIONAL");
        body.put("status", "IN_USE");
        body.put("effectiveDate", "2024-01-01");
        body.put("catalogVersion", "2024-V1");
        return body;
    }

    private static Map<String, Object> subItem(String parent, String type, String name) {
        Map<String, Object> body = mainItem(name);
        body.put("parentCode", parent);
        body.put("itemType", type);
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    private Response put(String token, String code, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/v1/items/{code}", code);
    }

    private Response list(String token, Map<String, ?> query) {
        return given().auth().oauth2(token).queryParams(query).get("/api/v1/items");
    }

    private void claim(String token, String item) {
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .post("/api/v1/items/{code}/claims", item)
                .then()
                .statusCode(201);
    }

    private long itemRows(String code) {
        return db.count("select count(*) from catalog_item where code = ?", code);
    }

    private long versionRows(String code) {
        return db.count("select count(*) from catalog_item_version where item_code = ?", code);
    }

    /** Four random CJK characters: a name token no other test (or earlier run) uses. */
    private static String uniqueChineseToken() {
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            token.append((char) (0x4E00 + ThreadLocalRandom.current().nextInt(0x5000)));
        }
        return token.toString();
    }

    // ---- create / update / versions ---------------------------------------------------------------

    @Test
    void creatingAnItemReturns201WithVersionOneAndRecordsTheFirstVersion() {
        String code = Catalog.newCode();

        put(admin, code, mainItem("对食品生产企业的行政检查"))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/items/" + code))
                .body("outcome", equalTo("CREATED"))
                .body("item.code", equalTo(code))
                .body("item.version", equalTo(1))
                .body("item.status", equalTo("IN_USE"))
                .body("releasedClaims", equalTo(0));

        assertThat(db.single("select version from catalog_item where code = ?", code))
                .isEqualTo(1);
        var versions = db.rows(
                "select version, snapshot->>'name' as name, changed_by from catalog_item_version "
                        + "where item_code = ?",
                code);
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0))
                .containsEntry("version", 1)
                .containsEntry("name", "对食品生产企业的行政检查")
                .containsEntry("changed_by", "admin-1");
        assertThat(db.count("select count(*) from audit_log where action = 'ITEM_CREATED' and entity_id = ?", code))
                .isEqualTo(1);
    }

    @Test
    void identicalResendIsUnchangedAndRecordsNoNewVersion() {
        String code = Catalog.newCode();
        Map<String, Object> body = mainItem("对食品经营企业的行政检查");
        put(admin, code, body).then().statusCode(201);

        put(admin, code, body)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("outcome", equalTo("UNCHANGED"))
                .body("item.version", equalTo(1));

        assertThat(versionRows(code)).isEqualTo(1);
        assertThat(db.single("select version from catalog_item where code = ?", code))
                .isEqualTo(1);
        assertThat(db.count("select count(*) from audit_log where action = 'ITEM_UPDATED' and entity_id = ?", code))
                .isZero();
    }

    @Test
    void changedContentIsANewVersionAndHistoryKeepsTheOldContent() {
        String code = Catalog.newCode();
        Map<String, Object> first = mainItem("对特种设备使用单位的行政检查");
        put(admin, code, first).then().statusCode(201);
        Map<String, Object> second = with(with(first, "name", "对特种设备生产单位的行政检查"), "changeReason", "名称调整");

        put(admin, code, second)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("outcome", equalTo("UPDATED"))
                .body("item.version", equalTo(2))
                .body("item.name", equalTo("对特种设备生产单位的行政检查"));

        assertThat(versionRows(code)).isEqualTo(2);
        assertThat(db.single("select name from catalog_item where code = ?", code))
                .isEqualTo("对特种设备生产单位的行政检查");
        given().auth()
                .oauth2(admin)
                .get("/api/v1/items/{code}/versions", code)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("$", hasSize(2))
                .body("[0].version", equalTo(1))
                .body("[0].content.name", equalTo("对特种设备使用单位的行政检查"))
                .body("[0].content.catalogVersion", equalTo("2024-V1"))
                .body("[1].version", equalTo(2))
                .body("[1].content.name", equalTo("对特种设备生产单位的行政检查"))
                .body("[1].changeReason", equalTo("名称调整"))
                .body("[1].changedBy", equalTo("admin-1"));
    }

    @Test
    void concurrentCreatesOfOneCodeLeaveOneItemAndNeverFailWithAServerError() throws Exception {
        String code = Catalog.newCode();
        Map<String, Object> body = mainItem("并发创建的事项");
        List<Integer> statuses =
                Concurrently.statuses(8, () -> put(admin, code, body).statusCode());

        assertThat(statuses).isSubsetOf(200, 201, 409);
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(itemRows(code)).isEqualTo(1);
        assertThat(versionRows(code)).isEqualTo(1);
    }

    @Test
    void getReturnsTheItemAndAnUnknownItemIsNotFound() {
        String main = Catalog.newCode();
        put(admin, main, mainItem("对计量器具的行政检查")).then().statusCode(201);

        given().auth()
                .oauth2(nanning)
                .get("/api/v1/items/{code}", main)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("code", equalTo(main))
                .body("name", equalTo("对计量器具的行政检查"))
                .body("sectorCode", equalTo("SAMR"))
                .body("catalogLevel", equalTo("NATIONAL"))
                .body("effectiveDate", equalTo("2024-01-01"))
                .body("version", equalTo(1));
        given().auth()
                .oauth2(nanning)
                .get("/api/v1/items/{code}", "45999999999998")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("ITEM_NOT_FOUND"));

        assertThat(itemRows("45999999999998")).isZero();
    }

    @Test
    void versionsOfAnUnknownItemAreNotFound() {
        given().auth()
                .oauth2(admin)
                .get("/api/v1/items/{code}/versions", "45999999999997")
                .then()
                .statusCode(404)
                .body("code", equalTo("ITEM_NOT_FOUND"));

        assertThat(versionRows("45999999999997")).isZero();
    }

    // ---- cancellation -----------------------------------------------------------------------------

    @Test
    void cancellingASubItemReleasesItsActiveClaims() {
        String main = catalog.mainItem("SAMR");
        String sub = Catalog.newCode();
        Map<String, Object> body = subItem(main, "INSPECTION", "对食品生产企业的监督检查");
        put(admin, sub, body).then().statusCode(201);
        claim(nanning, sub);
        claim(liuzhou, sub);

        put(admin, sub, with(with(body, "status", "CANCELLED"), "changeReason", "法规废止"))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("outcome", equalTo("UPDATED"))
                .body("item.status", equalTo("CANCELLED"))
                .body("item.version", equalTo(2))
                .body("releasedClaims", equalTo(2));

        var claims = db.rows(
                "select department_code, status, release_reason from item_claim where item_code = ? "
                        + "order by department_code",
                sub);
        assertThat(claims).hasSize(2).allSatisfy(claim -> {
            assertThat(claim).containsEntry("status", "RELEASED");
            assertThat((String) claim.get("release_reason"))
                    .startsWith("ITEM_CANCELLED")
                    .contains("法规废止");
        });
        for (String department : new String[] {"NN_SCJGJ", "LZ_SCJGJ"}) {
            var events = db.rows(
                    "select target, payload->>'status' as status from outbox "
                            + "where aggregate_id = ? and event_type = 'item-claim.released'",
                    sub + ":" + department);
            assertThat(events).hasSize(1);
            assertThat(events.get(0)).containsEntry("target", "national").containsEntry("status", "RELEASED");
        }
    }

    @Test
    void cancellingAMainItemCancelsItsInUseSubItemsAndReleasesTheirClaims() {
        String main = Catalog.newCode();
        Map<String, Object> body = mainItem("对食品经营的监督管理");
        put(admin, main, body).then().statusCode(201);
        String inUse = catalog.subItemOf(main, "SAMR", "INSPECTION");
        String alreadyCancelled = catalog.subItemOf(main, "SAMR", "PENALTY");
        claim(nanning, inUse);
        db.update("update catalog_item set status = 'CANCELLED' where code = ?", alreadyCancelled);

        put(admin, main, with(with(body, "status", "CANCELLED"), "changeReason", "事项合并"))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("outcome", equalTo("UPDATED"))
                .body("item.status", equalTo("CANCELLED"))
                .body("releasedClaims", equalTo(1));

        var child = db.rows("select status, version, cancel_date from catalog_item where code = ?", inUse)
                .get(0);
        assertThat(child).containsEntry("status", "CANCELLED").containsEntry("version", 2);
        assertThat(child.get("cancel_date")).isNotNull();
        assertThat((String) db.single(
                        "select change_reason from catalog_item_version where item_code = ? and version = 2", inUse))
                .contains(main)
                .contains("事项合并");
        assertThat(db.single("select version from catalog_item where code = ?", alreadyCancelled))
                .isEqualTo(1);
        assertThat(db.single("select status from item_claim where item_code = ?", inUse))
                .isEqualTo("RELEASED");
        assertThat((String) db.single("select release_reason from item_claim where item_code = ?", inUse))
                .startsWith("ITEM_CANCELLED");
        assertThat(db.count(
                        "select count(*) from outbox where aggregate_id = ? and event_type = 'item-claim.released'",
                        inUse + ":NN_SCJGJ"))
                .isEqualTo(1);
    }

    @Test
    void cancellingAMainItemCancelsASubItemThatTakesEffectLater() {
        String main = Catalog.newCode();
        Map<String, Object> body = mainItem("对网络食品交易的监督管理");
        put(admin, main, body).then().statusCode(201);
        String later = catalog.subItemOf(main, "SAMR", "INSPECTION");
        LocalDate effective = LocalDate.now().plusYears(1);
        db.update("update catalog_item set effective_date = ? where code = ?", effective, later);

        put(admin, main, with(with(body, "status", "CANCELLED"), "changeReason", "事项合并"))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("item.status", equalTo("CANCELLED"));

        var child = db.rows("select status, effective_date, cancel_date from catalog_item where code = ?", later)
                .get(0);
        assertThat(child).containsEntry("status", "CANCELLED");
        assertThat(((java.sql.Date) child.get("cancel_date")).toLocalDate()).isAfterOrEqualTo(effective);
    }

    @Test
    void cancellationWithoutChangeReasonIsRejected() {
        String main = catalog.mainItem("SAMR");
        String sub = Catalog.newCode();
        Map<String, Object> body = subItem(main, "INSPECTION", "对食品添加剂生产的检查");
        put(admin, sub, body).then().statusCode(201);
        claim(nanning, sub);

        put(admin, sub, with(body, "status", "CANCELLED"))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", contains("changeReason"));

        assertThat(db.single("select status from catalog_item where code = ?", sub))
                .isEqualTo("IN_USE");
        assertThat(db.count("select count(*) from item_claim where item_code = ? and status = 'ACTIVE'", sub))
                .isEqualTo(1);
    }

    // ---- validation -------------------------------------------------------------------------------

    @Test
    void subItemWithoutItemTypeIsRejected() {
        String main = catalog.mainItem("SAMR");
        String sub = Catalog.newCode();

        put(admin, sub, subItem(main, null, "无类型子项"))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", contains("itemType"));

        assertThat(itemRows(sub)).isZero();
    }

    @Test
    void missingParentItemIsUnprocessable() {
        String sub = Catalog.newCode();

        put(admin, sub, subItem("45999999999996", "INSPECTION", "主项不存在的子项"))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(422)
                .body("code", equalTo("PARENT_ITEM_NOT_FOUND"))
                .body("errors[0].field", equalTo("parentCode"));

        assertThat(itemRows(sub)).isZero();
    }

    @Test
    void subItemAsParentIsUnprocessable() {
        String existingSub = catalog.subItem("SAMR", "INSPECTION");
        String sub = Catalog.newCode();

        put(admin, sub, subItem(existingSub, "INSPECTION", "子项的子项"))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(422)
                .body("code", equalTo("PARENT_ITEM_INVALID"))
                .body("errors[0].field", equalTo("parentCode"));

        assertThat(itemRows(sub)).isZero();
    }

    @Test
    void invalidItemCodeInThePathIsRejected() {
        put(admin, "4599", mainItem("编码错误的事项"))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("code"))
                .body("errors[0].code", equalTo("ITEM_CODE_INVALID"));

        assertThat(db.count("select count(*) from catalog_item where name = '编码错误的事项'"))
                .isZero();
    }

    @Test
    void unknownStatusValueIsATypeMismatch() {
        String code = Catalog.newCode();

        put(admin, code, with(mainItem("状态错误的事项"), "status", "ABOLISHED"))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].code", equalTo("TYPE_MISMATCH"));

        assertThat(itemRows(code)).isZero();
    }

    @Test
    void unknownStatusValueInTheListQueryIsATypeMismatch() {
        list(nanning, Map.of("status", "ABOLISHED"))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].code", equalTo("TYPE_MISMATCH"));
    }

    @Test
    void claimedFilterOtherThanTrueOrFalseIsATypeMismatch() {
        list(nanning, Map.of("claimed", "yes"))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("claimed"))
                .body("errors[0].code", equalTo("TYPE_MISMATCH"));
    }

    @Test
    void malformedJsonIsRejected() {
        String code = Catalog.newCode();

        put(admin, code, "{\"name\": \"半截")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("MALFORMED_JSON"));

        assertThat(itemRows(code)).isZero();
    }

    // ---- security ---------------------------------------------------------------------------------

    @Test
    void deptAdminMayNotMaintainTheCatalog() {
        String code = Catalog.newCode();

        put(nanning, code, mainItem("部门管理员创建的事项"))
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("FORBIDDEN"));

        assertThat(itemRows(code)).isZero();
    }

    @Test
    void putWithoutTokenIsUnauthenticated() {
        String code = Catalog.newCode();

        given().contentType(ContentType.JSON)
                .body(mainItem("匿名创建的事项"))
                .put("/api/v1/items/{code}", code)
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .body("code", equalTo("UNAUTHENTICATED"));

        assertThat(itemRows(code)).isZero();
    }

    // ---- listing ----------------------------------------------------------------------------------

    @Test
    void textSearchFindsTheItemWhoseNameContainsTheText() {
        String token = uniqueChineseToken();
        String food = Catalog.newCode();
        String drug = Catalog.newCode();
        put(admin, food, mainItem("对" + token + "食品生产企业的行政检查")).then().statusCode(201);
        put(admin, drug, mainItem("对" + token + "药品经营企业的行政检查")).then().statusCode(201);

        list(nanning, Map.of("q", token + "食品"))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items.code", contains(food));
        list(nanning, Map.of("q", token))
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.code", contains(food, drug));
    }

    @Test
    void likeWildcardsInTheSearchTextAreLiteral() {
        String token = uniqueChineseToken();
        put(admin, Catalog.newCode(), mainItem("对" + token + "食品生产企业的行政检查"))
                .then()
                .statusCode(201);

        list(nanning, Map.of("q", token + "%"))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("total", equalTo(0))
                .body("items", hasSize(0));
        list(nanning, Map.of("q", token + "_品")).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void filtersByTypeStatusLevelAndSectorCombine() {
        String sector = "T" + Catalog.newCode();
        String main = Catalog.newCode();
        put(admin, main, with(mainItem("筛选测试主项"), "sectorCode", sector)).then().statusCode(201);
        String inspection = Catalog.newCode();
        String penalty = Catalog.newCode();
        String suspended = Catalog.newCode();
        put(admin, inspection, with(subItem(main, "INSPECTION", "筛选检查"), "sectorCode", sector))
                .then()
                .statusCode(201);
        put(
                        admin,
                        penalty,
                        with(
                                with(subItem(main, "PENALTY", "筛选处罚"), "sectorCode", sector),
                                "catalogLevel",
                                "PROVINCIAL"))
                .then()
                .statusCode(201);
        put(
                        admin,
                        suspended,
                        with(with(subItem(main, "INSPECTION", "筛选暂停"), "sectorCode", sector), "status", "SUSPENDED"))
                .then()
                .statusCode(201);

        list(admin, Map.of("sector", sector))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("total", equalTo(4));
        list(admin, Map.of("sector", sector, "type", "INSPECTION"))
                .then()
                .statusCode(200)
                .body("items.code", contains(inspection, suspended));
        list(admin, Map.of("sector", sector, "type", "INSPECTION", "status", "IN_USE"))
                .then()
                .statusCode(200)
                .body("items.code", contains(inspection));
        list(admin, Map.of("sector", sector, "level", "PROVINCIAL"))
                .then()
                .statusCode(200)
                .body("items.code", contains(penalty));
        list(admin, Map.of("parent", main))
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.code", contains(inspection, penalty, suspended));
    }

    @Test
    void listIsPagedInCodeOrder() {
        String main = catalog.mainItem("SAMR");
        String[] subs = new String[5];
        for (int i = 0; i < subs.length; i++) {
            subs[i] = catalog.subItemOf(main, "SAMR", "OTHER");
        }

        list(admin, Map.of("parent", main, "page", 0, "size", 2))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("page", equalTo(0))
                .body("size", equalTo(2))
                .body("total", equalTo(5))
                .body("items.code", contains(subs[0], subs[1]));
        list(admin, Map.of("parent", main, "page", 2, "size", 2))
                .then()
                .statusCode(200)
                .body("total", equalTo(5))
                .body("items.code", contains(subs[4]));
    }

    @Test
    void pageBeyondTheAddressableRangeIsRejectedNotAServerError() {
        list(admin, Map.of("page", 20_000_000, "size", 200))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("page"));
    }

    @Test
    void pageSizeAboveTheHardMaximumIsRejected() {
        list(admin, Map.of("size", 201))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("size"))
                .body("errors[0].code", equalTo("OUT_OF_RANGE"));
        list(admin, Map.of("size", 200)).then().statusCode(200).body("size", equalTo(200));
    }

    @Test
    void claimedFilterIsRelativeToTheCallersDepartment() {
        String main = catalog.mainItem("SAMR");
        String mine = catalog.subItemOf(main, "SAMR", "INSPECTION");
        String theirs = catalog.subItemOf(main, "SAMR", "INSPECTION");
        String nobodys = catalog.subItemOf(main, "SAMR", "INSPECTION");
        claim(nanning, mine);
        claim(liuzhou, theirs);

        list(nanning, Map.of("parent", main, "claimed", true))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items.code", contains(mine));
        list(nanning, Map.of("parent", main, "claimed", false))
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.code", contains(theirs, nobodys));
        list(liuzhou, Map.of("parent", main, "claimed", true))
                .then()
                .statusCode(200)
                .body("items.code", contains(theirs));
    }

    @Test
    void claimedFilterNeedsACallerDepartment() {
        list(admin, Map.of("claimed", true))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .body("code", equalTo("DEPARTMENT_REQUIRED"));
    }

    @Test
    void departmentFilterKeepsThatDepartmentsClaimedItems() {
        String main = catalog.mainItem("SAMR");
        String nanningItem = catalog.subItemOf(main, "SAMR", "INSPECTION");
        String liuzhouItem = catalog.subItemOf(main, "SAMR", "INSPECTION");
        claim(nanning, nanningItem);
        claim(liuzhou, liuzhouItem);

        list(Tokens.regionAdmin("450000"), Map.of("parent", main, "department", "LZ_SCJGJ"))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items.code", contains(liuzhouItem));
        list(nanning, Map.of("parent", main, "department", "NN_SCJGJ"))
                .then()
                .statusCode(200)
                .body("items.code", contains(nanningItem));
    }

    @Test
    void departmentFilterOutsideTheCallersScopeIsForbidden() {
        list(nanning, Map.of("department", "LZ_SCJGJ"))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(403)
                .body("code", equalTo("DEPARTMENT_OUT_OF_SCOPE"));
        list(nanning, Map.of("department", "NO_SUCH_DEPT"))
                .then()
                .statusCode(403)
                .body("code", equalTo("DEPARTMENT_OUT_OF_SCOPE"));
    }

    @Test
    void claimedByMeIsShownToDepartmentCallersOnly() {
        String main = catalog.mainItem("SAMR");
        String claimed = catalog.subItemOf(main, "SAMR", "INSPECTION");
        String unclaimed = catalog.subItemOf(main, "SAMR", "INSPECTION");
        claim(nanning, claimed);

        given().auth()
                .oauth2(nanning)
                .get("/api/v1/items/{code}", claimed)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("claimedByMe", equalTo(true));
        given().auth()
                .oauth2(nanning)
                .get("/api/v1/items/{code}", unclaimed)
                .then()
                .statusCode(200)
                .body("claimedByMe", equalTo(false));
        list(nanning, Map.of("parent", main)).then().statusCode(200).body("items.claimedByMe", contains(true, false));
        given().auth()
                .oauth2(admin)
                .get("/api/v1/items/{code}", claimed)
                .then()
                .statusCode(200)
                .body("$", not(hasKey("claimedByMe")));
        list(admin, Map.of("parent", main))
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items[0]", not(hasKey("claimedByMe")));

        assertThat(db.count(
                        "select count(*) from item_claim where item_code = ? and department_code = 'NN_SCJGJ' "
                                + "and status = 'ACTIVE'",
                        claimed))
                .isEqualTo(1);
    }
}
