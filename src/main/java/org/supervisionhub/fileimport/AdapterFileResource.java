package org.supervisionhub.fileimport;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.supervisionhub.security.CallerContext;
import org.supervisionhub.security.Roles;

/** A docked system's own sheets (an inbound kind of {@code source: file}), mapped by its descriptor. */
@Path("/api/v1/adapters")
@Tag(name = "File imports")
public class AdapterFileResource {

    @Inject
    FileImports imports;

    @Inject
    ImportJobs jobs;

    @Inject
    CallerContext callers;

    @POST
    @Path("/{system}/files/{kind}")
    @Blocking
    @Consumes(MediaType.WILDCARD) // the file's type is read from its bytes (xlsx or CSV), whatever the client labels it
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HUB_ADMIN, Roles.DEPT_ADMIN, Roles.SYSTEM})
    public Response importAdapterSheet(
            @PathParam("system") String system,
            @PathParam("kind") String kind,
            InputStream body,
            @BeanParam @Valid SheetUploadParams params,
            UriInfo uri) {
        var upload = params.upload(body);
        if (params.dryRun) {
            return Response.ok(imports.dryRunAdapterFile(callers.caller(), system, kind, upload))
                    .build();
        }
        var id = imports.importAdapterFile(callers.caller(), system, kind, upload);
        return jobs.accepted(callers.caller(), id, uri);
    }
}
