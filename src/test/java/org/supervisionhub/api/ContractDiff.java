package org.supervisionhub.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A focused differ of two OpenAPI 3.1 contracts (as parsed YAML trees) under the compatibility policy of
 * docs/API-VERSIONING.md: it compares what a client depends on — operations, parameters, request bodies, response
 * codes and bodies, field by field through {@code $ref}s — and ignores texts and examples.
 *
 * <p>Breaking: a removed operation; a removed parameter; a new required parameter or an optional one made required;
 * a request body made required; a new required request field or a request field removed (the hub refuses unknown
 * fields); a removed success response; a removed response field; a changed type; an enum narrowed (in requests) or a
 * value removed (anywhere). Additive: new operations, optional parameters and request fields, response fields, response
 * codes, problem codes, enum values in responses (clients must tolerate unknown values).
 */
final class ContractDiff {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    /** One difference: the operation ({@code GET /path}), what changed, and whether it breaks clients. */
    record Change(String operation, String what, boolean breaking) {}

    private final JsonNode before;
    private final JsonNode after;
    private final List<Change> changes = new ArrayList<>();
    // Additive changes of a named schema (e.g. the ErrorCode catalog growing) are reported once, under the schema,
    // not under every operation that reaches it.
    private final Set<String> componentChanges = new HashSet<>();

    private ContractDiff(JsonNode before, JsonNode after) {
        this.before = before;
        this.after = after;
    }

    /** Every difference from the released contract to the current one, in contract order. */
    static List<Change> between(JsonNode released, JsonNode current) {
        ContractDiff diff = new ContractDiff(released, current);
        diff.compare();
        return List.copyOf(diff.changes);
    }

    private void compare() {
        JsonNode oldPaths = before.path("paths");
        JsonNode newPaths = after.path("paths");
        Set<String> paths = new TreeSet<>();
        oldPaths.fieldNames().forEachRemaining(paths::add);
        newPaths.fieldNames().forEachRemaining(paths::add);
        for (String path : paths) {
            for (String method : METHODS) {
                JsonNode oldOperation = oldPaths.path(path).get(method);
                JsonNode newOperation = newPaths.path(path).get(method);
                String name = method.toUpperCase(java.util.Locale.ROOT) + " " + path;
                if (oldOperation == null && newOperation != null) {
                    changes.add(new Change(name, "added", false));
                } else if (oldOperation != null && newOperation == null) {
                    changes.add(new Change(name, "removed", true));
                } else if (oldOperation != null) {
                    operation(name, oldPaths.path(path), oldOperation, newPaths.path(path), newOperation);
                }
            }
        }
    }

    private void operation(
            String name, JsonNode oldItem, JsonNode oldOperation, JsonNode newItem, JsonNode newOperation) {
        if (newOperation.path("deprecated").asBoolean(false)
                && !oldOperation.path("deprecated").asBoolean(false)) {
            changes.add(new Change(name, "deprecated", false));
        }
        Map<String, JsonNode> oldParameters = parameters(oldItem, oldOperation, before);
        Map<String, JsonNode> newParameters = parameters(newItem, newOperation, after);
        oldParameters.forEach((key, parameter) -> {
            JsonNode now = newParameters.get(key);
            if (now == null) {
                changes.add(new Change(name, "- parameter " + key, true));
                return;
            }
            if (now.path("required").asBoolean(false)
                    && !parameter.path("required").asBoolean(false)) {
                changes.add(new Change(name, "~ parameter " + key + " is now required", true));
            }
            schema(name, "parameter " + key, parameter.path("schema"), now.path("schema"), true, new HashSet<>());
        });
        newParameters.forEach((key, parameter) -> {
            if (!oldParameters.containsKey(key)) {
                boolean required = parameter.path("required").asBoolean(false);
                changes.add(new Change(name, "+ parameter " + key + (required ? " (required)" : ""), required));
            }
        });
        JsonNode oldBody = resolve(oldOperation.path("requestBody"), before);
        JsonNode newBody = resolve(newOperation.path("requestBody"), after);
        if (oldBody.isMissingNode() && !newBody.isMissingNode()) {
            boolean required = newBody.path("required").asBoolean(false);
            changes.add(new Change(name, "+ request body" + (required ? " (required)" : ""), required));
        } else if (!oldBody.isMissingNode() && newBody.isMissingNode()) {
            changes.add(new Change(name, "- request body", true));
        } else if (!oldBody.isMissingNode()) {
            if (newBody.path("required").asBoolean(false)
                    && !oldBody.path("required").asBoolean(false)) {
                changes.add(new Change(name, "~ request body is now required", true));
            }
            content(name, "request", oldBody.path("content"), newBody.path("content"), true);
        }
        JsonNode oldResponses = oldOperation.path("responses");
        JsonNode newResponses = newOperation.path("responses");
        Set<String> codes = new TreeSet<>();
        oldResponses.fieldNames().forEachRemaining(codes::add);
        newResponses.fieldNames().forEachRemaining(codes::add);
        for (String code : codes) {
            JsonNode oldResponse = resolve(oldResponses.path(code), before);
            JsonNode newResponse = resolve(newResponses.path(code), after);
            if (oldResponse.isMissingNode()) {
                changes.add(new Change(name, "+ response " + code, false));
            } else if (newResponse.isMissingNode()) {
                changes.add(new Change(name, "- response " + code, code.startsWith("2")));
            } else {
                content(name, "response " + code, oldResponse.path("content"), newResponse.path("content"), false);
            }
        }
    }

    private void content(String name, String where, JsonNode oldContent, JsonNode newContent, boolean request) {
        Iterator<String> types = oldContent.fieldNames();
        while (types.hasNext()) {
            String type = types.next();
            JsonNode now = newContent.get(type);
            if (now == null) {
                changes.add(new Change(name, "- " + where + " " + type, true));
            } else {
                schema(
                        name,
                        where + " " + type,
                        oldContent.path(type).path("schema"),
                        now.path("schema"),
                        request,
                        new HashSet<>());
            }
        }
        newContent.fieldNames().forEachRemaining(type -> {
            if (!oldContent.has(type)) {
                changes.add(new Change(name, "+ " + where + " " + type, false));
            }
        });
    }

    /** Compares two schemas; {@code request}: the client writes the value (else the hub does). */
    private void schema(
            String name, String where, JsonNode oldRaw, JsonNode newRaw, boolean request, Set<String> visited) {
        if (oldRaw.isMissingNode() || newRaw.isMissingNode()) {
            return;
        }
        String key = oldRaw.path("$ref").asText() + "|" + newRaw.path("$ref").asText();
        if (!oldRaw.path("$ref").asText().isEmpty() && !visited.add(key)) {
            return;
        }
        JsonNode oldSchema = flatten(oldRaw, before);
        JsonNode newSchema = flatten(newRaw, after);
        Set<String> oldTypes = types(oldSchema);
        Set<String> newTypes = types(newSchema);
        if (!oldTypes.isEmpty() && !newTypes.isEmpty() && !oldTypes.equals(newTypes)) {
            boolean narrowing = request ? !newTypes.containsAll(oldTypes) : !oldTypes.containsAll(newTypes);
            changes.add(new Change(name, "~ " + where + " type " + oldTypes + " → " + newTypes, narrowing));
        }
        Set<String> oldEnum = values(oldSchema.path("enum"));
        Set<String> newEnum = values(newSchema.path("enum"));
        if (!oldEnum.isEmpty() || !newEnum.isEmpty()) {
            Set<String> removed = new TreeSet<>(oldEnum);
            removed.removeAll(newEnum);
            Set<String> added = new TreeSet<>(newEnum);
            added.removeAll(oldEnum);
            if (!newEnum.isEmpty() && !removed.isEmpty()) {
                changes.add(new Change(name, "~ " + where + " values removed " + removed, true));
            } else if (!oldEnum.isEmpty() && newEnum.isEmpty()) {
                changes.add(new Change(name, "~ " + where + " any value", !request));
            }
            if (!oldEnum.isEmpty() && !added.isEmpty()) {
                String component = componentName(newRaw);
                if (component == null) {
                    changes.add(new Change(name, "~ " + where + " values added " + added, false));
                } else if (componentChanges.add(component + added)) {
                    changes.add(new Change("schema " + component, "~ values added " + added, false));
                }
            }
        }
        JsonNode oldProperties = oldSchema.path("properties");
        JsonNode newProperties = newSchema.path("properties");
        Set<String> oldRequired = values(oldSchema.path("required"));
        Set<String> newRequired = values(newSchema.path("required"));
        Set<String> names = new TreeSet<>();
        oldProperties.fieldNames().forEachRemaining(names::add);
        newProperties.fieldNames().forEachRemaining(names::add);
        for (String property : names) {
            String at = where + " ." + property;
            JsonNode oldProperty = oldProperties.get(property);
            JsonNode newProperty = newProperties.get(property);
            if (oldProperty == null) {
                boolean required = request && newRequired.contains(property);
                changes.add(new Change(name, "+ " + at + (required ? " (required)" : ""), required));
            } else if (newProperty == null) {
                changes.add(new Change(name, "- " + at, true));
            } else {
                if (request && newRequired.contains(property) && !oldRequired.contains(property)) {
                    changes.add(new Change(name, "~ " + at + " is now required", true));
                }
                if (!request && oldRequired.contains(property) && !newRequired.contains(property)) {
                    changes.add(new Change(name, "~ " + at + " may now be absent", true));
                }
                schema(name, at, oldProperty, newProperty, request, visited);
            }
        }
        if (oldSchema.has("items") && newSchema.has("items")) {
            schema(name, where + "[]", oldSchema.path("items"), newSchema.path("items"), request, visited);
        }
    }

    /** The name of the component schema a {@code $ref} points at, else null. */
    private static String componentName(JsonNode schema) {
        String ref = schema.path("$ref").asText();
        return ref.startsWith("#/components/schemas/") ? ref.substring("#/components/schemas/".length()) : null;
    }

    /** A schema with its {@code $ref} resolved and {@code allOf} merged (siblings of a $ref win, as in 3.1). */
    private static JsonNode flatten(JsonNode schema, JsonNode contract) {
        ObjectNode merged = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        if (schema.has("$ref")) {
            merged.setAll(
                    (ObjectNode) flatten(resolve(schema, contract), contract).deepCopy());
        }
        for (JsonNode part : schema.path("allOf")) {
            JsonNode flat = flatten(part, contract);
            ObjectNode properties =
                    merged.has("properties") ? (ObjectNode) merged.get("properties") : merged.putObject("properties");
            if (flat.has("properties")) {
                properties.setAll((ObjectNode) flat.get("properties"));
            }
            if (flat.has("required")) {
                merged.withArray("required")
                        .addAll((com.fasterxml.jackson.databind.node.ArrayNode) flat.get("required"));
            }
        }
        schema.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("$ref") && !field.getKey().equals("allOf")) {
                merged.set(field.getKey(), field.getValue());
            }
        });
        return merged;
    }

    /** A node, or what its {@code $ref} (a local {@code #/...} pointer) points at. */
    private static JsonNode resolve(JsonNode node, JsonNode contract) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 16; hops++) {
            String ref = current.path("$ref").asText();
            if (!ref.startsWith("#/")) {
                return current;
            }
            JsonNode target = contract.at(ref.substring(1));
            if (target.isMissingNode()) {
                return current;
            }
            current = target;
        }
        return current;
    }

    private static Map<String, JsonNode> parameters(JsonNode item, JsonNode operation, JsonNode contract) {
        Map<String, JsonNode> parameters = new java.util.LinkedHashMap<>();
        for (JsonNode list : List.of(item.path("parameters"), operation.path("parameters"))) {
            for (JsonNode raw : list) {
                JsonNode parameter = resolve(raw, contract);
                parameters.put(
                        parameter.path("in").asText() + " "
                                + parameter.path("name").asText(),
                        parameter);
            }
        }
        return parameters;
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new TreeSet<>();
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            types.add(type.asText());
        } else {
            type.forEach(value -> types.add(value.asText()));
        }
        return types;
    }

    private static Set<String> values(JsonNode list) {
        Set<String> values = new LinkedHashSet<>();
        list.forEach(value -> values.add(value.asText()));
        return values;
    }
}
