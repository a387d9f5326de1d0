package org.supervisionhub.support;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server standing in for a docked system that receives pushes (the test-only system in
 * src/test/adapters/test-push): it checks the API key, can fail the next requests, and keeps what it received.
 */
public class AdapterStubResource implements QuarkusTestResourceLifecycleManager {

    public static final String API_KEY = "test-push-key";
    private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    private static final AtomicInteger FAILURES_LEFT = new AtomicInteger();
    private static final AtomicInteger FAILED = new AtomicInteger();
    private HttpServer server;

    /** Bodies of the pushes answered 200. */
    public static List<String> received() {
        return RECEIVED;
    }

    /** Answers the next requests with 503. */
    public static void failNext(int requests) {
        FAILURES_LEFT.set(requests);
    }

    public static int failed() {
        return FAILED.get();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/changes", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status;
            if (!API_KEY.equals(exchange.getRequestHeaders().getFirst("X-Api-Key"))) {
                status = 401;
            } else if (FAILURES_LEFT.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                FAILED.incrementAndGet();
                status = 503;
            } else {
                RECEIVED.add(body);
                status = 200;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        // The descriptor reads its URL and key from the environment or system properties (${TEST_PUSH_URL}).
        System.setProperty(
                "TEST_PUSH_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/changes");
        System.setProperty("TEST_PUSH_API_KEY", API_KEY);
        return Map.of();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
