package org.supervisionhub.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Makes the contract teach: attaches the Chinese texts and the examples kept under {@code openapi-docs/} to the
 * document the annotations and {@link OperationDocsFilter} produced. {@code openapi-docs/info.md} is the API
 * description; {@code glossary.json} gives the Chinese name of every schema property, parameter and tag (one term per
 * name across the API, a {@code Schema.property} entry where a name means something else there);
 * {@code schemas/<SchemaName>.json} is the data dictionary of a component schema: property to its English description
 * (or a text already bilingual), in place of a {@code @Schema(description)} on the record component, which a property
 * must not have as well (a property that refers to another schema keeps its annotation, since the scanner also repeats
 * the referred type next to it, and so do the records of {@code RecordInput}, which {@code StandardColumns} reads);
 * {@code operations/<operationId>.json} holds all of an operation's documentation: its {@code summary} and
 * {@code description} as {@code ["中文", "English"]} (the English is set by {@link OperationDocsFilter}, in place of
 * an annotation), the answers it documents ({@code statuses}, also {@link OperationDocsFilter}'s), its own parameter
 * terms ({@code parameters}, before the glossary's), its example request and its example responses by status (a
 * body; for a failure a catalog code, a list of them, or {@code {"problem": code, "detail": ..., "errors": [...]}},
 * from which the problem body is built). Chinese comes first, the English second. Runs at build time, so the stored
 * contract carries it; {@code OpenApiExamplesTest} checks that every operation has its file and that every example
 * validates against its schema, {@code OpenApiSchemaDocsTest} that every dictionary entry names a schema and property of
 * the contract.
 */
// After OperationDocsFilter (priority 2), ProblemResponses and ErrorCatalogFilter (priority 1): a higher priority runs
// first.
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = 0)
public class OpenApiDocsFilter implements OASFilter {

    static final String ROOT = "openapi-docs/";
    private static final Pattern CHINESE = Pattern.compile("[\\u4e00-\\u9fff]");
    private static final Pattern LATIN = Pattern.compile("[A-Za-z]");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        String info = text(ROOT + "info.md");
        if (info != null) {
            if (openAPI.getInfo() == null) {
                openAPI.setInfo(OASFactory.createInfo());
            }
            openAPI.getInfo().setDescription(info.strip());
        }
        JsonNode read = json(ROOT + "glossary.json");
        JsonNode glossary = read == null ? JSON.createObjectNode() : read;
        if (openAPI.getTags() != null) {
            for (Tag tag : openAPI.getTags()) {
                tag.setDescription(bilingual(glossary.path("tags").path(tag.getName()), tag.getDescription()));
            }
        }
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents()
                    .getSchemas()
                    .forEach((name, schema) -> describe(glossary, dictionary(name), name, schema));
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path :
                openAPI.getPaths().getPathItems().entrySet()) {
            describeParameters(glossary, path.getValue().getParameters());
            for (Operation operation : path.getValue().getOperations().values()) {
                JsonNode docs = operationDocs(operation);
                if (docs != null) {
                    // An operation's own parameter terms ("id" of a draw, "code" of a region) come before the
                    // glossary's.
                    describeParameters(docs, operation.getParameters());
                    document(operation, path.getKey(), docs);
                }
                describeParameters(glossary, operation.getParameters());
            }
        }
    }

    /** The operation's {@code operations/<operationId>.json}, or null. */
    static JsonNode operationDocs(Operation operation) {
        return operation.getOperationId() == null
                ? null
                : json(ROOT + "operations/" + operation.getOperationId() + ".json");
    }

    private static void document(Operation operation, String path, JsonNode docs) {
        operation.setSummary(bilingual(docs.path("summary"), operation.getSummary()));
        operation.setDescription(bilingual(docs.path("description"), operation.getDescription()));
        JsonNode request = docs.get("request");
        if (request != null && operation.getRequestBody() != null) {
            attach(operation.getRequestBody().getContent(), "request", "示例请求 Example request", request);
        }
        JsonNode responses = docs.path("responses");
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        for (Map.Entry<String, APIResponse> response :
                operation.getResponses().getAPIResponses().entrySet()) {
            String status = response.getKey();
            JsonNode example = responses.get(status);
            if (example == null) {
                example = defaultProblem(status);
            }
            Content content = response.getValue().getContent();
            if (example == null || content == null) {
                continue;
            }
            if (status.startsWith("4") || status.startsWith("5")) {
                for (JsonNode problem : example.isArray() ? example : List.of(example)) {
                    ObjectNode body = problem(problem, Integer.parseInt(status), path);
                    String code = body.path("code").asText();
                    attach(content, code, ErrorCode.valueOf(code).descriptionZh() + " " + code, body);
                }
            } else {
                attach(content, "response", "示例响应 Example response", example);
            }
        }
    }

    /** The auto-documented failures every secured operation has: their usual code unless the file says otherwise. */
    private static JsonNode defaultProblem(String status) {
        return switch (status) {
            case "401" -> JSON.getNodeFactory().textNode(ErrorCode.UNAUTHENTICATED.name());
            case "403" -> JSON.getNodeFactory().textNode(ErrorCode.FORBIDDEN.name());
            default -> null;
        };
    }

    /** The problem body the hub answers with: type, title and status from the catalog, detail in Chinese. */
    private static ObjectNode problem(JsonNode example, int status, String path) {
        String code =
                example.isTextual() ? example.asText() : example.path("problem").asText();
        ErrorCode catalog;
        try {
            catalog = ErrorCode.valueOf(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("openapi-docs: problem example for status " + status + " of " + path
                    + " names " + code + ", which is not in common/ErrorCode");
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("type", "urn:supervision-hub:problem:" + code);
        body.put("title", catalog.description());
        body.put("status", status);
        body.put("detail", example.hasNonNull("detail") ? example.get("detail").asText() : catalog.descriptionZh());
        body.put("instance", instance(path));
        body.put("code", code);
        body.put("requestId", "9f1c2e7a-3b4d-4c5e-8f60-1a2b3c4d5e6f");
        if (example.has("errors")) {
            body.set("errors", example.get("errors"));
        }
        return body;
    }

    /** The request path of the examples: the path template with the demo values of its parameters. */
    static String instance(String template) {
        String path = template.startsWith("/api/v1/regions")
                ? template.replace("{code}", "450103")
                : template.replace("{code}", "45001000100001");
        return path.replace("{system}", "gx-ssj")
                .replace("{kind}", template.contains("/callbacks/") ? "complaints" : "inspection")
                .replace("{id}", "1024")
                .replace("{departmentCode}", "450100_SAMR")
                .replace("{creditCode}", "91450103MA5L2K8Q4L")
                .replace("{issuer}", "GX_GOV")
                .replace("{certNo}", "45010020230017");
    }

    /** Puts the example on every JSON media type of the content (NDJSON: one line, the array's first element). */
    private static void attach(Content content, String name, String summary, JsonNode value) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (Map.Entry<String, MediaType> media : content.getMediaTypes().entrySet()) {
            String type = media.getKey();
            Object example;
            if (type.endsWith("ndjson")) {
                // The schema of an NDJSON body is that of one line: the example is the first record.
                if (value.isArray() && value.isEmpty()) {
                    continue;
                }
                example = JSON.convertValue(value.isArray() ? value.get(0) : value, Object.class);
            } else if (type.endsWith("json")) {
                example = JSON.convertValue(value, Object.class);
            } else {
                continue;
            }
            Example entry = OASFactory.createExample().summary(summary).value(example);
            media.getValue().addExample(name, entry);
        }
    }

    /** The schema's {@code schemas/<SchemaName>.json}: property to its English description; empty if none. */
    static JsonNode dictionary(String schemaName) {
        JsonNode read = json(ROOT + "schemas/" + schemaName + ".json");
        return read == null ? JSON.createObjectNode() : read;
    }

    private static void describe(JsonNode glossary, JsonNode dictionary, String schemaName, Schema schema) {
        if (schema == null || schema.getProperties() == null) {
            return;
        }
        for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
            JsonNode term = glossary.path("fields").path(schemaName + "." + property.getKey());
            if (term.isMissingNode()) {
                term = glossary.path("fields").path(property.getKey());
            }
            Schema value = property.getValue();
            JsonNode english = dictionary.get(property.getKey());
            if (english != null && value.getDescription() != null) {
                throw new IllegalStateException("openapi-docs: " + schemaName + "." + property.getKey()
                        + " is described both by schemas/" + schemaName + ".json and by an annotation; keep one");
            }
            if (english == null) {
                value.setDescription(bilingual(term, value.getDescription()));
            } else {
                describeBeforeConstraints(value, bilingual(term, english.asText()));
            }
            Schema items = value.getItems();
            if (items != null && items.getRef() == null) {
                describe(glossary, JSON.createObjectNode(), schemaName + "." + property.getKey(), items);
            }
            if (value.getRef() == null) {
                describe(glossary, JSON.createObjectNode(), schemaName + "." + property.getKey(), value);
            }
        }
    }

    /**
     * Sets the description where the scanner puts that of an annotation, before the bean-validation constraints: the
     * model writes its properties in the order they were set, so these are taken off and set again after it.
     */
    private static void describeBeforeConstraints(Schema value, String description) {
        String pattern = value.getPattern();
        Integer minLength = value.getMinLength();
        Integer maxLength = value.getMaxLength();
        Integer minItems = value.getMinItems();
        Integer maxItems = value.getMaxItems();
        value.setPattern(null);
        value.setMinLength(null);
        value.setMaxLength(null);
        value.setMinItems(null);
        value.setMaxItems(null);
        value.setDescription(description);
        value.setPattern(pattern);
        value.setMinLength(minLength);
        value.setMaxLength(maxLength);
        value.setMinItems(minItems);
        value.setMaxItems(maxItems);
    }

    private static void describeParameters(JsonNode glossary, List<Parameter> parameters) {
        if (parameters == null) {
            return;
        }
        for (Parameter parameter : parameters) {
            if (parameter.getRef() == null) {
                JsonNode term = glossary.path("parameters").path(parameter.getName());
                if (term.isMissingNode()) {
                    term = glossary.path("fields").path(parameter.getName());
                }
                if (!term.isMissingNode()) {
                    parameter.setDescription(bilingual(term, parameter.getDescription()));
                }
            }
        }
    }

    /**
     * Chinese on the first line, English on the second. The glossary entry is the Chinese text, or a pair [Chinese,
     * English] whose English serves when the annotation has none. An annotation text already bilingual (a Chinese first
     * line, then more) is kept; one in Chinese only gets the pair's English as its second line.
     */
    static String bilingual(JsonNode entry, String english) {
        String zh = null;
        String fallback = null;
        if (entry.isTextual()) {
            zh = entry.asText();
        } else if (entry.isArray() && entry.size() == 2) {
            zh = entry.get(0).asText();
            fallback = entry.get(1).asText();
        }
        String text = english == null || english.isBlank() ? null : english.strip();
        if (text != null && CHINESE.matcher(text.substring(0, 1)).matches()) {
            if (text.contains("\n")) {
                return text;
            }
            if (!LATIN.matcher(text).find()) {
                return fallback == null ? text : text + "\n" + fallback;
            }
        }
        String en = text == null ? fallback : text;
        if (zh == null) {
            return en;
        }
        return en == null ? zh : zh + "\n" + en;
    }

    private static String text(String resource) {
        try (InputStream in = resource(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(String resource) {
        try (InputStream in = resource(resource)) {
            return in == null ? null : JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("openapi-docs: cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = OpenApiDocsFilter.class.getClassLoader();
        }
        return loader.getResourceAsStream(name);
    }
}
