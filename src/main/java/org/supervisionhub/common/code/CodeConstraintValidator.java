package org.supervisionhub.common.code;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.lang.annotation.Annotation;
import java.util.Optional;

/** Base for the code constraint validators: null is valid, and a violation carries the specific reason. */
abstract class CodeConstraintValidator<A extends Annotation> implements ConstraintValidator<A, CharSequence> {

    private boolean useSpecificMessage = true;

    /** Called from {@code initialize}: a custom annotation message is reported instead of the specific reason. */
    protected void configureMessage(String annotationMessage, String defaultMessage) {
        useSpecificMessage = annotationMessage.equals(defaultMessage);
    }

    protected abstract Optional<CodeViolation> check(String value, ConstraintValidatorContext context);

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        Optional<CodeViolation> violation = check(value.toString(), context);
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
