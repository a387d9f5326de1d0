package org.supervisionhub.portal;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The test profile with tokens from the Keycloak realm instead of the offline test key, and the web tenants on. */
public class KeycloakProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("quarkus.http.test-port", String.valueOf(KeycloakResource.HUB_PORT)),
                Map.entry("quarkus.oidc.auth-server-url", KeycloakResource.URL),
                Map.entry("quarkus.oidc.public-key", ""),
                Map.entry("quarkus.oidc.token.issuer", ""),
                Map.entry("quarkus.oidc.client-id", "supervision-hub"),
                Map.entry("quarkus.oidc.token.audience", "supervision-hub"),
                Map.entry("quarkus.oidc.portal.tenant-enabled", "true"),
                Map.entry("quarkus.oidc.portal.auth-server-url", KeycloakResource.URL),
                Map.entry("quarkus.oidc.partner.tenant-enabled", "true"),
                Map.entry("quarkus.oidc.partner.auth-server-url", KeycloakResource.URL));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KeycloakResource.class));
    }
}
