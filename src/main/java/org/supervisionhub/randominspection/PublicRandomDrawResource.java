package org.supervisionhub.randominspection;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Published 双随机 draws for the public, desensitised; no token. */
@Path("/api/v1/public/random-draws")
@Tag(name = "Random inspection", description = "双随机一公开 sampling plans and their tasks")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class PublicRandomDrawResource {

    @Inject
    RandomDraws draws;

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(
            summary = "A published draw, for the public (双随机 结果公开)",
            description = "Without a token. Subjects by name and credit code; inspectors by masked name only.")
    @APIResponse(responseCode = "200", description = "The published draw")
    @APIResponse(responseCode = "404", description = "No such published draw (RANDOM_DRAW_NOT_FOUND)")
    public PublicDrawView getPublishedRandomDraw(@PathParam("id") long id) {
        return draws.published(id);
    }
}
