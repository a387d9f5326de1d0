package org.supervisionhub.common;

import java.util.List;
import java.util.Map;

/**
 * A failure the API reports to its caller: carries the HTTP status, a stable code and field errors.
 * Services throw it (or a factory result) instead of building responses.
 */
public class HubException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, String> headers;

    public HubException(int status, String code, String title, String detail, List<FieldError> errors) {
        this(status, code, title, detail, errors, Map.of());
    }

    private HubException(
            int status,
            String code,
            String title,
            String detail,
            List<FieldError> errors,
            Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    /** A failure with a catalog code; the status is the code's usual status. */
    public HubException(ErrorCode code, String title, String detail, List<FieldError> errors) {
        this(code.status(), code.name(), title, detail, errors, Map.of());
    }

    public static HubException badRequest(ErrorCode code, String detail, FieldError... errors) {
        return badRequest(code.name(), detail, errors);
    }

    public static HubException notFound(ErrorCode code, String detail) {
        return notFound(code.name(), detail);
    }

    public static HubException forbidden(ErrorCode code, String detail) {
        return forbidden(code.name(), detail);
    }

    /** 403 naming the fields the caller may not set (or may not name) in {@code errors}. */
    public static HubException forbidden(ErrorCode code, String detail, FieldError... errors) {
        return new HubException(403, code.name(), "Forbidden", detail, List.of(errors));
    }

    public static HubException conflict(ErrorCode code, String detail) {
        return conflict(code.name(), detail);
    }

    public static HubException unprocessable(ErrorCode code, String detail, FieldError... errors) {
        return unprocessable(code.name(), detail, errors);
    }

    public static HubException tooManyRequests(ErrorCode code, String detail, long retryAfterSeconds) {
        return tooManyRequests(code.name(), detail, retryAfterSeconds);
    }

    public static HubException badRequest(String code, String detail, FieldError... errors) {
        return new HubException(400, code, "Invalid request", detail, List.of(errors));
    }

    public static HubException validation(List<FieldError> errors) {
        return new HubException(
                400,
                ErrorCode.VALIDATION_FAILED.name(),
                "Request validation failed",
                errors.size() + " field(s) failed validation",
                errors);
    }

    public static HubException notFound(String code, String detail) {
        return new HubException(404, code, "Not found", detail, List.of());
    }

    public static HubException forbidden(String code, String detail) {
        return new HubException(403, code, "Forbidden", detail, List.of());
    }

    public static HubException conflict(String code, String detail) {
        return new HubException(409, code, "Conflict", detail, List.of());
    }

    public static HubException unprocessable(String code, String detail, FieldError... errors) {
        return new HubException(422, code, "Request cannot be processed", detail, List.of(errors));
    }

    /** 429 with a Retry-After header (whole seconds). */
    public static HubException tooManyRequests(String code, String detail, long retryAfterSeconds) {
        return new HubException(
                429,
                code,
                "Too many requests",
                detail,
                List.of(),
                Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
    }

    /** 503 with a Retry-After header (whole seconds): the hub cannot serve this now, on purpose. */
    public static HubException serviceUnavailable(ErrorCode code, String detail, long retryAfterSeconds) {
        return new HubException(
                503,
                code.name(),
                "Service unavailable",
                detail,
                List.of(),
                Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Response headers that belong to the problem (e.g. Retry-After). */
    public Map<String, String> headers() {
        return headers;
    }

    public Problem toProblem() {
        return Problem.of(status, code, title, getMessage(), errors);
    }
}
