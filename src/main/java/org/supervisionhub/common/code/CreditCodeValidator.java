package org.supervisionhub.common.code;

/** Validator for {@link CreditCode}. */
public class CreditCodeValidator extends CodeConstraintValidator<CreditCode> {

    public CreditCodeValidator() {
        super((value, context) -> CreditCodes.check(value));
    }
}
