package org.supervisionhub.common;

import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Requests under /api/ that no resource matches would otherwise get the HTTP layer's bare 404;
 * this last route answers them with the same problem+json as every other error.
 */
@ApplicationScoped
public class UnmatchedRoutes {

    void register(@Observes Router router) {
        router.route("/api/*").order(Integer.MAX_VALUE).handler(context -> {
            Problem problem = Problem.of(404, ErrorCode.NOT_FOUND, "Not Found", "no resource at this path", null)
                    .at(context.request().path(), RequestIds.of(context));
            context.response()
                    .setStatusCode(404)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(Json.encode(problem));
        });
    }
}
