package org.supervisionhub.common;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Announces a deprecated operation ({@link ApiDeprecation} on its method or resource class) on every answer, errors
 * included: {@code Deprecation: @<epoch seconds>} (RFC 9745), {@code Sunset: <HTTP date>} (RFC 8594) and {@code Link:
 * <successor>; rel="successor-version"}.
 */
public class DeprecationHeaders {

    @ServerResponseFilter
    public void announce(ResourceInfo resource, ContainerResponseContext response) {
        ApiDeprecation deprecation = deprecationOf(resource);
        if (deprecation == null) {
            return;
        }
        response.getHeaders().putSingle("Deprecation", "@" + epochSeconds(deprecation.since()));
        if (!deprecation.sunset().isEmpty()) {
            response.getHeaders()
                    .putSingle(
                            "Sunset",
                            DateTimeFormatter.RFC_1123_DATE_TIME.format(LocalDate.parse(deprecation.sunset())
                                    .atStartOfDay(WireTime.ZONE)
                                    .withZoneSameInstant(ZoneOffset.UTC)));
        }
        if (!deprecation.successor().isEmpty()) {
            response.getHeaders().add("Link", "<" + deprecation.successor() + ">; rel=\"successor-version\"");
        }
    }

    private static ApiDeprecation deprecationOf(ResourceInfo resource) {
        if (resource == null) {
            return null;
        }
        Method method = resource.getResourceMethod();
        ApiDeprecation deprecation = method == null ? null : method.getAnnotation(ApiDeprecation.class);
        if (deprecation == null && resource.getResourceClass() != null) {
            deprecation = resource.getResourceClass().getAnnotation(ApiDeprecation.class);
        }
        return deprecation;
    }

    static long epochSeconds(String date) {
        return LocalDate.parse(date).atStartOfDay(WireTime.ZONE).toEpochSecond();
    }
}
