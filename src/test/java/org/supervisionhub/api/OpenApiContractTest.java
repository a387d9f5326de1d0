package org.supervisionhub.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supervisionhub.common.ErrorCode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The committed contract (openapi/openapi.yaml) must equal what the hub serves, so the contract can
 * never drift silently. After an intended API change run scripts/update-openapi.sh and commit the diff.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final Path COMMITTED = Path.of("openapi", "openapi.yaml");

    @Test
    void servedContractEqualsTheCommittedOne() throws IOException {
        String served = given().accept("application/yaml")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Path servedCopy = Path.of("target", "openapi-served.yaml");
        Files.createDirectories(servedCopy.getParent());
        Files.writeString(servedCopy, served);

        assertThat(COMMITTED).as("committed contract").exists();
        Object committedTree = yaml().load(Files.readString(COMMITTED));
        Object servedTree = yaml().load(served);
        assertThat(servedTree)
                .as(
                        "served OpenAPI differs from %s; review target/openapi-served.yaml and run scripts/update-openapi.sh",
                        COMMITTED)
                .isEqualTo(committedTree);
    }

    @Test
    @SuppressWarnings("unchecked")
    void errorCodeCatalogIsPublishedAndReferencedByProblemAndFieldError() {
        String served = given().accept("application/yaml")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Map<String, Object> schemas = (Map<String, Object>)
                ((Map<String, Object>) ((Map<String, Object>) yaml().load(served)).get("components")).get("schemas");
        Map<String, Object> catalog = (Map<String, Object>) schemas.get("ErrorCode");

        assertThat((List<Object>) catalog.get("enum"))
                .containsExactlyElementsOf(
                        Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
        assertThat((List<Object>) catalog.get("x-enum-descriptions"))
                .hasSize(ErrorCode.values().length)
                .contains(ErrorCode.CREDIT_CODE_INVALID.description() + " / "
                        + ErrorCode.CREDIT_CODE_INVALID.descriptionZh());
        assertThat((List<Object>) catalog.get("x-enum-http-status")).hasSize(ErrorCode.values().length);
        for (String schema : List.of("Problem", "FieldError")) {
            Map<String, Object> code = (Map<String, Object>)
                    ((Map<String, Object>) ((Map<String, Object>) schemas.get(schema)).get("properties")).get("code");
            assertThat(code).as(schema + ".code").containsEntry("$ref", "#/components/schemas/ErrorCode");
        }
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(20 * 1024 * 1024);
        return new Yaml(options);
    }
}
