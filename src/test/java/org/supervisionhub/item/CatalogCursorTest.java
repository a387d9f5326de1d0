package org.supervisionhub.item;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Catalog;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

/** The catalog listing walked with a cursor (after/next), and the count it makes on request only. */
@QuarkusTest
class CatalogCursorTest {

    @Inject
    Catalog catalog;

    @Inject
    Db db;

    private final String admin = Tokens.hubAdmin();
    private final String nanning = Tokens.deptAdmin("NN_SCJGJ", "450100");

    private Response list(String token, Map<String, ?> query) {
        return given().auth().oauth2(token).queryParams(query).get("/api/v1/items");
    }

    /** A sector code no other test uses, so a filter on it lists this test's items only. */
    private static String newSector() {
        return "K" + Catalog.newCode();
    }

    private static String cursorOf(String code) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(code.getBytes(StandardCharsets.US_ASCII));
    }

    /** A main item of the sector and sub-items of the given types under it: all their codes, ascending. */
    private List<String> items(String sector, String... types) {
        List<String> codes = new ArrayList<>();
        String main = catalog.mainItem(sector);
        codes.add(main);
        for (String type : types) {
            codes.add(catalog.subItemOf(main, sector, type));
        }
        return codes;
    }

    /**
     * Follows next from the first page to the last, checking the shape of every cursor page on the way, and returns
     * the codes in the order they came.
     */
    private List<String> walk(String token, Map<String, Object> query, int size) {
        List<String> codes = new ArrayList<>();
        Map<String, Object> first = new HashMap<>(query);
        first.put("size", size);
        first.put("count", "none");
        JsonPath page = list(token, first).then().statusCode(200).extract().jsonPath();
        codes.addAll(page.getList("items.code"));
        String next = page.getString("next");
        int pages = 1;
        while (next != null) {
            assertThat(pages++).as("pages of a finite walk").isLessThan(10_000);
            Map<String, Object> following = new HashMap<>(query);
            following.put("size", size);
            following.put("after", next);
            Response response = list(token, following);
            response.then()
                    .log()
                    .ifValidationFails()
                    .statusCode(200)
                    .body("$", not(hasKey("page")))
                    .body("$", not(hasKey("total")))
                    .body("totalExact", equalTo(false))
                    .body("size", equalTo(size));
            page = response.jsonPath();
            List<String> items = page.getList("items.code");
            next = page.getString("next");
            assertThat(items.size()).as("a page before the last is full").isEqualTo(next == null ? items.size() : size);
            codes.addAll(items);
        }
        return codes;
    }

    @Test
    void walkingTheWholeCatalogWithTheCursorReturnsEveryItemOnceInCodeOrder() {
        items(newSector(), "INSPECTION", "PENALTY");
        List<String> expected = db.rows("select code from catalog_item order by code").stream()
                .map(row -> (String) row.get("code"))
                .toList();

        List<String> walked = walk(admin, Map.of(), 200);

        assertThat(walked).isNotEmpty().containsExactlyElementsOf(expected);
    }

    @Test
    void walkingAFilteredListReturnsEveryMatchOnceInCodeOrder() {
        String sector = newSector();
        List<String> codes = items(sector, "INSPECTION", "PENALTY", "INSPECTION", "OTHER", "INSPECTION", "INSPECTION");
        List<String> inspections = List.of(codes.get(1), codes.get(3), codes.get(5), codes.get(6));
        items(newSector(), "INSPECTION", "INSPECTION"); // another sector's items: never listed below

        assertThat(walk(admin, Map.of("sector", sector), 2)).containsExactlyElementsOf(codes);
        assertThat(walk(admin, Map.of("sector", sector, "type", "INSPECTION"), 3))
                .containsExactlyElementsOf(inspections);
        assertThat(walk(admin, Map.of("sector", sector, "type", "INSPECTION", "status", "IN_USE"), 4))
                .containsExactlyElementsOf(inspections);
        assertThat(walk(admin, Map.of("sector", sector, "type", "INSPECTION", "status", "SUSPENDED"), 2))
                .isEmpty();
    }

    @Test
    void cursorKeepsTheClaimedFilterAndClaimedByMeOfTheCallersDepartment() {
        String sector = newSector();
        List<String> codes = items(sector, "INSPECTION", "INSPECTION", "INSPECTION", "INSPECTION");
        for (String claimed : List.of(codes.get(1), codes.get(3))) {
            db.update(
                    "insert into item_claim (item_code, department_code, status, claimed_by) "
                            + "values (?, 'NN_SCJGJ', 'ACTIVE', 'test')",
                    claimed);
        }

        assertThat(walk(nanning, Map.of("sector", sector, "claimed", true), 1))
                .containsExactly(codes.get(1), codes.get(3));
        assertThat(walk(nanning, Map.of("sector", sector, "claimed", false), 1))
                .containsExactly(codes.get(0), codes.get(2), codes.get(4));
        list(nanning, Map.of("sector", sector, "after", cursorOf(codes.get(0)), "size", 2))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("items.code", contains(codes.get(1), codes.get(2)))
                .body("items.claimedByMe", contains(true, false))
                .body("next", equalTo(cursorOf(codes.get(2))));
        list(admin, Map.of("sector", sector, "after", cursorOf(codes.get(0)), "size", 2))
                .then()
                .statusCode(200)
                .body("items[0]", not(hasKey("claimedByMe")));
        assertThat(walk(Tokens.regionAdmin("450000"), Map.of("sector", sector, "department", "NN_SCJGJ"), 1))
                .containsExactly(codes.get(1), codes.get(3));
    }

    @Test
    void departmentFilterOutsideTheCallersScopeIsForbiddenWithACursorToo() {
        list(nanning, Map.of("department", "LZ_SCJGJ", "after", cursorOf("45000000000000")))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(403)
                .body("code", equalTo("DEPARTMENT_OUT_OF_SCOPE"));
        list(admin, Map.of("claimed", false, "after", cursorOf("45000000000000")))
                .then()
                .statusCode(400)
                .body("code", equalTo("DEPARTMENT_REQUIRED"));
    }

    @Test
    void lastPageHasANullNext() {
        String sector = newSector();
        List<String> codes = items(sector, "OTHER", "OTHER");

        list(admin, Map.of("sector", sector, "after", cursorOf(codes.get(0))))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("items.code", contains(codes.get(1), codes.get(2)))
                .body("$", hasKey("next"))
                .body("next", nullValue());
        list(admin, Map.of("sector", sector, "after", cursorOf(codes.get(2))))
                .then()
                .statusCode(200)
                .body("items", hasSize(0))
                .body("next", nullValue());
    }

    @Test
    void malformedCursorIsAProblemOnTheAfterField() {
        for (String cursor : List.of(
                "not a cursor",
                "",
                cursorOf("4500100010000"),
                cursorOf("4500100010000X"),
                cursorOf("45001000100001") + "AAAAAAAAAAAA",
                "%%%")) {
            list(admin, Map.of("after", cursor))
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(400)
                    .body("code", equalTo("VALIDATION_FAILED"))
                    .body("errors", hasSize(1))
                    .body("errors[0].field", equalTo("after"))
                    .body("errors[0].code", equalTo("CURSOR_INVALID"));
        }
    }

    @Test
    void pageTogetherWithAfterIsAProblemOnThePageField() {
        for (int page : List.of(0, 1)) {
            list(admin, Map.of("page", page, "after", cursorOf("45001000100001")))
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(400)
                    .body("code", equalTo("VALIDATION_FAILED"))
                    .body("errors", hasSize(1))
                    .body("errors[0].field", equalTo("page"))
                    .body("errors[0].code", equalTo("NOT_ALLOWED"));
        }
    }

    @Test
    void countOnRequestIsTheExactNumberOfAllMatches() {
        String sector = newSector();
        List<String> codes = items(sector, "INSPECTION", "PENALTY", "OTHER", "INSPECTION");

        // With a cursor: the matches of the filters, those before the cursor included.
        list(admin, Map.of("sector", sector, "after", cursorOf(codes.get(2)), "size", 1, "count", "exact"))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("total", equalTo(codes.size()))
                .body("totalExact", equalTo(true))
                .body("items.code", contains(codes.get(3)))
                .body("next", equalTo(cursorOf(codes.get(3))));
        list(admin, Map.of("sector", sector, "type", "INSPECTION", "after", cursorOf(codes.get(0)), "count", "exact"))
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("totalExact", equalTo(true));
        // Page numbers without count=none count as they always did.
        list(admin, Map.of("sector", sector, "page", 1, "size", 2))
                .then()
                .statusCode(200)
                .body("page", equalTo(1))
                .body("total", equalTo(codes.size()))
                .body("totalExact", equalTo(true))
                .body("items.code", contains(codes.get(2), codes.get(3)))
                .body("next", equalTo(cursorOf(codes.get(3))));
        // count=none: no total while more pages follow; the last page of page numbers knows it without counting.
        list(admin, Map.of("sector", sector, "size", 2, "count", "none"))
                .then()
                .statusCode(200)
                .body("$", not(hasKey("total")))
                .body("totalExact", equalTo(false))
                .body("next", notNullValue());
        list(admin, Map.of("sector", sector, "page", 2, "size", 2, "count", "none"))
                .then()
                .statusCode(200)
                .body("total", equalTo(codes.size()))
                .body("totalExact", equalTo(true))
                .body("next", nullValue());
    }

    @Test
    void countOtherThanExactOrNoneIsATypeMismatch() {
        list(admin, Map.of("count", "approximate"))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("count"))
                .body("errors[0].code", equalTo("TYPE_MISMATCH"));
    }
}
