package org.supervisionhub.portal;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.supervisionhub.security.Roles;

/** What the portal pages show of the signed-in user: from the ID token, roles from the access token. */
public record SignedInUser(String username, String name, String department, String region, List<String> roles) {

    static SignedInUser of(
            SecurityIdentity identity, JsonWebToken idToken, String departmentClaim, String regionClaim) {
        TreeSet<String> roles = new TreeSet<>(identity.getRoles());
        roles.retainAll(List.of(
                Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN, Roles.OFFICER, Roles.SYSTEM, Roles.NATIONAL));
        String name = ((String) idToken.claim("family_name").orElse(""))
                + ((String) idToken.claim("given_name").orElse(""));
        return new SignedInUser(
                idToken.getClaim("preferred_username"),
                name.isBlank() ? idToken.getName() : name,
                (String) idToken.claim(departmentClaim).orElse(null),
                (String) idToken.claim(regionClaim).orElse(null),
                List.copyOf(roles));
    }
}
