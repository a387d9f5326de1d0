package org.supervisionhub.common.code;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** Constraint: a valid 检查实施清单编码 ({@link ImplementationListCodes}); null passes; pair it with {@code @NotNull}. */
@Documented
@Constraint(validatedBy = ImplementationListCodeValidator.class)
@ErrorCode(ImplementationListCodes.ERROR_CODE)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE})
@Retention(RUNTIME)
public @interface ImplementationListCode {

    /** Default message; while it is in use, a violation reports the specific reason instead. */
    String DEFAULT_MESSAGE = "must be a valid implementation list code";

    String message() default DEFAULT_MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
