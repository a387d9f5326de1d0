package org.supervisionhub.common.code;

import java.util.Optional;

/**
 * Validates 检查实施清单编码 (implementation list codes): implementing body's credit code (18) + exercise level (1-5)
 * + a suffix of 1-32 ASCII letters or digits.
 */
public final class ImplementationListCodes {

    public static final String ERROR_CODE = "LIST_CODE_INVALID";
    public static final int MIN_LENGTH = CreditCodes.LENGTH + 1 + 1;
    public static final int MAX_SUFFIX_LENGTH = 32;
    public static final int MAX_LENGTH = CreditCodes.LENGTH + 1 + MAX_SUFFIX_LENGTH;

    private static final int LEVEL_INDEX = CreditCodes.LENGTH;
    private static final int SUFFIX_START = LEVEL_INDEX + 1;

    private ImplementationListCodes() {}

    /** Returns the reason {@code value} is not a valid implementation list code, or empty when it is valid. */
    public static Optional<CodeViolation> check(String value) {
        if (value == null || value.isBlank()) {
            return invalid("implementation list code is missing");
        }
        if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
            return invalid("implementation list code must have " + MIN_LENGTH + " to " + MAX_LENGTH
                    + " characters, not " + value.length());
        }
        Optional<CodeViolation> body = CreditCodes.check(value.substring(0, CreditCodes.LENGTH));
        if (body.isPresent()) {
            return invalid("implementation list code has an invalid implementing body credit code (positions 1-18): "
                    + body.get().message());
        }
        char level = value.charAt(LEVEL_INDEX);
        if (level < '1' || level > '5') {
            return invalid("implementation list code exercise level (position 19) must be a digit 1-5, not "
                    + Codes.describe(level));
        }
        for (int i = SUFFIX_START; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!Codes.isAsciiDigit(c) && !Codes.isAsciiUpper(c) && !Codes.isAsciiLower(c)) {
                return invalid("implementation list code suffix (positions 20 on) has illegal character "
                        + Codes.describe(c) + " at position " + (i + 1) + " (allowed: ASCII letters and digits)");
            }
        }
        return Optional.empty();
    }

    public static boolean isValid(String value) {
        return check(value).isEmpty();
    }

    /**
     * Returns the implementing body's credit code (positions 1-18).
     *
     * @throws IllegalArgumentException if {@code listCode} is not valid
     */
    public static String implementingBody(String listCode) {
        requireValid(listCode);
        return listCode.substring(0, CreditCodes.LENGTH);
    }

    /**
     * Returns the exercise level (position 19): 1 national, 2 province, 3 city, 4 county, 5 township.
     *
     * @throws IllegalArgumentException if {@code listCode} is not valid
     */
    public static int exerciseLevel(String listCode) {
        requireValid(listCode);
        return listCode.charAt(LEVEL_INDEX) - '0';
    }

    private static void requireValid(String listCode) {
        check(listCode).ifPresent(v -> {
            throw new IllegalArgumentException(v.message());
        });
    }

    private static Optional<CodeViolation> invalid(String message) {
        return Codes.violation(ERROR_CODE, message);
    }
}
