package org.supervisionhub.common.code;

/** Validator for {@link IdNumber}; "now" comes from the validation clock provider, as a date in {@link IdNumbers#ZONE}. */
public class IdNumberValidator extends CodeConstraintValidator<IdNumber> {

    public IdNumberValidator() {
        super((value, context) ->
                IdNumbers.check(value, context.getClockProvider().getClock().withZone(IdNumbers.ZONE)));
    }
}
