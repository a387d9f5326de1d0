package org.supervisionhub.common.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ImplementationListCodesTest {

    private static final String BODY = "91350100M000100Y43";

    @ParameterizedTest
    @ValueSource(
            strings = {BODY + "1A", BODY + "30001", BODY + "5abcXYZ019", BODY + "2" + "0123456789ABCDEFGHIJabcdefghijkl"
            })
    void acceptsACreditCodeLevelAndSuffix(String code) {
        assertThat(ImplementationListCodes.check(code)).isEmpty();
        assertThat(ImplementationListCodes.isValid(code)).isTrue();
    }

    @Test
    void splitsIntoImplementingBodyAndExerciseLevel() {
        String code = "9144030071526726XG" + "4" + "000123";
        assertThat(ImplementationListCodes.implementingBody(code)).isEqualTo("9144030071526726XG");
        assertThat(ImplementationListCodes.exerciseLevel(code)).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(chars = {'1', '2', '3', '4', '5'})
    void acceptsEveryExerciseLevel(char level) {
        assertThat(ImplementationListCodes.exerciseLevel(BODY + level + "X")).isEqualTo(level - '0');
    }

    @ParameterizedTest
    @ValueSource(chars = {'0', '6', '9', 'A', '-', ' '})
    void rejectsAnExerciseLevelOutsideOneToFive(char level) {
        assertThat(ImplementationListCodes.check(BODY + level + "001")).hasValueSatisfying(v -> {
            assertThat(v.code()).isEqualTo("LIST_CODE_INVALID");
            assertThat(v.message()).contains("exercise level").contains("position 19");
        });
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "91350100M0001TGQXM3001 | check character",
                "91350100m000100Y433001 | lower-case",
                "9135010OM000100Y433001 | digit",
                "91350100M000100Y443001 | check character"
            })
    void rejectsAnInvalidImplementingBodyAndSaysSo(String code, String reason) {
        assertThat(ImplementationListCodes.check(code)).hasValueSatisfying(v -> {
            assertThat(v.code()).isEqualTo("LIST_CODE_INVALID");
            assertThat(v.message()).contains("implementing body credit code").contains(reason);
        });
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "                      "})
    void rejectsMissingValues(String code) {
        assertThat(ImplementationListCodes.check(code)).hasValueSatisfying(v -> {
            assertThat(v.code()).isEqualTo("LIST_CODE_INVALID");
            assertThat(v.message()).contains("missing");
        });
    }

    @Test
    void requiresASuffixOfOneToThirtyTwoCharacters() {
        assertThat(ImplementationListCodes.check(BODY))
                .hasValueSatisfying(v ->
                        assertThat(v.message()).contains("20 to 51 characters").contains("not 18"));
        assertThat(ImplementationListCodes.check(BODY + "3"))
                .hasValueSatisfying(v -> assertThat(v.message()).contains("not 19"));
        assertThat(ImplementationListCodes.isValid(BODY + "3" + "A".repeat(32))).isTrue();
        assertThat(ImplementationListCodes.check(BODY + "3" + "A".repeat(33)))
                .hasValueSatisfying(v -> assertThat(v.message()).contains("not 52"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {"00-1 | '-' | 22", "00_1 | '_' | 22", "00 1 | U+0020 | 22", "00事1 | U+4E8B | 22", "001. | '.' | 23"
            })
    void rejectsSuffixCharactersOtherThanAsciiLettersAndDigits(String suffix, String shown, int position) {
        assertThat(ImplementationListCodes.check(BODY + "3" + suffix))
                .hasValueSatisfying(v -> assertThat(v.message())
                        .contains("suffix")
                        .contains(shown)
                        .contains("position " + position));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {BODY, BODY + "6001", "91350100M0001TGQXM3001"})
    void refusesToSplitAnInvalidCode(String code) {
        assertThatThrownBy(() -> ImplementationListCodes.implementingBody(code))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImplementationListCodes.exerciseLevel(code))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
