package org.supervisionhub.common.code;

import java.util.Optional;

/** Helpers shared by the code validators. */
final class Codes {

    private Codes() {}

    static Optional<CodeViolation> violation(String code, String message) {
        return Optional.of(new CodeViolation(code, message));
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean isAsciiLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    static boolean isAsciiDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isAsciiDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Renders a character for a message: visible ASCII quoted, anything else (whitespace, CJK, controls) as U+XXXX. */
    static String describe(char c) {
        if (c > ' ' && c < 0x7F) {
            return "'" + c + "'";
        }
        return String.format("U+%04X", (int) c);
    }
}
