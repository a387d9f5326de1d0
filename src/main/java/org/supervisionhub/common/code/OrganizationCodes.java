package org.supervisionhub.common.code;

import java.util.Optional;

/** Validates 组织机构代码 (organisation codes, GB 11714): 8 body characters plus a check character. */
public final class OrganizationCodes {

    public static final String ERROR_CODE = "ORG_CODE_INVALID";
    public static final int LENGTH = 9;

    private static final int MODULUS = 11;
    private static final int[] WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private OrganizationCodes() {}

    /** Returns the reason {@code value} is not a valid organisation code, or empty when it is valid. */
    public static Optional<CodeViolation> check(String value) {
        if (value == null || value.isBlank()) {
            return invalid("organisation code is missing");
        }
        if (value.length() != LENGTH) {
            return invalid("organisation code must have 9 characters, not " + value.length());
        }
        for (int i = 0; i < LENGTH - 1; i++) {
            char c = value.charAt(i);
            if (Codes.isAsciiLower(c)) {
                return invalid("organisation code has lower-case " + Codes.describe(c) + " at position " + (i + 1)
                        + "; letters must be upper case");
            }
            if (!Codes.isAsciiDigit(c) && !Codes.isAsciiUpper(c)) {
                return invalid("organisation code has illegal character " + Codes.describe(c) + " at position "
                        + (i + 1) + " (allowed: digits and upper-case letters)");
            }
        }
        char actual = value.charAt(LENGTH - 1);
        if (!Codes.isAsciiDigit(actual) && actual != 'X') {
            return invalid("organisation code has illegal check character " + Codes.describe(actual)
                    + " at position 9 (allowed: digits and upper-case X)");
        }
        char expected = computeCheck(value);
        if (actual != expected) {
            return invalid("organisation code check character (position 9) should be '" + expected + "', not '" + actual
                    + "'");
        }
        return Optional.empty();
    }

    public static boolean isValid(String value) {
        return check(value).isEmpty();
    }

    /**
     * Computes the check character for the first 8 characters of an organisation code.
     *
     * @throws IllegalArgumentException if {@code first8} is not 8 characters of [0-9A-Z]
     */
    public static char checkCharacter(String first8) {
        if (first8 == null || first8.length() != LENGTH - 1) {
            throw new IllegalArgumentException("expected the first 8 characters of an organisation code");
        }
        for (int i = 0; i < first8.length(); i++) {
            char c = first8.charAt(i);
            if (!Codes.isAsciiDigit(c) && !Codes.isAsciiUpper(c)) {
                throw new IllegalArgumentException(
                        "illegal organisation code character " + Codes.describe(c) + " at position " + (i + 1));
            }
        }
        return computeCheck(first8);
    }

    private static char computeCheck(String code) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            char c = code.charAt(i);
            int value = Codes.isAsciiDigit(c) ? c - '0' : 10 + (c - 'A');
            sum += value * WEIGHTS[i];
        }
        int check = MODULUS - sum % MODULUS;
        if (check == 10) {
            return 'X';
        }
        return check == 11 ? '0' : (char) ('0' + check);
    }

    private static Optional<CodeViolation> invalid(String message) {
        return Codes.violation(ERROR_CODE, message);
    }
}
