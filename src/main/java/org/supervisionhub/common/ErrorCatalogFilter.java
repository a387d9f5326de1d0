package org.supervisionhub.common;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Publishes the error-code catalog ({@link ErrorCode}) in the OpenAPI document: an {@code ErrorCode} schema (the
 * codes as an enum, with {@code x-enum-descriptions} and {@code x-enum-http-status} in the same order) that the
 * {@code code} of {@code Problem} and {@code FieldError} refer to. Runs at build time, so the stored contract
 * (target/openapi, copied to openapi/openapi.yaml by scripts/update-openapi.sh) carries it as well.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ErrorCatalogFilter implements OASFilter {

    static final String SCHEMA = "ErrorCode";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Schema catalog = OASFactory.createSchema()
                .addType(Schema.SchemaType.STRING)
                .description(
                        "Stable error codes (catalog: common/ErrorCode). x-enum-descriptions describes each code "
                                + "in English and Chinese, x-enum-http-status gives its usual HTTP status (200: an upload warning).");
        List<Object> descriptions = new ArrayList<>();
        List<Object> statuses = new ArrayList<>();
        for (ErrorCode code : ErrorCode.values()) {
            catalog.addEnumeration(code.name());
            descriptions.add(code.description() + " / " + code.descriptionZh());
            statuses.add(code.status());
        }
        catalog.addExtension("x-enum-descriptions", descriptions);
        catalog.addExtension("x-enum-http-status", statuses);
        openAPI.getComponents().addSchema(SCHEMA, catalog);
        referToCatalog(openAPI, "Problem", "code");
        referToCatalog(openAPI, "FieldError", "code");
        referToCatalog(openAPI, "UploadJob", "failureCode");
    }

    /** Replaces the schema's plain-string property by a reference to the catalog, keeping its text. */
    private static void referToCatalog(OpenAPI openAPI, String schemaName, String property) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Schema schema = schemas == null ? null : schemas.get(schemaName);
        if (schema == null
                || schema.getProperties() == null
                || !schema.getProperties().containsKey(property)) {
            return;
        }
        Schema plain = schema.getProperties().get(property);
        Schema reference = OASFactory.createSchema()
                .ref("#/components/schemas/" + SCHEMA)
                .description(plain.getDescription())
                .examples(plain.getExamples());
        schema.addProperty(property, reference);
    }
}
