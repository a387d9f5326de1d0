package org.supervisionhub.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.faulttolerance.api.Guard;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.supervisionhub.sync.DeliveryResult;
import org.supervisionhub.sync.DeliveryTarget;
import org.supervisionhub.sync.OutboxEvent;

/**
 * A docked system as a delivery target (回流 by push): each event mapped by the system's descriptor, the batch posted
 * as {@code {"changes": [{cursor, event, eventType, aggregateId, idempotencyKey, data}]}} to its outbound URL with
 * the authentication its descriptor names (API key header, or an OAuth2 client-credentials token it caches).
 */
final class AdapterTarget implements DeliveryTarget {

    /** A transport failure or 5xx: it counts against the system's circuit breaker. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message, null, false, false);
        }
    }

    private final AdapterDescriptor descriptor;
    private final Guard breaker;
    private final ObjectMapper mapper;
    private final HttpClient http;
    private final Duration timeout;
    private volatile String accessToken;
    private volatile Instant accessTokenExpiry = Instant.EPOCH;

    AdapterTarget(AdapterDescriptor descriptor, ObjectMapper mapper) {
        this.descriptor = descriptor;
        this.mapper = mapper;
        this.timeout = descriptor.delivery() != null && descriptor.delivery().timeout() != null
                ? Duration.parse(descriptor.delivery().timeout())
                : Duration.ofSeconds(10);
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        // Like the national platform's: a system that keeps failing is left alone for a while, attempts uncounted.
        this.breaker = Guard.create()
                .withCircuitBreaker()
                .name(breakerName())
                .requestVolumeThreshold(4)
                .failureRatio(0.75)
                .delay(5, ChronoUnit.SECONDS)
                .successThreshold(1)
                .failOn(Unavailable.class)
                .done()
                .build();
    }

    @Override
    public String breakerName() {
        return "adapter-" + descriptor.system();
    }

    @Override
    public String name() {
        return descriptor.system();
    }

    @Override
    public int batchSize() {
        return descriptor.delivery() != null && descriptor.delivery().batchSize() != null
                ? descriptor.delivery().batchSize()
                : Integer.MAX_VALUE;
    }

    @Override
    public int ratePerSecond() {
        return descriptor.delivery() != null && descriptor.delivery().ratePerSecond() != null
                ? descriptor.delivery().ratePerSecond()
                : Integer.MAX_VALUE;
    }

    @Override
    public DeliveryResult deliver(List<OutboxEvent> events) {
        ObjectNode body = mapper.createObjectNode();
        ArrayNode changes = body.putArray("changes");
        for (OutboxEvent event : events) {
            JsonNode payload;
            try {
                payload = mapper.readTree(event.payload());
            } catch (IOException e) {
                return DeliveryResult.failed("event " + event.id() + " is unreadable");
            }
            if (!descriptor.outbound().wants(event.aggregateType(), payload)) {
                continue;
            }
            ObjectNode change = changes.addObject();
            change.put("cursor", event.id());
            change.put("event", event.aggregateType());
            change.put("eventType", event.eventType());
            change.put("aggregateId", event.aggregateId());
            change.put("idempotencyKey", event.idempotencyKey().toString());
            try {
                change.set("data", AdapterMappings.outboundPayload(descriptor, event.aggregateType(), payload));
            } catch (FieldMapper.MappingException e) {
                return DeliveryResult.failed("event " + event.id() + " cannot be mapped for " + name() + ": "
                        + e.field() + ": " + e.getMessage());
            }
        }
        if (changes.isEmpty()) {
            // Nothing in the batch is for this system (its conditions filtered everything out).
            return DeliveryResult.delivered();
        }
        try {
            return breaker.get(() -> post(body), DeliveryResult.class);
        } catch (Unavailable e) {
            return DeliveryResult.failed(e.getMessage());
        }
    }

    /** One push; transport failures and 5xx are thrown (they open the breaker), everything else is a result. */
    private DeliveryResult post(ObjectNode body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create(descriptor.outbound().url()))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body), StandardCharsets.UTF_8));
            authenticate(request);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return DeliveryResult.delivered();
            }
            if (status == 429) {
                long seconds = response.headers()
                        .firstValue("Retry-After")
                        .map(value -> {
                            try {
                                return Long.parseLong(value.strip());
                            } catch (NumberFormatException e) {
                                return 30L;
                            }
                        })
                        .orElse(30L);
                return DeliveryResult.throttled(Duration.ofSeconds(seconds));
            }
            if (status == 401) {
                accessToken = null;
            }
            if (status >= 500) {
                throw new Unavailable(name() + " answered " + status);
            }
            return DeliveryResult.failed(name() + " answered " + status);
        } catch (IOException e) {
            throw new Unavailable(name() + " unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted");
        }
    }

    private void authenticate(HttpRequest.Builder request) throws IOException, InterruptedException {
        AdapterDescriptor.Auth auth = descriptor.auth();
        String type = auth.type() == null ? "none" : auth.type();
        switch (type) {
            case "api-key" -> request.header(auth.header(), secret(auth.keyRef()));
            case "oauth2-client-credentials" -> request.header("Authorization", "Bearer " + token(auth));
            default -> {}
        }
    }

    private String token(AdapterDescriptor.Auth auth) throws IOException, InterruptedException {
        if (accessToken != null && Instant.now().isBefore(accessTokenExpiry)) {
            return accessToken;
        }
        String form = "grant_type=client_credentials&client_id=" + encode(auth.clientId()) + "&client_secret="
                + encode(secret(auth.secretRef()));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(auth.tokenUrl()))
                        .timeout(timeout)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("token endpoint of " + name() + " answered " + response.statusCode());
        }
        JsonNode token = mapper.readTree(response.body());
        accessToken = token.path("access_token").asText();
        accessTokenExpiry =
                Instant.now().plusSeconds(Math.max(10, token.path("expires_in").asLong(60) - 10));
        return accessToken;
    }

    /** A secret named by the descriptor: an environment variable, or (for tests and development) a system property. */
    private static String secret(String reference) throws IOException {
        String value = reference == null ? null : System.getenv(reference);
        if (value == null && reference != null) {
            value = System.getProperty(reference);
        }
        if (value == null) {
            throw new IOException("secret " + reference + " is not set");
        }
        return value;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
