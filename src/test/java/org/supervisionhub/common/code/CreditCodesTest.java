package org.supervisionhub.common.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodesTest {

    private static final String STANDARD_EXAMPLE = "91350100M000100Y43";
    private static final String PILOT_CODE = "91350100M0001TGQXM";
    private static final List<String> VALID_CODES = List.of(
            STANDARD_EXAMPLE,
            "914403001922038216",
            "9144030071526726XG",
            "91330100799655058B",
            "12026859JAY4NUGYKB",
            "914501009HAW7U2UJ0",
            "N2487574K23GD5QA45");

    @Test
    void acceptsTheStandardsOwnExample() {
        assertThat(CreditCodes.check(STANDARD_EXAMPLE)).isEmpty();
        assertThat(CreditCodes.isValid(STANDARD_EXAMPLE)).isTrue();
        assertThat(CreditCodes.checkCharacter(STANDARD_EXAMPLE.substring(0, 17)))
                .isEqualTo('3');
    }

    @ParameterizedTest
    @ValueSource(strings = {"914403001922038216", "9144030071526726XG", "91330100799655058B", "914501009HAW7U2UJ0"})
    void acceptsPublishedAndGeneratedCodes(String code) {
        assertThat(CreditCodes.check(code)).isEmpty();
    }

    @Test
    void rejectsTheEarlyPilotCodeOnItsChecksum() {
        assertThat(CreditCodes.check(PILOT_CODE)).hasValueSatisfying(v -> {
            assertThat(v.code()).isEqualTo("CREDIT_CODE_INVALID");
            assertThat(v.message()).contains("check character").contains("'1'").contains("'M'");
        });
        assertThat(CreditCodes.isValid(PILOT_CODE)).isFalse();
    }

    // Expected check characters computed independently of this implementation.
    @ParameterizedTest
    @CsvSource({
        "91350100M000100Y4, 3",
        "91350100M0001TGQX, 1",
        "91440300192203821, 6",
        "9144030071526726X, G",
        "91330100799655058, B",
        "91110000100000000, R",
        "12026859JAY4NUGYK, B",
        "12821993B3HN2J1K6, T",
        "51260181BJ1XG612D, P",
        "516321227M70FTJ58, G",
        "52131860TJ3Y7LLJY, E",
        "53127684W4TDUH8ND, W",
        "53601895ANBKFJRE2, 0",
        "53865797B97R5NQ72, 9",
        "9175291716Q94P7CC, 5",
        "91996030HU49D4H3J, K",
        "92471049MTE9NCWMB, E",
        "N2487574K23GD5QA4, 5",
        "914501009HAW7U2UJ, 0",
        "91450100J9B86AD34, 0"
    })
    void computesTheCheckCharacter(String first17, char expected) {
        assertThat(CreditCodes.checkCharacter(first17)).isEqualTo(expected);
        assertThat(CreditCodes.check(first17 + expected)).isEmpty();
    }

    @Test
    void detectsEverySingleCharacterSubstitutionThroughTheCheckCharacter() {
        for (String code : VALID_CODES) {
            for (int position = 0; position < 17; position++) {
                for (char symbol : CreditCodes.ALPHABET.toCharArray()) {
                    if (symbol == code.charAt(position)) {
                        continue;
                    }
                    String first17 = substitute(code, position, symbol).substring(0, 17);
                    assertThat(CreditCodes.checkCharacter(first17))
                            .as("%s with %s at position %d", code, symbol, position + 1)
                            .isNotEqualTo(code.charAt(17));
                }
            }
        }
    }

    @Test
    void rejectsEverySingleCharacterSubstitution() {
        List<String> accepted = new ArrayList<>();
        int tried = 0;
        for (String code : VALID_CODES) {
            for (int position = 0; position < 18; position++) {
                for (char symbol : CreditCodes.ALPHABET.toCharArray()) {
                    if (symbol != code.charAt(position)) {
                        tried++;
                        String mutated = substitute(code, position, symbol);
                        CreditCodes.check(mutated)
                                .ifPresentOrElse(
                                        v -> assertThat(v.code()).isEqualTo("CREDIT_CODE_INVALID"),
                                        () -> accepted.add(mutated));
                    }
                }
            }
        }
        assertThat(tried).isEqualTo(VALID_CODES.size() * 18 * 30);
        assertThat(accepted).isEmpty();
    }

    @Test
    void namesTheExpectedCheckCharacterOnChecksumMismatch() {
        assertThat(CreditCodes.check("91350100M000100Y44"))
                .hasValueSatisfying(v -> assertThat(v.message())
                        .contains("position 18")
                        .contains("should be '3'")
                        .contains("not '4'"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "   ", "\t", "                  "})
    void rejectsMissingValues(String value) {
        assertThat(CreditCodes.check(value)).hasValueSatisfying(v -> {
            assertThat(v.code()).isEqualTo("CREDIT_CODE_INVALID");
            assertThat(v.message()).contains("missing");
        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "9",
                "91350100M000100Y4",
                "91350100M000100Y433",
                " 91350100M000100Y43",
                "91350100M000100Y43 ",
                "91350100M000100Y43\n",
                "91350100M000100Y4391350100M000100Y43"
            })
    void rejectsWrongLengths(String value) {
        assertThat(CreditCodes.check(value)).hasValueSatisfying(v -> {
            assertThat(v.code()).isEqualTo("CREDIT_CODE_INVALID");
            assertThat(v.message()).contains("18 characters").contains("not " + value.length());
        });
    }

    @Test
    void rejectsLowerCaseInsteadOfUpperCasingIt() {
        String lower = STANDARD_EXAMPLE.toLowerCase();
        assertThat(CreditCodes.check(lower))
                .hasValueSatisfying(v -> assertThat(v.message())
                        .contains("lower-case 'm'")
                        .contains("position 9")
                        .contains("upper case"));
        assertThat(CreditCodes.isValid("91350100m000100Y43")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'Z', 'S', 'V'})
    void rejectsTheForbiddenLettersEvenWithAMatchingCheckCharacter(char forbidden) {
        String code = "91350100M000100" + forbidden + "4";
        assertThat(CreditCodes.check(code + "3"))
                .hasValueSatisfying(v -> assertThat(v.message())
                        .contains("illegal character '" + forbidden + "'")
                        .contains("position 16"));
        assertThatThrownBy(() -> CreditCodes.checkCharacter(code)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "91350100M000 00Y43 | U+0020 | 13",
                "91350100M000\t00Y43 | U+0009 | 13",
                "91350100M000-00Y43 | '-' | 13",
                "91350100M000１00Y43 | U+FF11 | 13",
                "91350100M000中00Y43 | U+4E2D | 13"
            })
    void namesTheIllegalCharacterAndItsPosition(String code, String shown, int position) {
        assertThat(CreditCodes.check(code))
                .hasValueSatisfying(v -> assertThat(v.message())
                        .contains("illegal character " + shown)
                        .contains("position " + position));
    }

    @ParameterizedTest
    @CsvSource({"91A50100M000100Y43, 3", "9135010XM000100Y43, 8", "91 50100M000100Y43, 3"})
    void requiresDigitsInTheRegionPart(String code, int position) {
        assertThat(CreditCodes.check(code))
                .hasValueSatisfying(v ->
                        assertThat(v.message()).contains("position " + position).contains("digit"));
    }

    @Test
    void doesNotRequireAKnownRegionCode() {
        String code = "91000000M000100Y4";
        assertThat(CreditCodes.check(code + CreditCodes.checkCharacter(code))).isEmpty();
    }

    @Test
    void doesNotRequireTheEmbeddedOrganizationCodeToPass() {
        String first17 = "91350100M000100Y5";
        String code = first17 + CreditCodes.checkCharacter(first17);
        assertThat(CreditCodes.check(code)).isEmpty();
        assertThat(CreditCodes.hasValidOrganizationCode(code)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {STANDARD_EXAMPLE, "914403001922038216", "9144030071526726XG", "91330100799655058B", PILOT_CODE})
    void recognisesAValidEmbeddedOrganizationCode(String code) {
        assertThat(CreditCodes.hasValidOrganizationCode(code)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12026859JAY4NUGYKB", "91350100M000100Y4", "91350100M000100Y433"})
    void reportsAnInvalidOrMissingEmbeddedOrganizationCode(String code) {
        assertThat(CreditCodes.hasValidOrganizationCode(code)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"91350100M000100Y", "91350100M000100Y43", "91350100m000100Y4", "91350100M000100I4"})
    void refusesToComputeACheckCharacterForBadInput(String first17) {
        assertThatThrownBy(() -> CreditCodes.checkCharacter(first17)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String substitute(String code, int index, char symbol) {
        char[] chars = code.toCharArray();
        chars[index] = symbol;
        return new String(chars);
    }
}
