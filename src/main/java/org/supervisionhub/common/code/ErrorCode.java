package org.supervisionhub.common.code;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** Stable error code reported when the annotated constraint annotation is violated. */
@Documented
@Target(ANNOTATION_TYPE)
@Retention(RUNTIME)
public @interface ErrorCode {

    String value();
}
