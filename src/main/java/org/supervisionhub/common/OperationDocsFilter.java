package org.supervisionhub.common;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Documents each operation from its {@code openapi-docs/operations/<operationId>.json} instead of annotations on the
 * resource method, which keeps only what routes and secures it: the English of {@code summary} and
 * {@code description} (the second of a pair {@code ["中文", "English"]}; {@link OpenApiDocsFilter} puts the Chinese
 * before it later), the answers it documents, {@code statuses}: status to description (English, or a pair shown as
 * two lines; or {@code {"description": ..., "body": "SchemaName"}} for a JSON body the scanner cannot infer from a
 * {@code Response}), in the contract's order, and {@code requestFiles}, the media types of a body that is a file (an
 * upload read as a stream). A status takes the body the scanner inferred from the method, or the content an
 * {@code @APIResponse} names for it (a generic page type, a file); the answers the file does not list (the security
 * filter's 401 and 403) follow. Runs first (a higher priority runs earlier), so that {@link ProblemResponses} gives
 * the failures listed here their problem+json body.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = 2)
public class OperationDocsFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                JsonNode docs = OpenApiDocsFilter.operationDocs(operation);
                if (docs != null) {
                    if (docs.path("requestFiles").isArray()) {
                        operation.setRequestBody(files(docs.get("requestFiles")));
                    }
                    if (docs.path("statuses").isObject()) {
                        declare(operation, docs.get("statuses"));
                    }
                    describe(operation, english(docs.path("summary")), english(docs.path("description")));
                }
            }
        }
    }

    /** The English of a pair ["中文", "English"]; null for a Chinese-only text. */
    private static String english(JsonNode text) {
        return text.isArray() && text.size() == 2 ? text.get(1).asText() : null;
    }

    /**
     * Puts the texts first, where the scanner puts those of an annotation: the model writes its properties in the
     * order they were set, so the others the scanner sets are taken off and set again after them (externalDocs,
     * callbacks, servers and extensions, which no operation here has, would stay before the texts).
     */
    private static void describe(Operation operation, String summary, String description) {
        if (summary == null && description == null) {
            return;
        }
        String operationId = operation.getOperationId();
        List<String> tags = operation.getTags();
        List<Parameter> parameters = operation.getParameters();
        RequestBody requestBody = operation.getRequestBody();
        APIResponses responses = operation.getResponses();
        Boolean deprecated = operation.getDeprecated();
        List<SecurityRequirement> security = operation.getSecurity();
        operation.setOperationId(null);
        operation.setTags(null);
        operation.setParameters(null);
        operation.setRequestBody(null);
        operation.setResponses(null);
        operation.setDeprecated(null);
        operation.setSecurity(null);
        operation.setSummary(summary);
        operation.setDescription(description);
        operation.setOperationId(operationId);
        operation.setTags(tags);
        operation.setParameters(parameters);
        operation.setRequestBody(requestBody);
        operation.setResponses(responses);
        operation.setDeprecated(deprecated);
        operation.setSecurity(security);
    }

    private static void declare(Operation operation, JsonNode statuses) {
        Map<String, APIResponse> scanned =
                operation.getResponses() == null || operation.getResponses().getAPIResponses() == null
                        ? Map.of()
                        : operation.getResponses().getAPIResponses();
        Map<String, APIResponse> declared = new LinkedHashMap<>();
        statuses.fields().forEachRemaining(status -> {
            JsonNode entry = status.getValue();
            JsonNode text = entry.isObject() ? entry.path("description") : entry;
            // A new answer: the security filter's 401 and 403 are one object shared by every operation.
            APIResponse response = OASFactory.createAPIResponse()
                    .description(
                            text.isArray()
                                    ? text.get(0).asText() + "\n" + text.get(1).asText()
                                    : text.asText());
            APIResponse inferred = scanned.get(status.getKey());
            if (entry.hasNonNull("body")) {
                response.setContent(json(entry.get("body").asText()));
            } else if (inferred != null) {
                response.setHeaders(inferred.getHeaders());
                response.setContent(inferred.getContent());
            }
            declared.put(status.getKey(), response);
        });
        scanned.forEach(declared::putIfAbsent);
        APIResponses responses = OASFactory.createAPIResponses();
        declared.forEach(responses::addAPIResponse);
        operation.setResponses(responses);
    }

    /** A JSON body of the named component schema. */
    private static Content json(String schema) {
        return OASFactory.createContent()
                .addMediaType(
                        "application/json",
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref("#/components/schemas/" + schema)));
    }

    /** A required body that is a file of one of the given media types. */
    private static RequestBody files(JsonNode mediaTypes) {
        Content content = OASFactory.createContent();
        mediaTypes.forEach(type -> content.addMediaType(
                type.asText(),
                OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().format("binary").addType(Schema.SchemaType.STRING))));
        return OASFactory.createRequestBody().content(content).required(true);
    }
}
