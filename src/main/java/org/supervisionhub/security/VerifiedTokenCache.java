package org.supervisionhub.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.supervisionhub.common.Hashes;

/**
 * Remembers bearer tokens that quarkus-oidc has verified, so a docked system that reuses its token for
 * thousands of calls pays the RS256 signature check once. Safety rules: only successfully verified
 * tokens are cached, keyed by the SHA-256 of the whole token (a changed byte is a miss and is verified
 * in full); an entry never outlives the token's exp, nor the configured maximum (which bounds how long a
 * withdrawn signing key keeps working); the cache is bounded in size. Each hit gets the current request's
 * routing context, never the one of the request that filled the entry.
 */
@ApplicationScoped
public class VerifiedTokenCache implements IdentityProvider<TokenAuthenticationRequest> {

    private final OidcIdentityProvider oidc;
    private final TokenCacheConfig config;
    private final Clock clock;
    private final Cache<String, Verified> cache;
    private final Counter hits;
    private final Counter misses;

    @Inject
    public VerifiedTokenCache(OidcIdentityProvider oidc, TokenCacheConfig config, MeterRegistry metrics) {
        this.oidc = oidc;
        this.config = config;
        this.clock = Clock.systemUTC();
        this.cache = Caffeine.newBuilder()
                .maximumSize(config.maxSize())
                .expireAfter(new UntilTokenExpiry())
                .build();
        this.hits = metrics.counter("hub.token.cache", "result", "hit");
        this.misses = metrics.counter("hub.token.cache", "result", "miss");
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /**
     * Ahead of quarkus-oidc's own provider, which does the verification on a miss. Providers run in
     * descending priority and OIDC's keeps the interface default (SYSTEM_FIRST + 1): an equal value would
     * leave the order to chance.
     */
    @Override
    public int priority() {
        return SYSTEM_FIRST + 1000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!config.enabled()) {
            return oidc.authenticate(request, context);
        }
        String key = Hashes.sha256Hex(request.getToken().getToken());
        long now = clock.millis();
        Verified verified = cache.getIfPresent(key);
        if (verified != null && verified.validUntilMillis() > now) {
            hits.increment();
            return Uni.createFrom()
                    .item(QuarkusSecurityIdentity.builder(verified.identity())
                            .addAttribute(
                                    HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE,
                                    HttpSecurityUtils.getRoutingContextAttribute(request))
                            .build());
        }
        misses.increment();
        return oidc.authenticate(request, context).invoke(identity -> remember(key, identity, now));
    }

    private void remember(String key, SecurityIdentity identity, long now) {
        if (identity == null
                || !(identity.getPrincipal() instanceof JsonWebToken token)
                || token.getExpirationTime() <= 0) {
            return;
        }
        long validUntil = Math.min(
                token.getExpirationTime() * 1000L, now + config.maxTtl().toMillis());
        if (validUntil > now) {
            cache.put(key, new Verified(identity, validUntil));
        }
    }

    private record Verified(SecurityIdentity identity, long validUntilMillis) {}

    /** Each entry expires at its own token's validity end. */
    private final class UntilTokenExpiry implements Expiry<String, Verified> {

        @Override
        public long expireAfterCreate(String key, Verified value, long currentTime) {
            return Math.max(0, value.validUntilMillis() - clock.millis()) * 1_000_000L;
        }

        @Override
        public long expireAfterUpdate(String key, Verified value, long currentTime, long currentDuration) {
            return expireAfterCreate(key, value, currentTime);
        }

        @Override
        public long expireAfterRead(String key, Verified value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
