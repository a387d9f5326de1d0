package org.supervisionhub.randominspection;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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
    public PublicDrawView getPublishedRandomDraw(@PathParam("id") long id) {
        return draws.published(id);
    }
}
