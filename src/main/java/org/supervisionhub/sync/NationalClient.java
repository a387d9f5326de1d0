package org.supervisionhub.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * Pushes envelopes to the national platform. Transport failures and 5xx answers count against the circuit breaker
 * (they are thrown); 429 and 4xx answers are results, because they say the target is up. The relay owns retries.
 */
@ApplicationScoped
public class NationalClient {

    static final String BREAKER = "national-push";

    @Inject
    SyncConfig config;

    @Inject
    ObjectMapper mapper;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Thrown for failures that mean the target is unavailable. */
    public static class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @CircuitBreaker(
            requestVolumeThreshold = 4,
            failureRatio = 0.75,
            delay = 5000,
            successThreshold = 1,
            failOn = Unavailable.class)
    @CircuitBreakerName(BREAKER)
    public DeliveryResult push(String envelope, String batchNo) {
        String base = config.national().url().orElseThrow();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.replaceAll("/+$", "") + "/national/v1/push"))
                .timeout(config.national().timeout())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", batchNo)
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Unavailable("national platform unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted", e);
        }
        int status = response.statusCode();
        if (status == 429) {
            return DeliveryResult.throttled(retryAfter(response));
        }
        if (status >= 500) {
            throw new Unavailable("national platform answered " + status, null);
        }
        if (status >= 400) {
            return DeliveryResult.failed(
                    "national platform refused the batch: " + status + " " + abbreviate(response.body()));
        }
        // A 2xx whose body is not the expected acknowledgement may not have been applied: retry (the target
        // recognises the events again by their idempotency keys).
        try {
            JsonNode answer = mapper.readTree(response.body());
            if (answer == null || !answer.has("accepted")) {
                throw new Unavailable("unexpected acknowledgement: " + abbreviate(response.body()), null);
            }
        } catch (IOException e) {
            throw new Unavailable("unreadable acknowledgement: " + abbreviate(response.body()), e);
        }
        return DeliveryResult.delivered();
    }

    /** The platform's count of unique ids first received on the day, per kind. */
    public java.util.Map<String, Long> reconciliation(java.time.LocalDate day) {
        String base = config.national()
                .url()
                .orElseThrow(() -> new Unavailable("no national platform is configured (hub.sync.national.url)", null));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(base.replaceAll("/+$", "") + "/national/v1/reconciliation?day=" + day))
                .timeout(config.national().timeout())
                .GET()
                .build();
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new Unavailable("reconciliation answered " + response.statusCode(), null);
            }
            java.util.Map<String, Long> counts = new java.util.TreeMap<>();
            mapper.readTree(response.body())
                    .path("counts")
                    .fields()
                    .forEachRemaining(
                            entry -> counts.put(entry.getKey(), entry.getValue().asLong()));
            return counts;
        } catch (IOException e) {
            throw new Unavailable("national platform unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted", e);
        }
    }

    private static Duration retryAfter(HttpResponse<String> response) {
        return response.headers()
                .firstValue("Retry-After")
                .map(value -> {
                    try {
                        return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
                    } catch (NumberFormatException e) {
                        return Duration.ofSeconds(30);
                    }
                })
                .orElse(Duration.ofSeconds(30));
    }

    private static String abbreviate(String body) {
        String text = body == null ? "" : body.replaceAll("[\\p{Cntrl}]", "?");
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
