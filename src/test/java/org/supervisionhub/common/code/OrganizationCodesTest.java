package org.supervisionhub.common.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OrganizationCodesTest {

    @Test
    void acceptsTheClassicExample() {
        // D=13: 13*3 + 2*7 + 1*9 + 4*10 + 3*5 + 5*8 + 6*4 + 9*2 = 199; 199 mod 11 = 1; 11 - 1 = 10 -> X
        assertThat(OrganizationCodes.check("D2143569X")).isEmpty();
        assertThat(OrganizationCodes.isValid("D2143569X")).isTrue();
    }

    // Expected check characters computed independently of this implementation.
    @ParameterizedTest
    @CsvSource({
        "D2143569, X",
        "M000100Y, 4",
        "19220382, 1",
        "71526726, X",
        "79965505, 8",
        "00000000, 0",
        "ZZZZZZZZ, 3",
        "A0000000, 3",
        "12345678, 8",
        "MA2XY7K1, 0",
        "XEIV05TH, X",
        "2BINX85N, 0"
    })
    void computesTheCheckCharacter(String first8, char expected) {
        assertThat(OrganizationCodes.checkCharacter(first8)).isEqualTo(expected);
        assertThat(OrganizationCodes.check(first8 + expected)).isEmpty();
    }

    @Test
    void acceptsTheLettersACreditCodeCannotContain() {
        assertThat(OrganizationCodes.isValid("XEIV05THX")).isTrue();
    }

    @Test
    void rejectsAWrongCheckCharacterAndNamesTheExpectedOne() {
        assertThat(OrganizationCodes.check("D21435690")).hasValueSatisfying(v -> {
            assertThat(v.code()).isEqualTo("ORG_CODE_INVALID");
            assertThat(v.message()).contains("should be 'X'").contains("not '0'");
        });
    }

    @Test
    void rejectsEverySingleDigitSubstitution() {
        String code = "192203821";
        for (int position = 0; position < 9; position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit != code.charAt(position)) {
                    char[] chars = code.toCharArray();
                    chars[position] = digit;
                    assertThat(OrganizationCodes.check(new String(chars)))
                            .as(new String(chars))
                            .isPresent();
                }
            }
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "         "})
    void rejectsMissingValues(String value) {
        assertThat(OrganizationCodes.check(value))
                .hasValueSatisfying(v -> assertThat(v.message()).contains("missing"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"D2143569", "D2143569X0", "D2143569-X", " D2143569X"})
    void rejectsWrongLengths(String value) {
        assertThat(OrganizationCodes.check(value))
                .hasValueSatisfying(v -> assertThat(v.message()).contains("9 characters"));
    }

    @Test
    void rejectsLowerCase() {
        assertThat(OrganizationCodes.check("d2143569X"))
                .hasValueSatisfying(
                        v -> assertThat(v.message()).contains("lower-case 'd'").contains("position 1"));
        assertThat(OrganizationCodes.check("D2143569x"))
                .hasValueSatisfying(v -> assertThat(v.message()).contains("check character 'x'"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {"D214-569X | '-' | 5", "D214 569X | U+0020 | 5", "D21435６9X | U+FF16 | 7"})
    void namesTheIllegalCharacterAndItsPosition(String code, String shown, int position) {
        assertThat(OrganizationCodes.check(code))
                .hasValueSatisfying(v -> assertThat(v.message()).contains(shown).contains("position " + position));
    }

    @Test
    void rejectsACheckCharacterOtherThanADigitOrX() {
        assertThat(OrganizationCodes.check("D2143569A"))
                .hasValueSatisfying(v -> assertThat(v.message()).contains("illegal check character 'A'"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"D214356", "D2143569X", "d2143569", "D214356-"})
    void refusesToComputeACheckCharacterForBadInput(String first8) {
        assertThatThrownBy(() -> OrganizationCodes.checkCharacter(first8)).isInstanceOf(IllegalArgumentException.class);
    }
}
