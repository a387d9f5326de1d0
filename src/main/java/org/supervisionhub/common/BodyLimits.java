package org.supervisionhub.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The HTTP layer admits bodies as large as the largest upload; this filter holds every other request to a small
 * limit before its body is read: over it is 413, and a body without a declared length is 411. Record uploads and
 * file imports check their own, larger limits (and may stream without a length).
 */
@ApplicationScoped
public class BodyLimits {

    private static final String UPLOAD_PATH = "/api/v1/records";
    private static final String CALLBACK_PATHS = "/api/v1/national/callbacks/";

    /** Request bodies outside record uploads. */
    @io.smallrye.config.ConfigMapping(prefix = "hub.http")
    public interface Config {

        /** The largest body of a request other than a record upload. Defaults to 10M. */
        @io.smallrye.config.WithDefault("10M")
        MemorySize maxBodySize();

        /**
         * The largest body of a national platform callback: it is buffered before its signature can be checked, so
         * an anonymous caller may make the hub read this much. Defaults to 1M.
         */
        @io.smallrye.config.WithDefault("1M")
        MemorySize maxCallbackBodySize();
    }

    @jakarta.inject.Inject
    Config config;

    void register(@Observes Filters filters) {
        filters.register(this::check, 9_000);
    }

    private void check(RoutingContext context) {
        var request = context.request();
        if (request.method() == HttpMethod.POST
                && (UPLOAD_PATH.equals(request.path()) || isFileImport(request.path()))) {
            context.next();
            return;
        }
        String length = request.getHeader("Content-Length");
        // Any transfer coding ("chunked", "gzip, chunked", ...) means the length is not declared; a Content-Length
        // sent beside it must be ignored (RFC 9112 6.3), so it cannot vouch for the body either.
        if (request.getHeader("Transfer-Encoding") != null) {
            refuse(context, 411, ErrorCode.LENGTH_REQUIRED, "Length required", "send the body with a Content-Length");
            return;
        }
        // HTTP/2 frames a body without Transfer-Encoding; one sent without a declared length could only be cut off
        // at the HTTP layer's upload-sized cap, so it is refused like a chunked one.
        if (length == null && request.version() == HttpVersion.HTTP_2 && mayCarryBody(request.method())) {
            refuse(context, 411, ErrorCode.LENGTH_REQUIRED, "Length required", "send the body with a Content-Length");
            return;
        }
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                declared = Long.MAX_VALUE;
            }
            long limit = request.path().startsWith(CALLBACK_PATHS)
                    ? config.maxCallbackBodySize().asLongValue()
                    : config.maxBodySize().asLongValue();
            if (declared > limit) {
                refuse(
                        context,
                        413,
                        ErrorCode.PAYLOAD_TOO_LARGE,
                        "Payload too large",
                        "the body exceeds " + limit + " bytes");
                return;
            }
        }
        context.next();
    }

    /** File imports (xlsx/csv sheets) check their own limit (hub.imports.max-file-bytes) on the bytes they read. */
    private static boolean isFileImport(String path) {
        return path.startsWith("/api/v1/imports/")
                || (path.startsWith("/api/v1/adapters/") && path.contains("/files/"));
    }

    private static boolean mayCarryBody(HttpMethod method) {
        return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
    }

    private static void refuse(RoutingContext context, int status, ErrorCode code, String title, String detail) {
        Problem problem = Problem.of(status, code, title, detail, null)
                .at(context.request().path(), RequestIds.of(context));
        var response = context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (context.request().version() != HttpVersion.HTTP_2) {
            // The unread body would otherwise be taken for the next request; HTTP/2 forbids the header and ends
            // only this stream.
            response.putHeader("Connection", "close");
        }
        response.end(Json.encode(problem));
    }
}
