package org.supervisionhub.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Builds the {@link Caller} of the current request from its verified token. */
@RequestScoped
public class CallerContext {

    @Inject
    SecurityIdentity identity;

    @Inject
    SecurityClaimsConfig claims;

    private Caller caller;

    public Caller caller() {
        if (caller == null) {
            caller = build();
        }
        return caller;
    }

    private Caller build() {
        if (identity.isAnonymous()) {
            return new Caller("anonymous", java.util.Set.of(), Optional.empty(), Optional.empty());
        }
        Optional<String> department = Optional.empty();
        Optional<String> region = Optional.empty();
        Optional<String> client = Optional.empty();
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            department = stringClaim(token, claims.departmentClaim());
            region = stringClaim(token, claims.regionClaim());
            client = stringClaim(token, "azp").or(() -> stringClaim(token, "client_id"));
        }
        String name = identity.getPrincipal().getName();
        // A token without azp or client_id names its client by its principal (service accounts do).
        return new Caller(name, identity.getRoles(), department, region, client.or(() -> Optional.ofNullable(name)));
    }

    private static Optional<String> stringClaim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof jakarta.json.JsonString json ? json.getString() : value.toString();
        return text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }
}
