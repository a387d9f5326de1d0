package org.supervisionhub.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Runs the national platform simulator (adapters/national-simulator, a separate program) for the test suite and
 * points the hub's relay at it.
 */
public class NationalSimulatorResource implements QuarkusTestResourceLifecycleManager {

    private static volatile String controlUrl;
    private Process process;

    /** Base URL of the simulator's control port. */
    public static String controlUrl() {
        return controlUrl;
    }

    @Override
    public Map<String, String> start() {
        int port = freePort();
        int controlPort = freePort();
        try {
            Path log = Path.of("target", "national-simulator.log");
            process = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "adapters/national-simulator/NationalSimulator.java",
                            "--port",
                            String.valueOf(port),
                            "--control-port",
                            String.valueOf(controlPort),
                            "--secret",
                            "test-national-callback-secret-0123456789")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .directory(new File("."))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the national simulator", e);
        }
        controlUrl = "http://127.0.0.1:" + controlPort;
        awaitReady();
        return Map.of("hub.sync.national.url", "http://127.0.0.1:" + port);
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
        }
    }

    private void awaitReady() {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(URI.create(controlUrl + "/sim/stats"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the national simulator exited; see target/national-simulator.log");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("the national simulator did not start in 60 s");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
