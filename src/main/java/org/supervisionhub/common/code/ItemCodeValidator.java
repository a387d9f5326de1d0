package org.supervisionhub.common.code;

import jakarta.validation.ConstraintValidatorContext;
import java.util.Optional;

/** Validator for {@link ItemCode}. */
public class ItemCodeValidator extends CodeConstraintValidator<ItemCode> {

    @Override
    public void initialize(ItemCode annotation) {
        configureMessage(annotation.message(), ItemCode.DEFAULT_MESSAGE);
    }

    @Override
    protected Optional<CodeViolation> check(String value, ConstraintValidatorContext context) {
        return ItemCodes.check(value);
    }
}
