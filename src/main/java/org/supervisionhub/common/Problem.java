package org.supervisionhub.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details, the one error body of the whole API. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
public record Problem(
        @Schema(
                description = "URI identifying the problem type",
                example = "urn:supervision-hub:problem:CREDIT_CODE_INVALID")
        String type,

        @Schema(description = "Short summary of the problem type", example = "Request validation failed")
        String title,

        @Schema(description = "HTTP status code", example = "400")
        int status,

        String detail,

        @Schema(description = "The request path", example = "/api/v1/items/12345678901234/claims")
        String instance,

        @Schema(description = "Stable machine-readable error code", example = "VALIDATION_FAILED")
        String code,

        String requestId,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:supervision-hub:problem:";

    public static Problem of(int status, ErrorCode code, String title, String detail, List<FieldError> errors) {
        return of(status, code.name(), title, detail, errors);
    }

    public static Problem of(int status, String code, String title, String detail, List<FieldError> errors) {
        return new Problem(
                TYPE_PREFIX + code,
                title,
                status,
                detail,
                null,
                code,
                null,
                errors == null || errors.isEmpty() ? null : List.copyOf(errors));
    }

    public Problem at(String instancePath, String correlationId) {
        return new Problem(type, title, status, detail, instancePath, code, correlationId, errors);
    }
}
