package org.supervisionhub.record;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
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
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.supervisionhub.common.HubException;
import org.supervisionhub.security.Caller;
import org.supervisionhub.security.CallerContext;
import org.supervisionhub.security.Roles;

/** Progress and error reports of upload jobs. */
@Path("/api/v1/upload-jobs")
@Tag(name = "Records")
public class UploadJobResource {

    private static final String CSV = "text/csv";

    /** How often a followed job's state is read and sent. */
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(1);

    /** Longest a client may follow one job on one connection. */
    private static final Duration PROGRESS_LIMIT = Duration.ofHours(1);

    @Inject
    UploadJobs jobs;

    @Inject
    CallerContext callers;

    @GET
    @Path("/{id}")
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN, Roles.SYSTEM})
    @APIResponse(
            responseCode = "200",
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
    @APIResponse(
            responseCode = "200",
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

    @GET
    @Path("/{id}/progress")
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN, Roles.SYSTEM})
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.SERVER_SENT_EVENTS,
                            schema = @Schema(implementation = UploadJobView.class)))
    public Multi<UploadJobView> followUploadJob(@PathParam("id") UUID id, UriInfo uri) {
        Caller caller = callers.caller();
        String issuesUrl = uri.getAbsolutePath().toString().replaceFirst("/progress$", "/issues");
        // Refused at once (404) rather than as an event: the first state is read before the stream starts.
        jobs.find(caller, id, issuesUrl).orElseThrow(() -> notFound(id));
        AtomicBoolean ended = new AtomicBoolean();
        return Multi.createFrom()
                .ticks()
                .every(PROGRESS_INTERVAL)
                .onOverflow()
                .drop()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(tick -> jobs.find(caller, id, issuesUrl).orElseThrow(() -> notFound(id)))
                // Emits the state that shows the end, then completes on the next tick.
                .select()
                .first(view -> !ended.getAndSet(finished(view)))
                .select()
                .first(PROGRESS_LIMIT);
    }

    private static boolean finished(UploadJobView view) {
        return "SUCCEEDED".equals(view.status()) || "FAILED".equals(view.status());
    }

    private static HubException notFound(UUID id) {
        return HubException.notFound("UPLOAD_JOB_NOT_FOUND", "no upload job " + id);
    }
}
