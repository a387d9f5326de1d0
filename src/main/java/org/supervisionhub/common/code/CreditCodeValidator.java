package org.supervisionhub.common.code;

import jakarta.validation.ConstraintValidatorContext;
import java.util.Optional;

/** Validator for {@link CreditCode}. */
public class CreditCodeValidator extends CodeConstraintValidator<CreditCode> {

    @Override
    public void initialize(CreditCode annotation) {
        configureMessage(annotation.message(), CreditCode.DEFAULT_MESSAGE);
    }

    @Override
    protected Optional<CodeViolation> check(String value, ConstraintValidatorContext context) {
        return CreditCodes.check(value);
    }
}
