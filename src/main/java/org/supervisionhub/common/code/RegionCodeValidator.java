package org.supervisionhub.common.code;

/** Validator for {@link RegionCode}. */
public class RegionCodeValidator extends CodeConstraintValidator<RegionCode> {

    public RegionCodeValidator() {
        super((value, context) -> RegionCodes.check(value));
    }
}
