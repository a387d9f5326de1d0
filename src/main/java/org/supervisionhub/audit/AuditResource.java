package org.supervisionhub.audit;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.supervisionhub.security.Roles;

/** Audit log operations for hub administrators. */
@Path("/api/v1/audit")
@Tag(name = "Audit", description = "Append-only, hash-chained audit log (监管过程全记录)")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditChainVerifier verifier;

    @GET
    @Path("/verification")
    @RolesAllowed(Roles.HUB_ADMIN)
    public Uni<AuditChainReport> verifyAuditChain() {
        return verifier.verify();
    }
}
