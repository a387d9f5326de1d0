package org.supervisionhub.common.code;

import java.util.Objects;

/** Why a code failed validation: a stable error code (e.g. {@code CREDIT_CODE_INVALID}) and a human message. */
public record CodeViolation(String code, String message) {

    public CodeViolation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
