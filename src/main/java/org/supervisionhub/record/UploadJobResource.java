package org.supervisionhub.record;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.supervisionhub.common.HubException;
import org.supervisionhub.security.CallerContext;
import org.supervisionhub.security.Roles;

/** Progress and error reports of upload jobs. */
@Path("/api/v1/upload-jobs")
@Tag(name = "Records")
@APIResponse(responseCode = "404", description = "No such job in the caller's scope")
public class UploadJobResource {

    private static final String CSV = "text/csv";

    @Inject
    UploadJobs jobs;

    @Inject
    CallerContext callers;

    @GET
    @Path("/{id}")
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN, Roles.SYSTEM})
    @Operation(
            summary = "An upload job's progress",
            description = "Records read, accepted, rejected, percent and rate. "
                    + "Jobs of other departments are answered like unknown ones.")
    @APIResponse(
            responseCode = "200",
            description = "The job",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = UploadJobView.class)))
    public UploadJobView getUploadJob(@PathParam("id") UUID id, UriInfo uri) {
        return jobs.find(callers.caller(), id, uri.getAbsolutePath() + "/issues")
                .orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("/{id}/issues")
    @Blocking
    @Produces({"application/x-ndjson", CSV})
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN, Roles.SYSTEM})
    @Operation(
            summary = "An upload job's error report",
            description =
                    "Every rejected record and every warning, in "
                            + "upload order: NDJSON (one record's issues per line) or CSV (one issue per row), by format or Accept.")
    @APIResponse(
            responseCode = "200",
            description = "The report",
            content = {
                @Content(mediaType = "application/x-ndjson", schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))
            })
    public Response getUploadJobIssues(
            @PathParam("id") UUID id,
            @Parameter(description = "ndjson or csv; overrides Accept")
                    @QueryParam("format")
                    @Pattern(regexp = "^(ndjson|csv)$")
                    String format,
            @jakarta.ws.rs.HeaderParam("Accept") @DefaultValue("application/x-ndjson") String accept) {
        jobs.find(callers.caller(), id, null).orElseThrow(() -> notFound(id));
        boolean csv = format != null ? format.equals("csv") : accept.contains(CSV);
        StreamingOutput report = out -> jobs.writeIssues(id, csv, out);
        return Response.ok(report, csv ? CSV + ";charset=UTF-8" : "application/x-ndjson")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"upload-" + id + "-issues." + (csv ? "csv" : "ndjson") + "\"")
                .build();
    }

    private static HubException notFound(UUID id) {
        return HubException.notFound("UPLOAD_JOB_NOT_FOUND", "no upload job " + id);
    }
}
