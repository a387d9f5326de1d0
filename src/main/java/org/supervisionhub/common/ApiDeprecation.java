package org.supervisionhub.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation deprecated under the compatibility policy (docs/API-VERSIONING.md): every answer of it carries the
 * {@code Deprecation} header (RFC 9745), the {@code Sunset} header (RFC 8594) when a date is fixed and a {@code Link}
 * to its successor ({@link DeprecationHeaders}). Put it beside Java's {@code @Deprecated}, which marks the operation
 * {@code deprecated: true} in the served contract.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ApiDeprecation {

    /** The day it was deprecated (ISO date, {@code 2026-12-01}; midnight China Standard Time). */
    String since();

    /** The day it stops answering (ISO date; at least six months after {@link #since}); empty: not fixed yet. */
    String sunset() default "";

    /** Its successor: a path of the API ({@code /api/v1/...}) or a URL; empty: none. */
    String successor() default "";
}
