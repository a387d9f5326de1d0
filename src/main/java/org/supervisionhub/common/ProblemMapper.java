package org.supervisionhub.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.pgclient.PgException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into RFC 9457 problem+json with a stable code. Nothing here ever puts a stack
 * trace, class name or SQL text into a response; unexpected failures are logged with the request id.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    /** Seconds a client should wait after a 503 DATABASE_UNAVAILABLE (a failover takes a few). */
    static final int DATABASE_RETRY_AFTER_SECONDS = 2;

    /**
     * Bean Validation constraints → catalog codes; project constraints carry their own
     * {@link org.supervisionhub.common.code.ErrorCode @ErrorCode}.
     */
    private static final Map<String, ErrorCode> CONSTRAINT_CODES = Map.ofEntries(
            Map.entry("NotNull", ErrorCode.REQUIRED),
            Map.entry("NotBlank", ErrorCode.REQUIRED),
            Map.entry("NotEmpty", ErrorCode.REQUIRED),
            Map.entry("Size", ErrorCode.LENGTH_OUT_OF_RANGE),
            Map.entry("Min", ErrorCode.OUT_OF_RANGE),
            Map.entry("Max", ErrorCode.OUT_OF_RANGE),
            Map.entry("DecimalMin", ErrorCode.OUT_OF_RANGE),
            Map.entry("DecimalMax", ErrorCode.OUT_OF_RANGE),
            Map.entry("Positive", ErrorCode.OUT_OF_RANGE),
            Map.entry("PositiveOrZero", ErrorCode.OUT_OF_RANGE),
            Map.entry("Digits", ErrorCode.TOO_MANY_DIGITS),
            Map.entry("Pattern", ErrorCode.FORMAT_INVALID),
            Map.entry("Email", ErrorCode.FORMAT_INVALID),
            Map.entry("Past", ErrorCode.DATE_OUT_OF_RANGE),
            Map.entry("PastOrPresent", ErrorCode.DATE_OUT_OF_RANGE),
            Map.entry("Future", ErrorCode.DATE_OUT_OF_RANGE),
            Map.entry("FutureOrPresent", ErrorCode.DATE_OUT_OF_RANGE));

    @ServerExceptionMapper
    public Response hub(HubException e, HttpServerRequest request) {
        Response response = respond(e.toProblem(), request);
        if (e.headers().isEmpty()) {
            return response;
        }
        Response.ResponseBuilder withHeaders = Response.fromResponse(response);
        e.headers().forEach(withHeaders::header);
        return withHeaders.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, HttpServerRequest request) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(ProblemMapper::fieldError)
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::code))
                .collect(Collectors.toList());
        return respond(HubException.validation(errors).toProblem(), request);
    }

    @ServerExceptionMapper
    public Response unrecognizedProperty(UnrecognizedPropertyException e, HttpServerRequest request) {
        FieldError error =
                new FieldError(Json.pathOf(e), ErrorCode.UNKNOWN_FIELD, "this field is not part of the contract");
        return respond(HubException.validation(List.of(error)).toProblem(), request);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, HttpServerRequest request) {
        String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
        FieldError error = new FieldError(Json.pathOf(e), ErrorCode.TYPE_MISMATCH, "expected " + expected);
        return respond(HubException.validation(List.of(error)).toProblem(), request);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, HttpServerRequest request) {
        String path = Json.pathOf(e);
        if (path.isEmpty()) {
            return respond(malformed("the body does not have the expected JSON structure"), request);
        }
        String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
        FieldError error = new FieldError(path, ErrorCode.TYPE_MISMATCH, "expected " + expected);
        return respond(HubException.validation(List.of(error)).toProblem(), request);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, HttpServerRequest request) {
        Response limit = brokenLimit(e, request);
        if (limit != null) {
            return limit;
        }
        return respond(malformed("the body could not be mapped at " + emptyToRoot(Json.pathOf(e))), request);
    }

    @ServerExceptionMapper
    public Response jsonProcessing(JsonProcessingException e, HttpServerRequest request) {
        Response limit = brokenLimit(e, request);
        if (limit != null) {
            return limit;
        }
        String where = e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
        return respond(malformed("the body is not valid JSON" + where), request);
    }

    @ServerExceptionMapper({
        UnauthorizedException.class,
        AuthenticationFailedException.class,
        AuthenticationCompletionException.class
    })
    public io.smallrye.mutiny.Uni<Response> unauthenticated(
            RuntimeException e, HttpServerRequest request, io.vertx.ext.web.RoutingContext context) {
        LOG.debugf(e, "Authentication failed for %s %s", request.method(), request.path());
        Response unauthenticated = Response.fromResponse(respond(
                        Problem.of(
                                401,
                                ErrorCode.UNAUTHENTICATED,
                                "Authentication required",
                                "a valid bearer token is required",
                                null),
                        request))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
        if (!request.path().startsWith("/api/")) {
            // Web pages (the portal) answer with their mechanism's challenge: a redirect to the sign-in page. A
            // mechanism may have none (the offline demo profile has no identity provider to redirect to): then the
            // page gets the same 401 problem as the API, never a null challenge turned into a 500.
            io.quarkus.vertx.http.runtime.security.HttpAuthenticator authenticator =
                    context.get(io.quarkus.vertx.http.runtime.security.HttpAuthenticator.class.getName());
            if (authenticator != null) {
                return authenticator
                        .getChallenge(context)
                        .onFailure()
                        .recoverWithNull()
                        .map(challenge -> {
                            if (challenge == null) {
                                return unauthenticated;
                            }
                            Response.ResponseBuilder response = Response.status(challenge.status);
                            if (challenge.headerName != null) {
                                response.header(challenge.headerName.toString(), challenge.headerContent);
                            }
                            return response.build();
                        });
            }
        }
        return io.smallrye.mutiny.Uni.createFrom().item(unauthenticated);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(
                Problem.of(
                        403, ErrorCode.FORBIDDEN, "Forbidden", "the caller's roles do not allow this operation", null),
                request);
    }

    /** Bytes Jackson's encoding detection takes for UTF-16/32 but cannot decode: not JSON in UTF-8. */
    @ServerExceptionMapper
    public Response charConversion(java.io.CharConversionException e, HttpServerRequest request) {
        return respond(malformed("the body is not JSON in UTF-8"), request);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return jsonProcessing(json, request);
        }
        if (cause instanceof java.io.CharConversionException conversion) {
            return charConversion(conversion, request);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, request);
        }
        return respond(
                Problem.of(status, codeForStatus(status), titleForStatus(status), detailForStatus(status), null),
                request);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (DatabaseFailures.classify(e) == DatabaseFailures.Kind.UNAVAILABLE) {
            // A failover in progress: nothing of this request may have committed, or (a connection lost during the
            // commit) it may have; either way the client retries, and writes are idempotent.
            LOG.warnf("database unavailable handling %s %s: %s", method(request), path(request), e);
            Response problem = respond(
                    Problem.of(
                            503,
                            ErrorCode.DATABASE_UNAVAILABLE,
                            "Database unavailable",
                            "the database is unreachable or failing over; retry the request",
                            null),
                    request);
            return Response.fromResponse(problem)
                    .header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS)
                    .build();
        }
        Problem known = databaseProblem(e);
        if (known != null) {
            return respond(known, request);
        }
        LOG.errorf(e, "Unexpected failure handling %s %s", request.method(), request.path());
        return respond(
                Problem.of(
                        500,
                        ErrorCode.INTERNAL_ERROR,
                        "Internal error",
                        "an unexpected error occurred; quote the requestId when reporting it",
                        null),
                request);
    }

    /** A JSON limit ({@link JsonLimits}) broken somewhere in the cause chain, as its problem; else null. */
    private static Response brokenLimit(Throwable e, HttpServerRequest request) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException limit) {
                return respond(JsonLimits.problemOf(limit, "the body").toProblem(), request);
            }
        }
        return null;
    }

    private static String method(HttpServerRequest request) {
        return request == null ? "-" : String.valueOf(request.method());
    }

    private static String path(HttpServerRequest request) {
        return request == null ? "-" : request.path();
    }

    /** Writes the problem as problem+json, with the request path and correlation id filled in. */
    static Response respond(Problem problem, HttpServerRequest request) {
        String requestId = request == null ? null : request.response().headers().get(RequestIds.HEADER);
        String path = request == null ? null : request.path();
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.at(path, requestId))
                .build();
    }

    private static Problem malformed(String detail) {
        return Problem.of(400, ErrorCode.MALFORMED_JSON, "Malformed request body", detail, null);
    }

    /**
     * Constraint violations that reach the database are client errors, not outages. The SQL state is
     * found on the driver's exception or, through Hibernate Reactive, on a JDBC-style wrapper.
     */
    private static Problem databaseProblem(Throwable e) {
        String state = null;
        String constraint = null;
        for (Throwable t = e; t != null && state == null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg) {
                state = pg.getSqlState();
                constraint = pg.getConstraint();
            } else if (t instanceof org.hibernate.exception.ConstraintViolationException violation) {
                state = violation.getSQLState();
                constraint = violation.getConstraintName();
            } else if (t instanceof org.hibernate.JDBCException jdbc) {
                state = jdbc.getSQLState();
            } else if (t instanceof java.sql.SQLException sql) {
                state = sql.getSQLState();
            }
        }
        if (state == null) {
            return null;
        }
        String hint = constraint == null ? "" : " (" + constraint + ")";
        return switch (state) {
            case "23505" ->
                Problem.of(
                        409,
                        ErrorCode.DUPLICATE,
                        "Conflict",
                        "a record with the same unique key already exists" + hint,
                        null);
            case "23503" ->
                Problem.of(
                        409,
                        ErrorCode.REFERENCE_CONFLICT,
                        "Conflict",
                        "the change refers to, or is referred to by, another record" + hint,
                        null);
            case "40001", "40P01" ->
                Problem.of(
                        409,
                        ErrorCode.CONCURRENT_UPDATE,
                        "Conflict",
                        "a concurrent change interfered; retry the request",
                        null);
            default ->
                state.startsWith("22") || state.startsWith("23")
                        ? Problem.of(
                                400,
                                ErrorCode.INVALID_VALUE,
                                "Invalid request",
                                "a value was rejected by the data store" + hint,
                                null)
                        : null;
        };
    }

    public static FieldError fieldError(ConstraintViolation<?> violation) {
        Annotation annotation = violation.getConstraintDescriptor().getAnnotation();
        Class<? extends Annotation> type = annotation.annotationType();
        var own = type.getAnnotation(org.supervisionhub.common.code.ErrorCode.class);
        String code = own != null
                ? own.value()
                : CONSTRAINT_CODES
                        .getOrDefault(type.getSimpleName(), ErrorCode.INVALID)
                        .name();
        return new FieldError(fieldName(violation.getPropertyPath()), code, violation.getMessage());
    }

    /** {@code claim.request.reason} → {@code reason}; {@code list.size} → {@code size}; a bean in a list → {@code list[0].field}. */
    static String fieldName(Path path) {
        List<String> names = new ArrayList<>();
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            boolean bodyParameter = node.getKind() == ElementKind.PARAMETER && i + 1 < nodes.size();
            if (bodyParameter || node.getName() == null) {
                continue;
            }
            String name = node.getName();
            if (node.getKind() == ElementKind.PROPERTY
                    && node.isInIterable()
                    && (node.getIndex() != null || node.getKey() != null)
                    && !names.isEmpty()) {
                // A field of a bean in a list: the index belongs to the list ({@code entrusted[0].creditCode}).
                Object index = node.getIndex() != null ? node.getIndex() : node.getKey();
                names.set(names.size() - 1, names.get(names.size() - 1) + "[" + index + "]");
                names.add(name);
                continue;
            }
            if (node.getIndex() != null) {
                name = name + "[" + node.getIndex() + "]";
            } else if (node.getKey() != null) {
                name = name + "[" + node.getKey() + "]";
            }
            names.add(name);
        }
        return names.isEmpty() ? "" : String.join(".", names);
    }

    private static String emptyToRoot(String path) {
        return path.isEmpty() ? "the root" : path;
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            StringBuilder values = new StringBuilder("one of");
            for (Object constant : constants) {
                values.append(' ').append(constant);
            }
            return values.toString();
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.getSimpleName().startsWith("Local") || type.getSimpleName().contains("Date")) {
            return "an ISO-8601 date or time";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == String.class) {
            return "a string";
        }
        return "an object";
    }

    /** The catalog code of a status the HTTP layer answers; any other client error is BAD_REQUEST. */
    static ErrorCode codeForStatus(int status) {
        return switch (status) {
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 409 -> ErrorCode.CONFLICT;
            case 411 -> ErrorCode.LENGTH_REQUIRED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ErrorCode.RATE_LIMITED;
            default -> ErrorCode.BAD_REQUEST;
        };
    }

    private static String titleForStatus(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }

    private static String detailForStatus(int status) {
        return switch (status) {
            case 404 -> "no resource at this path";
            case 405 -> "this path does not support the HTTP method used";
            case 406 -> "the API produces application/json";
            case 415 -> "send the body as application/json";
            default -> "the request could not be handled";
        };
    }
}
