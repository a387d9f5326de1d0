package org.supervisionhub.common.code;

import jakarta.validation.ConstraintValidatorContext;
import java.util.Optional;

/** Validator for {@link RegionCode}. */
public class RegionCodeValidator extends CodeConstraintValidator<RegionCode> {

    @Override
    public void initialize(RegionCode annotation) {
        configureMessage(annotation.message(), RegionCode.DEFAULT_MESSAGE);
    }

    @Override
    protected Optional<CodeViolation> check(String value, ConstraintValidatorContext context) {
        return RegionCodes.check(value);
    }
}
