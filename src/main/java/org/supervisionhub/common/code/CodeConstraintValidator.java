package org.supervisionhub.common.code;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Base for the code constraint validators: null is valid, and a violation carries the specific reason, unless the
 * annotation names a message of its own (then that message is reported). A subclass only names its check.
 */
abstract class CodeConstraintValidator<A extends Annotation> implements ConstraintValidator<A, CharSequence> {

    /** The check of one kind of code; it may read "now" from the validation context's clock. */
    @FunctionalInterface
    interface Check {
        Optional<CodeViolation> check(String value, ConstraintValidatorContext context);
    }

    private final Check check;

    private boolean useSpecificMessage = true;

    protected CodeConstraintValidator(Check check) {
        this.check = check;
    }

    @Override
    public void initialize(A annotation) {
        try {
            Method message = annotation.annotationType().getMethod("message");
            useSpecificMessage = message.invoke(annotation).equals(message.getDefaultValue());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("a constraint annotation always has a message", e);
        }
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        Optional<CodeViolation> violation = check.check(value.toString(), context);
        if (violation.isEmpty()) {
            return true;
        }
        if (useSpecificMessage) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(
                            escapeMessageTemplate(violation.get().message()))
                    .addConstraintViolation();
        }
        return false;
    }

    /**
     * Escapes the message-interpolation metacharacters so text derived from user input (e.g. an offending character)
     * is shown literally and can never trigger parameter or EL interpolation.
     */
    static String escapeMessageTemplate(String message) {
        StringBuilder escaped = new StringBuilder(message.length() + 8);
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '\\' || c == '{' || c == '}' || c == '$') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
