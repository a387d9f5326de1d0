package org.supervisionhub.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Tokens;

/**
 * A deprecated operation announces itself on every answer (Deprecation, Sunset, Link to its successor), its successor
 * does not, and every deprecation is also Java's {@code @Deprecated} (so the served contract says deprecated: true).
 */
@QuarkusTest
class DeprecationHeadersTest {

    @Test
    void deprecatedOperationAnswersWithDeprecationSunsetAndSuccessor() {
        given().auth()
                .oauth2(Tokens.hubAdmin())
                .get("/api/v1/test-deprecation/old")
                .then()
                .statusCode(200)
                .body("answer", equalTo("old"))
                // 2026-12-01 00:00 China Standard Time; the sunset is 2027-07-01 00:00 CST as an HTTP date.
                .header("Deprecation", equalTo("@1796054400"))
                .header("Sunset", equalTo("Wed, 30 Jun 2027 16:00:00 GMT"))
                .header("Link", equalTo("</api/v1/test-deprecation/new>; rel=\"successor-version\""));
    }

    @Test
    void deprecatedOperationAnnouncesItselfOnErrorsToo() {
        given().auth()
                .oauth2(Tokens.hubAdmin())
                .get("/api/v1/test-deprecation/old?missing=true")
                .then()
                .statusCode(404)
                .body("code", equalTo("ITEM_NOT_FOUND"))
                .header("Deprecation", equalTo("@1796054400"));
    }

    @Test
    void successorAnswersWithoutDeprecationHeaders() {
        given().auth()
                .oauth2(Tokens.hubAdmin())
                .get("/api/v1/test-deprecation/new")
                .then()
                .statusCode(200)
                .header("Deprecation", nullValue())
                .header("Sunset", nullValue());
    }

    @Test
    void everyApiDeprecationIsAlsoJavaDeprecated() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.supervisionhub");

        ArchRuleDefinition.methods()
                .that()
                .areAnnotatedWith(ApiDeprecation.class)
                .should()
                .beAnnotatedWith(Deprecated.class)
                .allowEmptyShould(true)
                .check(classes);
        assertThat(classes.get(DeprecationTestResource.class).getMethods())
                .anySatisfy(method ->
                        assertThat(method.isAnnotatedWith(ApiDeprecation.class)).isTrue());
    }
}
