package org.supervisionhub.common.code;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/** Validates and masks 居民身份证号码 (resident identity card numbers, GB 11643, ISO 7064 MOD 11-2). */
public final class IdNumbers {

    public static final String ERROR_CODE = "ID_NUMBER_INVALID";
    public static final int LENGTH = 18;
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    private static final int MODULUS = 11;
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "0123456789X";
    private static final int VISIBLE_TAIL = 4;

    private IdNumbers() {}

    /** Validates against today's date in {@link #ZONE}. */
    public static Optional<CodeViolation> check(String value) {
        return check(value, Clock.system(ZONE));
    }

    /**
     * Returns the reason {@code value} is not a valid ID number, or empty when it is valid. The birth date must not be
     * after today according to {@code clock} (in the clock's zone). Messages never repeat the number's digits.
     */
    public static Optional<CodeViolation> check(String value, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        if (value == null || value.isBlank()) {
            return invalid("ID number is missing");
        }
        if (value.length() != LENGTH) {
            return invalid("ID number must have 18 characters, not " + value.length());
        }
        for (int i = 0; i < LENGTH - 1; i++) {
            char c = value.charAt(i);
            if (!Codes.isAsciiDigit(c)) {
                return invalid("ID number has " + Codes.describe(c) + " at position " + (i + 1)
                        + " where a digit is required (positions 1-17 are digits)");
            }
        }
        char actual = value.charAt(LENGTH - 1);
        if (actual == 'x') {
            return invalid("ID number check character must be an upper-case 'X', not a lower-case 'x'");
        }
        if (!Codes.isAsciiDigit(actual) && actual != 'X') {
            return invalid("ID number has illegal check character " + Codes.describe(actual)
                    + " at position 18 (allowed: digits and upper-case X)");
        }
        if (!RegionCodes.isValid(value.substring(0, 6))) {
            return invalid("ID number positions 1-6 are not a valid region code");
        }
        LocalDate birthDate;
        try {
            birthDate = LocalDate.of(
                    Integer.parseInt(value.substring(6, 10)),
                    Integer.parseInt(value.substring(10, 12)),
                    Integer.parseInt(value.substring(12, 14)));
        } catch (DateTimeException e) {
            return invalid("ID number positions 7-14 are not a calendar date (yyyyMMdd)");
        }
        if (birthDate.isBefore(EARLIEST_BIRTH_DATE)) {
            return invalid("ID number birth date (positions 7-14) is before 1900-01-01");
        }
        if (birthDate.isAfter(LocalDate.now(clock))) {
            return invalid("ID number birth date (positions 7-14) is in the future");
        }
        char expected = computeCheck(value);
        if (actual != expected) {
            return invalid(
                    "ID number check character (position 18) should be '" + expected + "', not '" + actual + "'");
        }
        return Optional.empty();
    }

    public static boolean isValid(String value) {
        return check(value).isEmpty();
    }

    public static boolean isValid(String value, Clock clock) {
        return check(value, clock).isEmpty();
    }

    /**
     * Computes the MOD 11-2 check character for the first 17 digits of an ID number.
     *
     * @throws IllegalArgumentException if {@code first17} is not 17 ASCII digits
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1 || !Codes.isAsciiDigits(first17)) {
            throw new IllegalArgumentException("expected the first 17 digits of an ID number");
        }
        return computeCheck(first17);
    }

    /**
     * Masks a value for display without validating it: 18 characters keep the first 6 and last 4
     * ({@code 110105********002X}); other lengths keep only the last 4, and values of 4 or fewer characters are
     * masked entirely. {@code null} stays {@code null}.
     */
    public static String mask(String idNumber) {
        if (idNumber == null) {
            return null;
        }
        int length = idNumber.length();
        if (length == LENGTH) {
            return idNumber.substring(0, 6)
                    + "*".repeat(LENGTH - 6 - VISIBLE_TAIL)
                    + idNumber.substring(LENGTH - VISIBLE_TAIL);
        }
        if (length <= VISIBLE_TAIL) {
            return "*".repeat(length);
        }
        return "*".repeat(length - VISIBLE_TAIL) + idNumber.substring(length - VISIBLE_TAIL);
    }

    private static char computeCheck(String digits) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt((12 - sum % MODULUS) % MODULUS);
    }

    private static Optional<CodeViolation> invalid(String message) {
        return Codes.violation(ERROR_CODE, message);
    }
}
