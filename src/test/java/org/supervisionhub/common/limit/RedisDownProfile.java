package org.supervisionhub.common.limit;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/** The test profile with the rate limits' Redis on a port where nothing listens. */
public class RedisDownProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        // A long period, so that the local bucket refills no token while a test runs.
        return Map.of(
                "quarkus.redis.hosts",
                "redis://127.0.0.1:" + closedPort(),
                "hub.credentials.verify-rate-limit.period",
                "PT1H");
    }

    /** A port that was free a moment ago and is closed now. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
