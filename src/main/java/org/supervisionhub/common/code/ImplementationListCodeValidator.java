package org.supervisionhub.common.code;

/** Validator for {@link ImplementationListCode}. */
public class ImplementationListCodeValidator extends CodeConstraintValidator<ImplementationListCode> {

    public ImplementationListCodeValidator() {
        super((value, context) -> ImplementationListCodes.check(value));
    }
}
