package org.supervisionhub.portal;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.supervisionhub.security.SecurityClaimsConfig;

/** The user signed in through a web tenant (portal or partner), read from the ID token of this request. */
@RequestScoped
class SignedInUsers {

    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    SecurityClaimsConfig claims;

    SignedInUser current() {
        return SignedInUser.of(identity, idToken, claims.departmentClaim(), claims.regionClaim());
    }
}
