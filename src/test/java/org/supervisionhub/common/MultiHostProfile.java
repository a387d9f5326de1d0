package org.supervisionhub.common;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The hub configured with two database servers of which the first refuses connections, as a failed primary does:
 * both the reactive pool and Flyway's JDBC connection must find the second. The reactive URL names the failed server
 * and carries libpq's target_session_attrs, as an operator may write it.
 */
public class MultiHostProfile implements QuarkusTestProfile {

    static final String DATABASE = "${HUB_TEST_DB_NAME:hub_test}";
    static final String LIVE = "${HUB_DB_HOST:127.0.0.1}:${HUB_DB_PORT:5432}";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "hub.db.hosts", "127.0.0.1:1," + LIVE,
                "quarkus.datasource.reactive.url",
                        "postgresql://127.0.0.1:1/" + DATABASE + "?target_session_attrs=read-write",
                "quarkus.datasource.jdbc.url",
                        "jdbc:postgresql://127.0.0.1:1," + LIVE + "/" + DATABASE + "?targetServerType=primary");
    }
}
