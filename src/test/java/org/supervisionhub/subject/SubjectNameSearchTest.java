package org.supervisionhub.subject;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.CreditCodeGenerator;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

/**
 * Name search ranks in tiers: the exact name, then names starting with the text, then names containing it further
 * in; the total is exact when the matches end within the page or when asked for.
 */
@QuarkusTest
class SubjectNameSearchTest {

    private final String reader = Tokens.deptAdmin("NN_SCJGJ", "450100");

    @Inject
    Db db;

    private static String report(String name, String regionCode) {
        String code = CreditCodeGenerator.enterprise(regionCode);
        given().auth()
                .oauth2(Tokens.hubAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of("source", "test", "name", name, "subjectType", "ENTERPRISE", "regionCode", regionCode))
                .put("/api/v1/subjects/{code}", code)
                .then()
                .statusCode(201);
        return code;
    }

    @Test
    void aFragmentInTheMiddleOfANameFindsIt() {
        String text = SubjectResourceTest.uniqueMarker();
        String code = report("广西" + text + "农业开发有限公司", "450200");

        given().auth()
                .oauth2(reader)
                .queryParam("name", text)
                .get("/api/v1/subjects")
                .then()
                .statusCode(200)
                .body("items.creditCode", contains(code))
                .body("items[0].name", equalTo("广西" + text + "农业开发有限公司"))
                .body("items[0].score", lessThan(0.5f))
                .body("total", equalTo(1))
                .body("totalExact", equalTo(true));
    }

    @Test
    void theExactNameComesFirstThenNamesStartingWithTheTextThenNamesContainingIt() {
        String text = SubjectResourceTest.uniqueMarker() + "商贸";
        // Reported in the reverse of the expected order, so storage order cannot pass for ranking.
        String contains = report("南宁" + text + "有限公司", "450103");
        String longerPrefix = report(text + "有限责任公司", "450103");
        String prefix = report(text + "商行", "450103");
        String exact = report(text, "450103");

        given().auth()
                .oauth2(reader)
                .queryParam("name", text)
                .get("/api/v1/subjects")
                .then()
                .statusCode(200)
                .body("items.creditCode", contains(exact, prefix, longerPrefix, contains))
                .body("items[0].score", equalTo(1.0f))
                .body("total", equalTo(4))
                .body("totalExact", equalTo(true));
    }

    @Test
    void scoresFallByTierAndWithinATierByTheShareOfTheNameTheTextCovers() {
        assertThat(SubjectQueries.score(0, 4, 4)).isEqualTo(1.0);
        assertThat(SubjectQueries.score(1, 4, 8)).isEqualTo(0.75);
        assertThat(SubjectQueries.score(1, 4, 16)).isEqualTo(0.625);
        assertThat(SubjectQueries.score(2, 4, 8)).isEqualTo(0.25);
        assertThat(SubjectQueries.score(1, 4, 100)).isGreaterThan(SubjectQueries.score(2, 4, 5));
    }

    @Test
    void theTextsBigramsAreMadeAsTheDatabaseMakesThemFromTheNormalisedText() {
        assertThat(SubjectQueries.bigrams("恒盛科技")).containsExactly("恒盛", "盛科", "科技");
        assertThat(SubjectQueries.bigrams("ＡＢ（南")).containsExactly("ab", "b(", "(南");
        assertThat(SubjectQueries.bigrams("哈哈哈")).containsExactly("哈哈");
    }

    @Test
    void bigramsCommonInNamesAreLeftOutOfTheLookupWhenTheTextHasARarerOne() {
        Map<String, Double> common = Map.of("科技", 0.099, "有限", 0.5);

        assertThat(SubjectQueries.leftOutOfLookup(SubjectQueries.bigrams("恒盛科技有限"), common))
                .containsExactlyInAnyOrder("科技", "有限");
    }

    @Test
    void theRarestBigramIsLookedUpWhenAllOfTheTextsAreCommon() {
        Map<String, Double> common = Map.of("科技", 0.099, "技有", 0.03, "有限", 0.5);

        assertThat(SubjectQueries.leftOutOfLookup(SubjectQueries.bigrams("科技有限"), common))
                .containsExactly("科技", "有限");
    }

    @Test
    void leavingBigramsOutOfTheLookupLeavesTheHitsAndTheirOrderAsTheyAre() {
        String text = SubjectResourceTest.uniqueMarker() + "科技";
        for (String city : List.of("南宁", "柳州", "桂林", "梧州")) {
            report(city + text + "有限公司", "450103");
        }
        report(text + "有限公司", "450103");
        // Three hits a tier: the name starting with the text, then three of the four containing it.
        String hits =
                "select string_agg(credit_code || tier, ',') from subject_name_search(?, '', 3, string_to_array(?, ','))";

        Object allLookedUp = db.single(hits, text, "");
        assertThat(((String) allLookedUp).split(",")).hasSize(4);
        for (String leftOut : List.of("科技", String.join(",", SubjectQueries.bigrams(text)))) {
            assertThat(db.single(hits, text, leftOut)).as(leftOut).isEqualTo(allLookedUp);
        }
    }

    @Test
    void fullWidthTextFindsTheExactNameFirst() {
        String text = SubjectResourceTest.uniqueMarker();
        String exact = report(text + "（南宁）", "450103");
        String contains = report("广西" + text + "(南宁)分公司", "450103");

        given().auth()
                .oauth2(reader)
                .queryParam("name", text + "(南宁)")
                .get("/api/v1/subjects")
                .then()
                .statusCode(200)
                .body("items.creditCode", contains(exact, contains));
    }

    @Test
    void naturalPersonsAreNeverListedInAnyTier() {
        String text = SubjectResourceTest.uniqueMarker();
        given().auth()
                .oauth2(Tokens.token("gx-registry", List.of("system"), "GX_SCJGJ", "450000"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "source",
                        "gx-registry",
                        "idNumber",
                        "11010519491231002X",
                        "name",
                        text,
                        "regionCode",
                        "450103"))
                .post("/api/v1/subjects/persons")
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(201), equalTo(200)));
        String organisation = report("广西" + text + "有限公司", "450103");

        given().auth()
                .oauth2(reader)
                .queryParam("name", text)
                .get("/api/v1/subjects")
                .then()
                .statusCode(200)
                .body("items.creditCode", contains(organisation))
                .body("total", equalTo(1));
    }

    @Test
    void theRegionFilterAppliesToEveryTier() {
        String text = SubjectResourceTest.uniqueMarker();
        report(text, "450103");
        report(text + "商行", "450200");
        String inRegion = report("柳州" + text + "有限公司", "450200");
        report("南宁" + text + "有限公司", "450103");

        given().auth()
                .oauth2(reader)
                .queryParam("name", text)
                .queryParam("region", "450200")
                .get("/api/v1/subjects")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items[1].creditCode", equalTo(inRegion))
                .body("total", equalTo(2));
    }

    @Test
    void whenMorePagesFollowTheTotalIsALowerBoundUnlessAnExactOneIsAsked() {
        String text = SubjectResourceTest.uniqueMarker();
        report(text + "甲公司", "450103");
        report(text + "乙公司", "450103");
        report(text + "丙公司", "450103");
        report("南宁" + text + "丁公司", "450103");
        report("南宁" + text + "戊公司", "450103");

        page(text, 0, false).body("items", hasSize(2)).body("total", equalTo(3)).body("totalExact", equalTo(false));
        page(text, 0, true).body("items", hasSize(2)).body("total", equalTo(5)).body("totalExact", equalTo(true));
        page(text, 2, false).body("items", hasSize(1)).body("total", equalTo(5)).body("totalExact", equalTo(true));
    }

    private io.restassured.response.ValidatableResponse page(String text, int page, boolean exactTotal) {
        return given().auth()
                .oauth2(reader)
                .queryParam("name", text)
                .queryParam("size", 2)
                .queryParam("page", page)
                .queryParam("exactTotal", exactTotal)
                .get("/api/v1/subjects")
                .then()
                .statusCode(200);
    }

    @Test
    void pagesFollowOneAnotherAcrossTiersWithoutRepeats() {
        String text = SubjectResourceTest.uniqueMarker();
        String first = report(text + "甲公司", "450103");
        String second = report(text + "乙公司", "450103");
        String third = report("南宁" + text + "丙公司", "450103");

        List<String> page0 = given().auth()
                .oauth2(reader)
                .queryParam("name", text)
                .queryParam("size", 2)
                .get("/api/v1/subjects")
                .then()
                .statusCode(200)
                .extract()
                .path("items.creditCode");
        List<String> page1 = given().auth()
                .oauth2(reader)
                .queryParam("name", text)
                .queryParam("size", 2)
                .queryParam("page", 1)
                .get("/api/v1/subjects")
                .then()
                .statusCode(200)
                .extract()
                .path("items.creditCode");

        assertThat(page0).containsExactlyInAnyOrder(first, second);
        assertThat(page1).containsExactly(third);
    }

    @Test
    void theTextMustStillBeTwoToFiftyCharacters() {
        given().auth()
                .oauth2(reader)
                .queryParam("name", "瑄")
                .get("/api/v1/subjects")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].code", equalTo("LENGTH_OUT_OF_RANGE"));
        given().auth()
                .oauth2(reader)
                .queryParam("name", "瑄".repeat(51))
                .get("/api/v1/subjects")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("name"));
    }
}
