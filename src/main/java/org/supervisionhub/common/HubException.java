package org.supervisionhub.common;

import java.util.List;

/**
 * A failure the API reports to its caller: carries the HTTP status, a stable code and field errors.
 * Services throw it (or a factory result) instead of building responses.
 */
public class HubException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final List<FieldError> errors;

    public HubException(int status, String code, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static HubException badRequest(String code, String detail, FieldError... errors) {
        return new HubException(400, code, "Invalid request", detail, List.of(errors));
    }

    public static HubException validation(List<FieldError> errors) {
        return new HubException(400, "VALIDATION_FAILED", "Request validation failed",
                errors.size() + " field(s) failed validation", errors);
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

    public Problem toProblem() {
        return Problem.of(status, code, title, getMessage(), errors);
    }
}
