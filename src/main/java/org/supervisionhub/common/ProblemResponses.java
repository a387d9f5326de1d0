package org.supervisionhub.common;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the answers every API operation can give in one place instead of on every resource: 400 for a request
 * that fails validation and, on operations that need a token (those the security filter marked with a bare 401 and
 * 403), 401 (none, or not valid) and 403 (role or scope), each as problem+json. An operation that documents one of
 * them itself keeps its own.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    private static final Map<String, String> ANSWERS = Map.of(
            "400", "Invalid request: `errors[]` names each offending field",
            "401", "Missing or invalid token",
            "403", "Role or scope does not allow this");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().values().forEach(ProblemResponses::document);
            }
        });
    }

    private static void document(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        ANSWERS.forEach((status, description) -> {
            APIResponse existing = responses.getAPIResponse(status);
            boolean bare = existing != null && existing.getContent() == null;
            // 401 and 403 only where the security filter marked a token as needed; 400 everywhere.
            if (bare || existing == null && status.equals("400")) {
                responses.addAPIResponse(
                        status,
                        OASFactory.createAPIResponse()
                                .description(description)
                                .content(OASFactory.createContent()
                                        .addMediaType(
                                                Problem.MEDIA_TYPE,
                                                OASFactory.createMediaType()
                                                        .schema(OASFactory.createSchema()
                                                                .ref("#/components/schemas/Problem")))));
            }
        });
    }
}
