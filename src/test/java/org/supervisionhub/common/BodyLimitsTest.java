package org.supervisionhub.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Tokens;

/** Requests other than record uploads are held to the small body limit before their body is read. */
@QuarkusTest
class BodyLimitsTest {

    @Inject
    Vertx vertx;

    private static String send(String headers) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((headers + "\r\n").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            // Read until the problem body is complete: the server answers without waiting for the body.
            java.io.ByteArrayOutputStream response = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            int n;
            while (!response.toString(StandardCharsets.UTF_8).endsWith("}")
                    && (n = socket.getInputStream().read(buffer)) > 0) {
                response.write(buffer, 0, n);
            }
            return response.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void declaredBodyOverTheLimitIsRefusedWith413Problem() throws IOException {
        String response = send("PUT /api/v1/subjects/91350100M000100Y43 HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + Tokens.hubAdmin() + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: 20000000\r\n");

        assertThat(response)
                .startsWith("HTTP/1.1 413")
                .contains("application/problem+json")
                .contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
    }

    @Test
    void bodyWithoutALengthIsRefusedWith411Problem() throws IOException {
        String response = send("PUT /api/v1/subjects/91350100M000100Y43 HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + Tokens.hubAdmin() + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n");

        assertThat(response).startsWith("HTTP/1.1 411").contains("\"code\":\"LENGTH_REQUIRED\"");
    }

    @Test
    void aBodyWithAnyTransferCodingIsRefusedWith411EvenWithALengthBesideIt() throws IOException {
        for (String coding : new String[] {"gzip, chunked", "Chunked", "identity, chunked"}) {
            String response = send("PUT /api/v1/subjects/91350100M000100Y43 HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + Tokens.hubAdmin() + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 10\r\nTransfer-Encoding: " + coding + "\r\n");

            assertThat(response).as(coding).startsWith("HTTP/1.1 411").contains("\"code\":\"LENGTH_REQUIRED\"");
        }
    }

    @Test
    void anAnonymousCallbackLargerThanTheCallbackLimitIsRefusedBeforeItsBodyIsRead() throws IOException {
        String response = send("POST /api/v1/national/callbacks/complaints HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2000000\r\n");

        assertThat(response)
                .startsWith("HTTP/1.1 413")
                .contains("\"code\":\"PAYLOAD_TOO_LARGE\"")
                .contains("1048576 bytes");
    }

    @Test
    void anHttp2BodyWithoutALengthIsRefusedWith411Problem() throws Exception {
        HttpClient client = vertx.createHttpClient(
                new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false));
        try {
            String answer = client.request(
                            HttpMethod.PUT, RestAssured.port, "localhost", "/api/v1/subjects/91350100M000100Y43")
                    .compose(request -> {
                        request.putHeader("Authorization", "Bearer " + Tokens.hubAdmin())
                                .putHeader("Content-Type", "application/json")
                                .setChunked(true);
                        request.write("{\"name\":");
                        return request.end("\"x\"}").compose(sent -> request.response());
                    })
                    .compose(response ->
                            response.body().map(body -> response.version() + " " + response.statusCode() + " " + body))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);

            assertThat(answer).startsWith("HTTP_2 411").contains("\"code\":\"LENGTH_REQUIRED\"");
        } finally {
            client.close();
        }
    }
}
