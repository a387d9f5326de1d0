package org.supervisionhub.common;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.supervisionhub.security.Roles;

/**
 * Test-only operations (hidden from the contract): one deprecated in favour of the other, to test the deprecation
 * headers on a success and on an error.
 */
@Path("/api/v1/test-deprecation")
@Produces(MediaType.APPLICATION_JSON)
public class DeprecationTestResource {

    @GET
    @Path("/old")
    @Operation(hidden = true)
    @RolesAllowed(Roles.HUB_ADMIN)
    @Deprecated
    @ApiDeprecation(since = "2026-12-01", sunset = "2027-07-01", successor = "/api/v1/test-deprecation/new")
    public Map<String, String> old(@QueryParam("missing") boolean missing) {
        if (missing) {
            throw HubException.notFound("ITEM_NOT_FOUND", "nothing here");
        }
        return Map.of("answer", "old");
    }

    @GET
    @Path("/new")
    @Operation(hidden = true)
    @RolesAllowed(Roles.HUB_ADMIN)
    public Map<String, String> successor() {
        return Map.of("answer", "new");
    }
}
