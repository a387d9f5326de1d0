package org.supervisionhub.common.code;

import jakarta.validation.ConstraintValidatorContext;
import java.util.Optional;

/** Validator for {@link ImplementationListCode}. */
public class ImplementationListCodeValidator extends CodeConstraintValidator<ImplementationListCode> {

    @Override
    public void initialize(ImplementationListCode annotation) {
        configureMessage(annotation.message(), ImplementationListCode.DEFAULT_MESSAGE);
    }

    @Override
    protected Optional<CodeViolation> check(String value, ConstraintValidatorContext context) {
        return ImplementationListCodes.check(value);
    }
}
