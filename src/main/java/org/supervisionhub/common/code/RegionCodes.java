package org.supervisionhub.common.code;

import java.util.Optional;
import java.util.Set;

/** Structural validation and hierarchy of 行政区划代码 (GB/T 2260 region codes) and 12-digit statistical codes. */
public final class RegionCodes {

    public static final String ERROR_CODE = "REGION_CODE_INVALID";
    public static final int LENGTH = 6;
    public static final int STATISTICAL_LENGTH = 12;

    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
            "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82");

    private RegionCodes() {}

    /** Returns the reason {@code value} is not a structurally valid 6-digit region code, or empty when it is. */
    public static Optional<CodeViolation> check(String value) {
        if (value == null || value.isBlank()) {
            return invalid("region code is missing");
        }
        if (value.length() != LENGTH) {
            return invalid("region code must have 6 digits, not " + value.length() + " characters");
        }
        Optional<CodeViolation> digits = requireDigits(value, "region code");
        if (digits.isPresent()) {
            return digits;
        }
        String province = value.substring(0, 2);
        if (!PROVINCES.contains(province)) {
            return invalid("region code starts with " + province + ", which is not a province code");
        }
        int prefecture = Integer.parseInt(value.substring(2, 4));
        if (prefecture > 70 && prefecture != 90) {
            return invalid(
                    "region code prefecture part (digits 3-4) must be 00, 01-70 or 90, not " + value.substring(2, 4));
        }
        if (prefecture == 0 && !value.endsWith("00")) {
            return invalid("region code with prefecture part 00 (a province) must end in 00");
        }
        return Optional.empty();
    }

    public static boolean isValid(String value) {
        return check(value).isEmpty();
    }

    /** Validates a 12-digit statistical code: a valid region code followed by 3 township and 3 village digits. */
    public static Optional<CodeViolation> checkStatistical(String value) {
        if (value == null || value.isBlank()) {
            return invalid("statistical region code is missing");
        }
        if (value.length() != STATISTICAL_LENGTH) {
            return invalid("statistical region code must have 12 digits, not " + value.length() + " characters");
        }
        Optional<CodeViolation> digits = requireDigits(value, "statistical region code");
        if (digits.isPresent()) {
            return digits;
        }
        return check(value.substring(0, LENGTH))
                .flatMap(v ->
                        invalid("statistical region code has an invalid region part (digits 1-6): " + v.message()));
    }

    public static boolean isValidStatistical(String value) {
        return checkStatistical(value).isEmpty();
    }

    /**
     * Returns the level of a valid region code.
     *
     * @throws IllegalArgumentException if {@code code} is not valid
     */
    public static RegionLevel level(String code) {
        requireValid(code);
        if (code.endsWith("0000")) {
            return RegionLevel.PROVINCE;
        }
        return code.endsWith("00") ? RegionLevel.PREFECTURE : RegionLevel.COUNTY;
    }

    /**
     * Returns the prefix shared by the code and every region beneath it: {@code 450000} → {@code 45},
     * {@code 450100} → {@code 4501}, {@code 450103} → {@code 450103}.
     *
     * @throws IllegalArgumentException if {@code code} is not valid
     */
    public static String scopePrefix(String code) {
        return switch (level(code)) {
            case PROVINCE -> code.substring(0, 2);
            case PREFECTURE -> code.substring(0, 4);
            case COUNTY -> code;
        };
    }

    /** Tells whether {@code descendant} is {@code ancestor} or lies within it; false if either is invalid. */
    public static boolean contains(String ancestor, String descendant) {
        if (!isValid(ancestor) || !isValid(descendant)) {
            return false;
        }
        return descendant.startsWith(scopePrefix(ancestor));
    }

    /**
     * Returns the enclosing region: county → {@code xxyy00}, prefecture → {@code xx0000}, province → {@code null}.
     *
     * @throws IllegalArgumentException if {@code code} is not valid
     */
    public static String parent(String code) {
        return switch (level(code)) {
            case PROVINCE -> null;
            case PREFECTURE -> code.substring(0, 2) + "0000";
            case COUNTY -> code.substring(0, 4) + "00";
        };
    }

    private static void requireValid(String code) {
        check(code).ifPresent(v -> {
            throw new IllegalArgumentException(v.message());
        });
    }

    private static Optional<CodeViolation> requireDigits(String value, String what) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!Codes.isAsciiDigit(c)) {
                return invalid(
                        what + " must contain only digits, found " + Codes.describe(c) + " at position " + (i + 1));
            }
        }
        return Optional.empty();
    }

    private static Optional<CodeViolation> invalid(String message) {
        return Codes.violation(ERROR_CODE, message);
    }
}
