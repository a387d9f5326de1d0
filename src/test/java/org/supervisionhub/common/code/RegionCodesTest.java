package org.supervisionhub.common.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionCodesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "450000", "450100", "450103", "451400", "110000", "110105", "429000", "429004", "820000", "710000",
                "657000", "659001", "450199"
            })
    void acceptsStructurallyValidCodes(String code) {
        assertThat(RegionCodes.check(code)).isEmpty();
        assertThat(RegionCodes.isValid(code)).isTrue();
    }

    @Test
    void acceptsEveryProvince() {
        String provinces = "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54"
                + " 61 62 63 64 65 71 81 82";
        for (String province : provinces.split(" ")) {
            assertThat(RegionCodes.isValid(province + "0000")).as(province).isTrue();
        }
        for (int prefix = 0; prefix <= 99; prefix++) {
            String province = String.format("%02d", prefix);
            assertThat(RegionCodes.isValid(province + "0000")).as(province).isEqualTo(provinces.contains(province));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "000000, province",
        "990000, province",
        "100000, province",
        "830000, province",
        "459100, prefecture",
        "457100, prefecture",
        "458000, prefecture",
        "459900, prefecture",
        "450071, must end in 00",
        "450001, must end in 00"
    })
    void rejectsStructurallyInvalidCodes(String code, String reason) {
        assertThat(RegionCodes.check(code)).hasValueSatisfying(v -> {
            assertThat(v.code()).isEqualTo("REGION_CODE_INVALID");
            assertThat(v.message()).contains(reason);
        });
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "      "})
    void rejectsMissingValues(String code) {
        assertThat(RegionCodes.check(code))
                .hasValueSatisfying(v -> assertThat(v.message()).contains("missing"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"45010", "4501030", " 450103", "450103 ", "45"})
    void rejectsWrongLengths(String code) {
        assertThat(RegionCodes.check(code))
                .hasValueSatisfying(
                        v -> assertThat(v.message()).contains("6 digits").contains("not " + code.length()));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {"45010A | 'A' | 6", "45 103 | U+0020 | 3", "-45010 | '-' | 1", "４５0103 | U+FF14 | 1"})
    void rejectsNonDigits(String code, String shown, int position) {
        assertThat(RegionCodes.check(code))
                .hasValueSatisfying(v -> assertThat(v.message())
                        .contains("only digits")
                        .contains(shown)
                        .contains("position " + position));
    }

    @ParameterizedTest
    @CsvSource({
        "450000, PROVINCE",
        "450100, PREFECTURE",
        "451400, PREFECTURE",
        "429000, PREFECTURE",
        "450103, COUNTY",
        "429004, COUNTY",
        "450190, COUNTY"
    })
    void tellsTheLevel(String code, RegionLevel level) {
        assertThat(RegionCodes.level(code)).isEqualTo(level);
    }

    @ParameterizedTest
    @CsvSource({"450000, 45", "450100, 4501", "450103, 450103", "429000, 4290"})
    void computesTheScopePrefix(String code, String prefix) {
        assertThat(RegionCodes.scopePrefix(code)).isEqualTo(prefix);
    }

    @ParameterizedTest
    @CsvSource({"450103, 450100", "450100, 450000", "429004, 429000", "110105, 110100"})
    void findsTheParent(String code, String parent) {
        assertThat(RegionCodes.parent(code)).isEqualTo(parent);
    }

    @Test
    void aProvinceHasNoParent() {
        assertThat(RegionCodes.parent("450000")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"000000", "45010", "459100"})
    void refusesHierarchyQuestionsAboutInvalidCodes(String code) {
        assertThatThrownBy(() -> RegionCodes.level(code)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RegionCodes.scopePrefix(code)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RegionCodes.parent(code)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesHierarchyQuestionsAboutNull() {
        assertThatThrownBy(() -> RegionCodes.level(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "450000, 450000", "450000, 450100", "450000, 450103", "450000, 451400",
        "450100, 450100", "450100, 450103", "450103, 450103", "429000, 429004"
    })
    void containsItselfAndEverythingBeneath(String ancestor, String descendant) {
        assertThat(RegionCodes.contains(ancestor, descendant)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "450100, 450000",
        "450103, 450100",
        "450100, 450203",
        "450000, 440103",
        "450103, 450104",
        "451400, 450103"
    })
    void doesNotContainAncestorsOrSiblings(String ancestor, String descendant) {
        assertThat(RegionCodes.contains(ancestor, descendant)).isFalse();
    }

    @Test
    void containsNothingWhenEitherCodeIsInvalid() {
        assertThat(RegionCodes.contains("450000", "459100")).isFalse();
        assertThat(RegionCodes.contains("450000", "4501031")).isFalse();
        assertThat(RegionCodes.contains("450000", null)).isFalse();
        assertThat(RegionCodes.contains(null, "450103")).isFalse();
        assertThat(RegionCodes.contains("4500", "450103")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"450103001001", "450000000000", "450103999999"})
    void acceptsStatisticalCodesWithAValidRegionPrefix(String code) {
        assertThat(RegionCodes.checkStatistical(code)).isEmpty();
        assertThat(RegionCodes.isValidStatistical(code)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "45010300100 | 12 digits",
                "4501030010011 | 12 digits",
                "450103 01001 | only digits",
                "45010300100A | only digits",
                "990000001001 | region part",
                "459100001001 | region part"
            })
    void rejectsInvalidStatisticalCodes(String code, String reason) {
        assertThat(RegionCodes.checkStatistical(code)).hasValueSatisfying(v -> {
            assertThat(v.code()).isEqualTo("REGION_CODE_INVALID");
            assertThat(v.message()).contains(reason);
        });
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"            "})
    void rejectsMissingStatisticalCodes(String code) {
        assertThat(RegionCodes.checkStatistical(code))
                .hasValueSatisfying(v -> assertThat(v.message()).contains("missing"));
    }
}
