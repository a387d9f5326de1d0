package org.supervisionhub.common.code;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ItemCodesTest {

    @ParameterizedTest
    @ValueSource(strings = {"12345678901234", "00000000000000", "99999999999999"})
    void acceptsFourteenDigits(String code) {
        assertThat(ItemCodes.check(code)).isEmpty();
        assertThat(ItemCodes.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "              "})
    void rejectsMissingValues(String code) {
        assertThat(ItemCodes.check(code)).hasValueSatisfying(v -> {
            assertThat(v.code()).isEqualTo("ITEM_CODE_INVALID");
            assertThat(v.message()).contains("missing");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567890123", "123456789012345", " 12345678901234", "12345678901234\n"})
    void rejectsWrongLengths(String code) {
        assertThat(ItemCodes.check(code)).hasValueSatisfying(v -> {
            assertThat(v.code()).isEqualTo("ITEM_CODE_INVALID");
            assertThat(v.message()).contains("14 digits").contains("not " + code.length());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567890123A", "12345678 01234", "-1234567890123", "1234567890123４", "١٢٣٤٥٦٧٨٩٠١٢٣٤"})
    void rejectsAnythingButAsciiDigits(String code) {
        assertThat(ItemCodes.check(code)).hasValueSatisfying(v -> {
            assertThat(v.code()).isEqualTo("ITEM_CODE_INVALID");
            assertThat(v.message()).contains("only digits").contains("position");
        });
    }
}
