package org.supervisionhub.common.code;

import jakarta.validation.ConstraintValidatorContext;
import java.util.Optional;

/** Validator for {@link IdNumber}. */
public class IdNumberValidator extends CodeConstraintValidator<IdNumber> {

    @Override
    public void initialize(IdNumber annotation) {
        configureMessage(annotation.message(), IdNumber.DEFAULT_MESSAGE);
    }

    /** "Now" comes from the validation clock provider, read as a date in {@link IdNumbers#ZONE}. */
    @Override
    protected Optional<CodeViolation> check(String value, ConstraintValidatorContext context) {
        return IdNumbers.check(value, context.getClockProvider().getClock().withZone(IdNumbers.ZONE));
    }
}
