package org.supervisionhub.common.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.supervisionhub.support.Fuzz;

/**
 * The national code validators on arbitrary text (any code point, ASCII, CJK, near-valid codes, null): each answers
 * valid or a violation carrying its catalog code, never an exception; helpers documented to refuse invalid input
 * refuse it with IllegalArgumentException only; codes built from valid parts validate.
 */
class CodeValidatorsFuzzTest {

    private static final String DIGITS = "0123456789";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneId.of("Asia/Shanghai"));

    /** A validator answers with a violation of its own code, or valid; isValid agrees. */
    private static void answers(
            String value,
            Function<String, Optional<CodeViolation>> check,
            Function<String, Boolean> isValid,
            String errorCode) {
        Optional<CodeViolation> violation = check.apply(value);
        violation.ifPresent(v -> {
            assertThat(v.code()).isEqualTo(errorCode);
            assertThat(v.message()).isNotBlank();
            Fuzz.requireCatalogCode(v.code());
        });
        assertThat(isValid.apply(value)).isEqualTo(violation.isEmpty());
    }

    private static void refusesWithIllegalArgumentOnly(Runnable call) {
        try {
            call.run();
        } catch (IllegalArgumentException expected) {
            // documented
        }
    }

    @Test
    void creditCodesOfAnyTextAreValidOrAViolationNeverAnException() {
        Gen<String> inputs = Fuzz.text(CreditCodes.ALPHABET + "IOZSVa-", 16, 19);
        Fuzz.property("credit code check (GB 32100)", inputs, value -> {
            answers(value, CreditCodes::check, CreditCodes::isValid, CreditCodes.ERROR_CODE);
            refusesWithIllegalArgumentOnly(() -> CreditCodes.checkCharacter(value));
            CreditCodes.hasValidOrganizationCode(value);
        });
    }

    @Test
    void creditCodesBuiltWithTheirCheckCharacterAreValid() {
        Gen<String> first17 = org.quicktheories.generators.Generate.longRange(0, Long.MAX_VALUE)
                .map(seed -> {
                    java.util.Random random = new java.util.Random(seed);
                    StringBuilder code = new StringBuilder();
                    for (int i = 0; i < 17; i++) {
                        String symbols = i >= 2 && i < 8 ? DIGITS : CreditCodes.ALPHABET;
                        code.append(symbols.charAt(random.nextInt(symbols.length())));
                    }
                    return code.toString();
                });
        Fuzz.property(
                "credit code round trip",
                first17,
                value -> assertThat(CreditCodes.check(value + CreditCodes.checkCharacter(value)))
                        .isEmpty());
    }

    @Test
    void idNumbersOfAnyTextAreValidOrAViolationNeverAnException() {
        Fuzz.property("ID number check (GB 11643)", Fuzz.text(DIGITS + "Xx", 16, 19), value -> {
            answers(value, v -> IdNumbers.check(v, CLOCK), v -> IdNumbers.isValid(v, CLOCK), IdNumbers.ERROR_CODE);
            refusesWithIllegalArgumentOnly(() -> IdNumbers.checkCharacter(value));
            String masked = IdNumbers.mask(value);
            if (value != null) {
                assertThat(masked).hasSameSizeAs(value);
            }
        });
    }

    @Test
    void regionCodesOfAnyTextAreValidOrAViolationAndTheirHelpersRefuseOnlyWithIllegalArgument() {
        Gen<String> inputs = Fuzz.text(DIGITS, 5, 7);
        Fuzz.property("region code check (GB/T 2260)", inputs.zip(inputs, (a, b) -> new String[] {a, b}), pair -> {
            String value = pair[0];
            answers(value, RegionCodes::check, RegionCodes::isValid, RegionCodes.ERROR_CODE);
            answers(value, RegionCodes::checkStatistical, RegionCodes::isValidStatistical, RegionCodes.ERROR_CODE);
            refusesWithIllegalArgumentOnly(() -> RegionCodes.level(value));
            refusesWithIllegalArgumentOnly(() -> RegionCodes.scopePrefix(value));
            refusesWithIllegalArgumentOnly(() -> RegionCodes.parent(value));
            refusesWithIllegalArgumentOnly(() -> RegionCodes.contains(value, pair[1]));
        });
    }

    @Test
    void itemListAndOrganisationCodesOfAnyTextAreValidOrAViolationNeverAnException() {
        Fuzz.property("item, list and organisation codes", Fuzz.text(DIGITS + CreditCodes.ALPHABET, 8, 34), value -> {
            answers(value, ItemCodes::check, ItemCodes::isValid, ItemCodes.ERROR_CODE);
            answers(
                    value,
                    ImplementationListCodes::check,
                    ImplementationListCodes::isValid,
                    ImplementationListCodes.ERROR_CODE);
            answers(value, OrganizationCodes::check, OrganizationCodes::isValid, OrganizationCodes.ERROR_CODE);
            refusesWithIllegalArgumentOnly(() -> ImplementationListCodes.implementingBody(value));
            refusesWithIllegalArgumentOnly(() -> ImplementationListCodes.exerciseLevel(value));
            refusesWithIllegalArgumentOnly(() -> OrganizationCodes.checkCharacter(value));
        });
    }
}
