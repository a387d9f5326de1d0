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
 * them itself keeps its own description. Every error answer a resource declares with a status and a description only
 * (404, 409, 413, ...) gets the problem+json body here too, so resources never repeat the media type and schema.
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
            if (bare && isStandardDescription(existing) || existing == null && status.equals("400")) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
            }
        });
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().forEach((status, response) -> {
                if (isError(status) && response.getContent() == null) {
                    response.setContent(problemContent());
                }
            });
            documentAlternativeSuccesses(responses);
        }
    }

    /**
     * An upsert answers 201 or 200 with the same body; the scanner infers the body for one of them at most. A success
     * answer declared with a description alone carries the body of the operation's documented success answer.
     */
    private static void documentAlternativeSuccesses(APIResponses responses) {
        Map<String, APIResponse> all = responses.getAPIResponses();
        all.entrySet().stream()
                .filter(entry -> isBodySuccess(entry.getKey()) && hasSchema(entry.getValue()))
                .map(Map.Entry::getValue)
                .findFirst()
                .ifPresent(documented -> all.forEach((status, response) -> {
                    if (isBodySuccess(status) && !hasSchema(response)) {
                        response.setContent(documented.getContent());
                    }
                }));
    }

    private static boolean hasSchema(APIResponse response) {
        return response.getContent() != null
                && response.getContent().getMediaTypes() != null
                && response.getContent().getMediaTypes().values().stream()
                        .anyMatch(mediaType -> mediaType.getSchema() != null
                                && (mediaType.getSchema().getRef() != null
                                        || mediaType.getSchema().getType() != null));
    }

    private static boolean isBodySuccess(String status) {
        return status.length() == 3 && status.charAt(0) == '2' && !status.equals("204");
    }

    /** The framework's own 400/401/403 descriptions are replaced; a resource's own description stays. */
    private static boolean isStandardDescription(APIResponse response) {
        String description = response.getDescription();
        return description == null
                || description.equals("Bad Request")
                || description.equals("Not Authorized")
                || description.equals("Not Allowed");
    }

    private static boolean isError(String status) {
        return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem")));
    }
}
