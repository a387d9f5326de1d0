package org.supervisionhub.common;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One field's validation failure inside a {@link Problem}. */
@Schema(name = "FieldError")
public record FieldError(
        @Schema(
                description = "Path of the offending field (JSON property path or parameter name)",
                example = "implementingBodyCreditCode")
        String field,

        @Schema(description = "Stable error code", example = "CREDIT_CODE_INVALID")
        String code,

        String message) {

    public FieldError(String field, ErrorCode code, String message) {
        this(field, code.name(), message);
    }
}
