package org.supervisionhub.common.code;

import java.util.Optional;

/** Validates 监管事项目录编码 (supervision catalog item codes): exactly 14 ASCII digits. */
public final class ItemCodes {

    public static final String ERROR_CODE = "ITEM_CODE_INVALID";
    public static final int LENGTH = 14;

    private ItemCodes() {}

    /** Returns the reason {@code value} is not a valid item code, or empty when it is valid. */
    public static Optional<CodeViolation> check(String value) {
        if (value == null || value.isBlank()) {
            return invalid("item code is missing");
        }
        if (value.length() != LENGTH) {
            return invalid("item code must have 14 digits, not " + value.length() + " characters");
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = value.charAt(i);
            if (!Codes.isAsciiDigit(c)) {
                return invalid(
                        "item code must contain only digits, found " + Codes.describe(c) + " at position " + (i + 1));
            }
        }
        return Optional.empty();
    }

    public static boolean isValid(String value) {
        return check(value).isEmpty();
    }

    private static Optional<CodeViolation> invalid(String message) {
        return Codes.violation(ERROR_CODE, message);
    }
}
