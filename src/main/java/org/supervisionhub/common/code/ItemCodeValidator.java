package org.supervisionhub.common.code;

/** Validator for {@link ItemCode}. */
public class ItemCodeValidator extends CodeConstraintValidator<ItemCode> {

    public ItemCodeValidator() {
        super((value, context) -> ItemCodes.check(value));
    }
}
