package org.supervisionhub.common.limit;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.supervisionhub.common.ErrorCode;
import org.supervisionhub.common.HubException;

/**
 * Cluster-wide rate limits. Each {@link Limit} counts requests per client in a fixed window kept in Redis, so every
 * replica shares one count: the first request of a window creates the key {@code <prefix><limit>:<client>} with the
 * window as its expiry, each request increments it (one atomic Lua script: INCR, then PEXPIRE when the key has no
 * expiry), and a request past {@code requests} is refused with 429 RATE_LIMITED and Retry-After = the key's remaining
 * lifetime. A client can therefore send at most twice the limit within one period that straddles two windows.
 * <p>
 * When Redis fails or does not answer within {@code hub.limits.store-timeout}, the limit's {@link Limit.WhenStoreDown}
 * decides: REFUSE answers 503 RATE_LIMIT_UNAVAILABLE, LOCAL_BUCKET lets this replica's own token bucket decide. For
 * {@code hub.limits.store-retry-interval} after a failure the fallback answers without asking Redis. Each change of
 * state is logged once; every answer of a fallback counts in {@code hub_rate_limit_fallback_total{limit,fallback}},
 * every refusal in {@code hub_rate_limit_refused_total{limit}}.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);

    /** KEYS[1] the counter, ARGV[1] the window in ms; returns {count, remaining ms}. */
    static final String FIXED_WINDOW = """
            local count = redis.call('INCR', KEYS[1])
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
              ttl = tonumber(ARGV[1])
            end
            return {count, ttl}
            """;

    private final ReactiveRedisDataSource redis;
    private final RateLimitConfig config;
    private final MeterRegistry registry;
    private final Map<String, LocalTokenBuckets> localBuckets = new ConcurrentHashMap<>();
    private volatile long retryStoreAt = System.nanoTime();
    private volatile boolean storeDown;

    @Inject
    public RateLimiter(ReactiveRedisDataSource redis, RateLimitConfig config, MeterRegistry registry) {
        this.redis = redis;
        this.config = config;
        this.registry = registry;
    }

    /**
     * Counts one request of {@code client} against {@code limit}.
     *
     * @return a Uni that completes when the request may proceed, and fails with the 429 or 503 {@link HubException}
     *     otherwise; it completes on the caller's Vert.x context
     */
    public Uni<Void> admit(Limit limit, String client) {
        String id = client == null || client.isBlank() ? "unknown" : client;
        if (storeDown && System.nanoTime() - retryStoreAt < 0) {
            return fallback(limit, id);
        }
        Uni<Response> counted = Uni.createFrom()
                .deferred(() -> redis.execute(
                        "EVAL",
                        FIXED_WINDOW,
                        "1",
                        key(limit, id),
                        String.valueOf(limit.period().toMillis())))
                .ifNoItem()
                .after(config.storeTimeout())
                .fail();
        Context context = Vertx.currentContext();
        if (context != null) {
            counted = counted.emitOn(task -> context.runOnContext(ignored -> task.run()));
        }
        return counted.onItemOrFailure().transformToUni((response, failure) -> {
            if (failure != null) {
                storeFailed(failure);
                return fallback(limit, id);
            }
            storeAnswered();
            long count = response.get(0).toLong();
            if (count <= limit.requests()) {
                return Uni.createFrom().voidItem();
            }
            return tooMany(limit, Math.max(1, (response.get(1).toLong() + 999) / 1000));
        });
    }

    /** The Redis key of a client's counter. */
    public String key(Limit limit, String client) {
        return config.keyPrefix() + limit.name() + ":" + client;
    }

    private Uni<Void> fallback(Limit limit, String client) {
        if (limit.whenStoreDown() == Limit.WhenStoreDown.REFUSE) {
            registry.counter("hub.rate.limit.fallback", "limit", limit.name(), "fallback", "refuse")
                    .increment();
            long retryAfter = Math.max(1, (config.storeRetryInterval().toMillis() + 999) / 1000);
            return Uni.createFrom()
                    .failure(HubException.serviceUnavailable(
                            ErrorCode.RATE_LIMIT_UNAVAILABLE,
                            "the shared rate limit of " + limit.refusal() + " cannot be checked; retry after "
                                    + retryAfter + " s",
                            retryAfter));
        }
        registry.counter("hub.rate.limit.fallback", "limit", limit.name(), "fallback", "local")
                .increment();
        LocalTokenBuckets buckets = localBuckets.computeIfAbsent(
                limit.name(),
                name -> new LocalTokenBuckets(
                        limit.requests(), limit.period(), limit.localClients(), System::nanoTime));
        OptionalLong wait = buckets.acquire(client);
        return wait.isEmpty() ? Uni.createFrom().voidItem() : tooMany(limit, wait.getAsLong());
    }

    private Uni<Void> tooMany(Limit limit, long retryAfterSeconds) {
        registry.counter("hub.rate.limit.refused", "limit", limit.name()).increment();
        return Uni.createFrom()
                .failure(HubException.tooManyRequests(
                        ErrorCode.RATE_LIMITED,
                        "too many " + limit.refusal() + "; retry after " + retryAfterSeconds + " s",
                        retryAfterSeconds));
    }

    private void storeFailed(Throwable failure) {
        retryStoreAt = System.nanoTime() + config.storeRetryInterval().toNanos();
        if (!storeDown) {
            storeDown = true;
            LOG.warnf(
                    "rate limit store (Redis) unavailable: %s; limits answer from their fallback, asking Redis again "
                            + "every %s",
                    failure.toString(), config.storeRetryInterval());
        }
    }

    private void storeAnswered() {
        if (storeDown) {
            storeDown = false;
            LOG.info("rate limit store (Redis) answers again; limits are cluster-wide again");
        }
    }
}
