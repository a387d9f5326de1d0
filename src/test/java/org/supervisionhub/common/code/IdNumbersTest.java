package org.supervisionhub.common.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdNumbersTest {

    private static final String STANDARD_EXAMPLE = "11010519491231002X";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 2024-06-15 12:00 in Shanghai. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-15T04:00:00Z"), SHANGHAI);

    private static final String SYMBOLS = "0123456789X";
    private static final List<String> VALID_NUMBERS = List.of(
            STANDARD_EXAMPLE,
            "450103198002290019",
            "450103200002291230",
            "450103190001010007",
            "440305199912319876",
            "650102197511034562",
            "81000019870707321X",
            "42900419930301231X");

    @Test
    void acceptsTheStandardsOwnExample() {
        assertThat(IdNumbers.check(STANDARD_EXAMPLE)).isEmpty();
        assertThat(IdNumbers.isValid(STANDARD_EXAMPLE)).isTrue();
        assertThat(IdNumbers.checkCharacter(STANDARD_EXAMPLE.substring(0, 17))).isEqualTo('X');
    }

    @Test
    void acceptsValidNumbersAgainstAFixedClock() {
        assertThat(VALID_NUMBERS)
                .allSatisfy(id -> assertThat(IdNumbers.check(id, CLOCK)).as(id).isEmpty());
    }

    // Expected check characters computed independently of this implementation.
    @ParameterizedTest
    @CsvSource({
        "11010519491231002, X",
        "45010319800229001, 9",
        "45010320000229123, 0",
        "45010319000101000, 7",
        "44030519991231987, 6",
        "45140220240615555, 0",
        "65010219751103456, 2",
        "81000019870707321, X",
        "71000020010101111, 7",
        "33010619640925013, 4",
        "32050319881111002, 5",
        "50010320120808888, 6",
        "42900419930301231, X"
    })
    void computesTheCheckCharacter(String first17, char expected) {
        assertThat(IdNumbers.checkCharacter(first17)).isEqualTo(expected);
        assertThat(IdNumbers.check(first17 + expected, CLOCK)).isEmpty();
    }

    @Test
    void detectsEverySingleDigitSubstitutionThroughTheCheckCharacter() {
        for (String id : VALID_NUMBERS) {
            for (int position = 0; position < 17; position++) {
                for (char digit = '0'; digit <= '9'; digit++) {
                    if (digit != id.charAt(position)) {
                        String first17 = substitute(id, position, digit).substring(0, 17);
                        assertThat(IdNumbers.checkCharacter(first17))
                                .as("%s with %s at position %d", id, digit, position + 1)
                                .isNotEqualTo(id.charAt(17));
                    }
                }
            }
        }
    }

    @Test
    void rejectsEverySingleCharacterSubstitution() {
        List<String> accepted = new ArrayList<>();
        for (String id : VALID_NUMBERS) {
            for (int position = 0; position < 18; position++) {
                for (char symbol : SYMBOLS.toCharArray()) {
                    if (symbol != id.charAt(position)) {
                        String mutated = substitute(id, position, symbol);
                        if (IdNumbers.isValid(mutated, CLOCK)) {
                            accepted.add(mutated);
                        }
                    }
                }
            }
        }
        assertThat(accepted).isEmpty();
    }

    @Test
    void rejectsEveryAdjacentTranspositionThatChangesTheValue() {
        List<String> accepted = new ArrayList<>();
        int tried = 0;
        for (String id : VALID_NUMBERS) {
            for (int position = 0; position < 17; position++) {
                char[] chars = id.toCharArray();
                if (chars[position] == chars[position + 1]) {
                    continue;
                }
                chars[position] = id.charAt(position + 1);
                chars[position + 1] = id.charAt(position);
                String swapped = new String(chars);
                tried++;
                if (IdNumbers.isValid(swapped, CLOCK)) {
                    accepted.add(swapped);
                }
                if (position < 16) {
                    assertThat(IdNumbers.checkCharacter(swapped.substring(0, 17)))
                            .as(swapped)
                            .isNotEqualTo(id.charAt(17));
                }
            }
        }
        assertThat(tried).isGreaterThan(100);
        assertThat(accepted).isEmpty();
    }

    @Test
    void namesTheExpectedCheckCharacterOnChecksumMismatch() {
        assertThat(IdNumbers.check("110105194912310021", CLOCK)).hasValueSatisfying(v -> {
            assertThat(v.code()).isEqualTo("ID_NUMBER_INVALID");
            assertThat(v.message())
                    .contains("position 18")
                    .contains("should be 'X'")
                    .contains("not '1'");
        });
    }

    @Test
    void requiresAnUpperCaseX() {
        assertThat(IdNumbers.check("11010519491231002x", CLOCK))
                .hasValueSatisfying(v -> assertThat(v.message()).contains("upper-case 'X'"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "                  "})
    void rejectsMissingValues(String value) {
        assertThat(IdNumbers.check(value, CLOCK)).hasValueSatisfying(v -> {
            assertThat(v.code()).isEqualTo("ID_NUMBER_INVALID");
            assertThat(v.message()).contains("missing");
        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "110105491231002",
                "11010519491231002",
                "11010519491231002X0",
                " 11010519491231002X",
                "11010519491231002X "
            })
    void rejectsWrongLengths(String value) {
        assertThat(IdNumbers.check(value, CLOCK))
                .hasValueSatisfying(
                        v -> assertThat(v.message()).contains("18 characters").contains("not " + value.length()));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "1101051949123100XX | 'X' | 17",
                "11010519491231 02X | U+0020 | 15",
                "A1010519491231002X | 'A' | 1",
                "11010519491231００2X | U+FF10 | 15"
            })
    void requiresDigitsInTheFirstSeventeenPositions(String value, String shown, int position) {
        assertThat(IdNumbers.check(value, CLOCK))
                .hasValueSatisfying(v -> assertThat(v.message()).contains(shown).contains("position " + position));
    }

    @ParameterizedTest
    @ValueSource(chars = {'A', 'Y', '-', ' '})
    void rejectsAnIllegalCheckCharacter(char check) {
        assertThat(IdNumbers.check("11010519491231002" + check, CLOCK))
                .hasValueSatisfying(v -> assertThat(v.message()).contains("illegal check character"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"000000", "990000", "450091", "459100"})
    void rejectsAStructurallyInvalidRegion(String region) {
        assertThat(IdNumbers.check(withCheck(region + "19491231002"), CLOCK))
                .hasValueSatisfying(v -> assertThat(v.message()).contains("positions 1-6"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"19800229", "20000229", "20240229", "19000101", "20240615"})
    void acceptsRealDatesUpToToday(String date) {
        assertThat(IdNumbers.check(withCheck("450103" + date + "001"), CLOCK)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"20230229", "19000229", "21000229", "19491301", "19490001", "19491200", "19490431", "00000000"})
    void rejectsDatesThatDoNotExist(String date) {
        String id = withCheck("450103" + date + "001");
        assertThat(IdNumbers.check(id, CLOCK))
                .hasValueSatisfying(
                        v -> assertThat(v.message()).contains("positions 7-14").contains("not a calendar date"));
    }

    @Test
    void rejectsABirthDateAfterTodayAccordingToTheClock() {
        String tomorrow = withCheck("45010320240616001");
        assertThat(IdNumbers.check(tomorrow, CLOCK))
                .hasValueSatisfying(v -> assertThat(v.message()).contains("future"));
        Clock nextDay = Clock.offset(CLOCK, Duration.ofDays(1));
        assertThat(IdNumbers.check(tomorrow, nextDay)).isEmpty();
    }

    @Test
    void readsTodayInTheClocksZone() {
        // 2024-06-15 16:30 UTC is already 2024-06-16 in Shanghai.
        Instant instant = Instant.parse("2024-06-15T16:30:00Z");
        String bornOnThe16th = withCheck("45010320240616001");
        assertThat(IdNumbers.check(bornOnThe16th, Clock.fixed(instant, SHANGHAI)))
                .isEmpty();
        assertThat(IdNumbers.check(bornOnThe16th, Clock.fixed(instant, ZoneId.of("UTC"))))
                .isPresent();
    }

    @Test
    void usesTheSystemClockByDefault() {
        String nextYear = String.valueOf(LocalDate.now(SHANGHAI).getYear() + 1);
        assertThat(IdNumbers.check(withCheck("450103" + nextYear + "0101001"))).isPresent();
        assertThat(IdNumbers.isValid(withCheck("45010320000101001"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"18991231", "18000101", "10000101"})
    void rejectsBirthDatesBefore1900(String date) {
        assertThat(IdNumbers.check(withCheck("450103" + date + "001"), CLOCK))
                .hasValueSatisfying(v -> assertThat(v.message()).contains("before 1900-01-01"));
    }

    @Test
    void neverRepeatsTheNumbersDigitsInAMessage() {
        assertThat(IdNumbers.check(withCheck("45010319770229123"), CLOCK))
                .hasValueSatisfying(
                        v -> assertThat(v.message()).doesNotContain("1977").doesNotContain("450103"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1101051949123100", "110105194912310021", "1101051949123100X", "1101051949123100x"})
    void refusesToComputeACheckCharacterForBadInput(String first17) {
        assertThatThrownBy(() -> IdNumbers.checkCharacter(first17)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "11010519491231002X, 110105********002X",
        "ABCDEFGHIJKLMNOPQR, ABCDEF********OPQR",
        "110105491231002, ***********1002",
        "1101051949123100212, ***************0212",
        "12345, *2345"
    })
    void masksAllButTheEdgesWithoutRequiringValidity(String value, String masked) {
        assertThat(IdNumbers.mask(value)).isEqualTo(masked);
    }

    @Test
    void masksShortValuesEntirelyAndKeepsNull() {
        assertThat(IdNumbers.mask(null)).isNull();
        assertThat(IdNumbers.mask("")).isEmpty();
        assertThat(IdNumbers.mask("1234")).isEqualTo("****");
        assertThat(IdNumbers.mask("12")).isEqualTo("**");
    }

    private static String withCheck(String first17) {
        return first17 + IdNumbers.checkCharacter(first17);
    }

    private static String substitute(String id, int index, char symbol) {
        char[] chars = id.toCharArray();
        chars[index] = symbol;
        return new String(chars);
    }
}
