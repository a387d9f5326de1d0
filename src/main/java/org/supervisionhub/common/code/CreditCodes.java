package org.supervisionhub.common.code;

import java.util.Arrays;
import java.util.Optional;

/** Validates 统一社会信用代码 (unified social credit codes, GB 32100-2015). */
public final class CreditCodes {

    public static final String ERROR_CODE = "CREDIT_CODE_INVALID";
    public static final int LENGTH = 18;

    /** The 31 code symbols; a symbol's value is its index. I, O, Z, S and V are excluded. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final int MODULUS = 31;
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] VALUES = new int[128];

    static {
        Arrays.fill(VALUES, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            VALUES[ALPHABET.charAt(i)] = i;
        }
    }

    private CreditCodes() {}

    /** Returns the reason {@code value} is not a valid credit code, or empty when it is valid. */
    public static Optional<CodeViolation> check(String value) {
        if (value == null || value.isBlank()) {
            return invalid("unified social credit code is missing");
        }
        if (value.length() != LENGTH) {
            return invalid("unified social credit code must have 18 characters, not " + value.length());
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = value.charAt(i);
            int position = i + 1;
            if (position >= 3 && position <= 8) {
                if (!Codes.isAsciiDigit(c)) {
                    return invalid("unified social credit code has " + Codes.describe(c) + " at position " + position
                            + " where a digit is required (positions 3-8 are the region code)");
                }
            } else if (Codes.isAsciiLower(c)) {
                return invalid("unified social credit code has lower-case " + Codes.describe(c) + " at position "
                        + position + "; letters must be upper case");
            } else if (valueOf(c) < 0) {
                return invalid("unified social credit code has illegal character " + Codes.describe(c)
                        + " at position " + position
                        + " (allowed: digits and upper-case letters except I, O, Z, S, V)");
            }
        }
        char expected = computeCheck(value);
        char actual = value.charAt(LENGTH - 1);
        if (actual != expected) {
            return invalid("unified social credit code check character (position 18) should be '" + expected
                    + "', not '" + actual + "'");
        }
        return Optional.empty();
    }

    public static boolean isValid(String value) {
        return check(value).isEmpty();
    }

    /**
     * Computes the check character for the first 17 characters of a credit code.
     *
     * @throws IllegalArgumentException if {@code first17} is not 17 characters of {@link #ALPHABET}
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("expected the first 17 characters of a credit code");
        }
        for (int i = 0; i < first17.length(); i++) {
            if (valueOf(first17.charAt(i)) < 0) {
                throw new IllegalArgumentException("illegal credit code character " + Codes.describe(first17.charAt(i))
                        + " at position " + (i + 1));
            }
        }
        return computeCheck(first17);
    }

    /**
     * Tells whether positions 9-17 of an 18-character code form a valid GB 11714 organisation code. Real credit
     * codes do not always pass this, so {@link #check} does not require it; nor does this method verify the credit
     * code's own check character.
     */
    public static boolean hasValidOrganizationCode(String creditCode) {
        return creditCode != null
                && creditCode.length() == LENGTH
                && OrganizationCodes.isValid(creditCode.substring(8, LENGTH - 1));
    }

    private static char computeCheck(String code) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += valueOf(code.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((MODULUS - sum % MODULUS) % MODULUS);
    }

    private static int valueOf(char c) {
        return c < VALUES.length ? VALUES[c] : -1;
    }

    private static Optional<CodeViolation> invalid(String message) {
        return Codes.violation(ERROR_CODE, message);
    }
}
