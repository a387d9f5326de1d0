package org.supervisionhub.fileimport;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.supervisionhub.security.CallerContext;
import org.supervisionhub.security.Roles;

/** The annotated copy of an imported file: every row as it came, with its errors in one more column. */
@Path("/api/v1/upload-jobs")
@Tag(name = "File imports")
public class ImportReportResource {

    @Inject
    ImportJobs jobs;

    @Inject
    CallerContext callers;

    @GET
    @Path("/{id}/annotated-file")
    @Blocking
    @Produces({FileImports.XLSX, FileImports.CSV})
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN, Roles.SYSTEM})
    @APIResponse(
            responseCode = "200",
            content = {
                @Content(mediaType = FileImports.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = FileImports.CSV, schema = @Schema(type = SchemaType.STRING))
            })
    public Response getUploadJobAnnotatedFile(@PathParam("id") UUID id) {
        return jobs.annotated(callers.caller(), id);
    }
}
