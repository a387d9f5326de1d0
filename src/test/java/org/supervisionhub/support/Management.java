package org.supervisionhub.support;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.HttpServer;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** Requests to the management interface (health, metrics), which listens on a port of its own. */
public final class Management {

    private Management() {}

    /** The base URL of the management interface of the running test application, e.g. http://localhost:41234. */
    public static String baseUri() {
        return "http://localhost:"
                + Arc.container().instance(HttpServer.class).get().getManagementPort();
    }

    /** A request to the management interface. */
    public static RequestSpecification given() {
        return RestAssured.given().baseUri(baseUri()).port(-1);
    }

    /** The Prometheus text of the running application. */
    public static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
