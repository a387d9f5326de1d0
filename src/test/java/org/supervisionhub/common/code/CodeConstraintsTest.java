package org.supervisionhub.common.code;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Payload;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.Annotation;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodeConstraintsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-15T04:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private static ValidatorFactory factory;
    private static Validator validator;

    record Registration(
            @NotNull @CreditCode String creditCode,
            @RegionCode String regionCode,
            @ItemCode String itemCode,
            @IdNumber String idNumber,
            @ImplementationListCode String listCode,
            @CreditCode(message = "custom message") String otherCreditCode) {}

    private static Registration valid() {
        return new Registration(
                "91350100M000100Y43", "450103", "12345678901234", "11010519491231002X", "91350100M000100Y433001", null);
    }

    @BeforeAll
    static void buildValidator() {
        factory = Validation.byDefaultProvider()
                .configure()
                .clockProvider(() -> CLOCK)
                .buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeFactory() {
        factory.close();
    }

    @Test
    void acceptsValidCodes() {
        assertThat(validator.validate(valid())).isEmpty();
    }

    @Test
    void treatsNullAsValidSoNotNullDecides() {
        Set<ConstraintViolation<Registration>> violations =
                validator.validate(new Registration(null, null, null, null, null, null));
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.getPropertyPath()).hasToString("creditCode");
            assertThat(v.getConstraintDescriptor().getAnnotation()).isInstanceOf(NotNull.class);
        });
    }

    @Test
    void reportsTheSpecificReasonAndTheErrorCode() {
        Registration pilot = new Registration(
                "91350100M0001TGQXM", "450103", "12345678901234", "11010519491231002X", "91350100M000100Y433001", null);
        assertThat(validator.validate(pilot)).singleElement().satisfies(v -> {
            assertThat(v.getPropertyPath()).hasToString("creditCode");
            assertThat(v.getMessage())
                    .isEqualTo(CreditCodes.check("91350100M0001TGQXM")
                            .orElseThrow()
                            .message());
            assertThat(errorCodeOf(v)).isEqualTo("CREDIT_CODE_INVALID");
        });
    }

    @ParameterizedTest
    @CsvSource({
        "regionCode, 459100, REGION_CODE_INVALID",
        "itemCode, 1234567890123, ITEM_CODE_INVALID",
        "idNumber, 11010519491231002x, ID_NUMBER_INVALID",
        "listCode, 91350100M000100Y436001, LIST_CODE_INVALID"
    })
    void mapsEachConstraintToItsErrorCode(String field, String value, String errorCode) {
        Registration r = valid();
        Registration bad = new Registration(
                r.creditCode(),
                field.equals("regionCode") ? value : r.regionCode(),
                field.equals("itemCode") ? value : r.itemCode(),
                field.equals("idNumber") ? value : r.idNumber(),
                field.equals("listCode") ? value : r.listCode(),
                null);
        assertThat(validator.validate(bad)).singleElement().satisfies(v -> {
            assertThat(v.getPropertyPath()).hasToString(field);
            assertThat(errorCodeOf(v)).isEqualTo(errorCode);
            assertThat(v.getMessage()).doesNotStartWith("must be a valid");
        });
    }

    @Test
    void judgesBirthDatesAgainstTheValidationClock() {
        Registration bornTomorrow =
                new Registration("91350100M000100Y43", null, null, "450103202406160017", null, null);
        assertThat(IdNumbers.checkCharacter("45010320240616001")).isEqualTo('7');
        assertThat(validator.validate(bornTomorrow))
                .singleElement()
                .satisfies(v -> assertThat(v.getMessage()).contains("future"));
    }

    @Test
    void showsOffendingInterpolationCharactersLiterally() {
        for (String input : new String[] {"91350100M0001{0}43", "91350100M000${1}43", "91350100M000\\{}443"}) {
            Registration r = new Registration(input, null, null, null, null, null);
            String expected = CreditCodes.check(input).orElseThrow().message();
            assertThat(validator.validate(r))
                    .singleElement()
                    .satisfies(v -> assertThat(v.getMessage()).as(input).isEqualTo(expected));
        }
    }

    @Test
    void neverInterpolatesTheSpecificMessage() {
        String hostile = "{jakarta.validation.constraints.NotNull.message} ${1+1} {value} \\ $";
        assertThat(validator.validate(new Echoed(hostile)))
                .singleElement()
                .satisfies(v -> assertThat(v.getMessage()).isEqualTo(hostile));
    }

    @Test
    void escapesEveryInterpolationMetacharacter() {
        assertThat(CodeConstraintValidator.escapeMessageTemplate("a{b}c$d\\e${x}"))
                .isEqualTo("a\\{b\\}c\\$d\\\\e\\$\\{x\\}");
    }

    @Test
    void keepsAMessageSetOnTheAnnotation() {
        Registration r = new Registration("91350100M000100Y43", null, null, null, null, "91350100M0001TGQXM");
        assertThat(validator.validate(r)).singleElement().satisfies(v -> {
            assertThat(v.getPropertyPath()).hasToString("otherCreditCode");
            assertThat(v.getMessage()).isEqualTo("custom message");
        });
    }

    @ParameterizedTest
    @CsvSource({
        "org.supervisionhub.common.code.CreditCode, CREDIT_CODE_INVALID",
        "org.supervisionhub.common.code.RegionCode, REGION_CODE_INVALID",
        "org.supervisionhub.common.code.ItemCode, ITEM_CODE_INVALID",
        "org.supervisionhub.common.code.IdNumber, ID_NUMBER_INVALID",
        "org.supervisionhub.common.code.ImplementationListCode, LIST_CODE_INVALID"
    })
    void everyConstraintAnnotationCarriesItsErrorCode(Class<? extends Annotation> annotation, String code) {
        assertThat(annotation.getAnnotation(ErrorCode.class))
                .isNotNull()
                .extracting(ErrorCode::value)
                .isEqualTo(code);
    }

    /** A test constraint whose violation message is the validated value itself. */
    @Constraint(validatedBy = EchoValidator.class)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Echo {

        String message() default "echo";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static class EchoValidator extends CodeConstraintValidator<Echo> {

        public EchoValidator() {
            super((value, context) -> Optional.of(new CodeViolation("ECHO", value)));
        }
    }

    record Echoed(@Echo String text) {}

    private static String errorCodeOf(ConstraintViolation<?> violation) {
        ErrorCode errorCode = violation
                .getConstraintDescriptor()
                .getAnnotation()
                .annotationType()
                .getAnnotation(ErrorCode.class);
        return errorCode == null ? null : errorCode.value();
    }
}
