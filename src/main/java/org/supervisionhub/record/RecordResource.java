package org.supervisionhub.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.MDC;
import org.supervisionhub.common.HubException;
import org.supervisionhub.common.Page;
import org.supervisionhub.common.PageRequest;
import org.supervisionhub.common.code.CreditCode;
import org.supervisionhub.common.code.ItemCode;
import org.supervisionhub.security.Caller;
import org.supervisionhub.security.CallerContext;
import org.supervisionhub.security.Roles;

/**
 * 监管数据汇聚: the upload of supervision behaviour records and complaints, and reads of what was stored. Uploads
 * are validated record by record; valid records are stored even when others are rejected, unless atomic.
 */
@Path("/api/v1/records")
@Tag(name = "Records", description = "Supervision behaviour data (监管行为数据) and complaints: upload, read, search")
@Produces(MediaType.APPLICATION_JSON)
public class RecordResource {

    /** The dryRun query parameter, as every endpoint that offers a dry run describes it. */
    public static final String DRY_RUN = "试运行：按真实上报完全相同地映射和校验，但不存储任何数据、不产生事件，仅记录审计\n"
            + "Dry run: map and validate exactly as a real upload and answer the canonical records and every issue, "
            + "storing nothing and queuing no event (the call is audited)";

    @Inject
    RecordUploads uploads;

    @Inject
    UploadJobs jobs;

    @Inject
    RecordQueries queries;

    @Inject
    ReferenceData reference;

    @Inject
    UploadLimits limits;

    @Inject
    ObjectMapper mapper;

    @Inject
    CallerContext callers;

    @POST
    @Blocking
    @Consumes({MediaType.APPLICATION_JSON, UploadSource.NDJSON})
    @RolesAllowed({Roles.SYSTEM, Roles.DEPT_ADMIN})
    @RequestBody(
            required = true,
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(type = SchemaType.ARRAY, implementation = RecordInput.class)),
                @Content(
                        mediaType = UploadSource.NDJSON,
                        schema = @Schema(implementation = RecordInput.class, description = "one record per line"))
            })
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            oneOf = {UploadResult.class, DryRunResult.class})))
    public Response uploadRecords(
            InputStream body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
            @Parameter(description = "All or nothing") @QueryParam("atomic") boolean atomic,
            @Parameter(description = "Run as a job and answer 202 at once") @QueryParam("async") boolean async,
            @Parameter(description = DRY_RUN) @QueryParam("dryRun") boolean dryRun,
            UriInfo uri) {
        boolean ndjson = contentType != null
                && contentType.toLowerCase(java.util.Locale.ROOT).startsWith(UploadSource.NDJSON);
        long maxBytes = ndjson ? limits.maxNdjsonBytes() : limits.maxJsonBytes();
        if (contentLength != null && contentLength > maxBytes) {
            throw UploadSource.tooLarge("the body has " + contentLength + " bytes; at most " + maxBytes
                    + " are accepted" + (ndjson ? "" : " as JSON (send larger uploads as application/x-ndjson)"));
        }
        if (atomic && async) {
            throw HubException.badRequest(
                    "ATOMIC_JOB_UNSUPPORTED",
                    "a job commits chunk by chunk; " + "send an atomic upload without async=true");
        }
        if (dryRun && async) {
            throw HubException.badRequest(
                    "DRY_RUN_ASYNC_UNSUPPORTED", "a dry run answers in the request; send it without async=true");
        }
        Caller caller = callers.caller();
        String department = uploadingDepartment(caller);
        if (dryRun) {
            DryRunResult result = ndjson
                    ? uploads.dryRun(
                            caller,
                            department,
                            UploadSource.ndjson(mapper, body, limits),
                            false,
                            "RECORDS_DRY_RUN",
                            java.util.Map.of())
                    : uploads.dryRun(
                            caller,
                            department,
                            UploadSource.jsonArray(mapper, body, limits).iterator(),
                            true,
                            "RECORDS_DRY_RUN",
                            java.util.Map.of());
            return Response.ok(result, MediaType.APPLICATION_JSON_TYPE).build();
        }
        boolean asJob =
                async || (ndjson && !atomic && contentLength != null && contentLength > limits.asyncThresholdBytes());
        if (asJob) {
            UUID id = jobs.receive(caller, department, ndjson ? UploadSource.NDJSON : MediaType.APPLICATION_JSON, body);
            URI location =
                    uri.getBaseUriBuilder().path("api/v1/upload-jobs/{id}").build(id);
            UploadJobView job = jobs.find(caller, id, location + "/issues").orElseThrow();
            return Response.accepted(job).location(location).build();
        }
        String reference = "request:" + java.util.Objects.requireNonNullElse(MDC.get("requestId"), UUID.randomUUID());
        UploadResult result = ndjson
                ? uploads.run(caller, department, UploadSource.ndjson(mapper, body, limits), atomic, false, reference)
                : uploads.run(
                        caller,
                        department,
                        UploadSource.jsonArray(mapper, body, limits).iterator(),
                        atomic,
                        true,
                        reference);
        return Response.ok(result, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN, Roles.OFFICER, Roles.SYSTEM, Roles.NATIONAL})
    public Uni<RecordView> getRecord(@PathParam("id") long id) {
        return queries.byId(callers.caller(), id)
                .map(found -> found.orElseThrow(() -> HubException.notFound("RECORD_NOT_FOUND", "no record " + id)));
    }

    @GET
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN, Roles.OFFICER, Roles.SYSTEM, Roles.NATIONAL})
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RecordPage.class)))
    public Uni<Page<RecordView>> searchRecords(
            @Parameter(description = "Department code")
                    @QueryParam("department")
                    @Pattern(regexp = "^[A-Za-z0-9_-]{2,32}$")
                    String department,
            @Parameter(description = "Record kind") @QueryParam("kind") RecordKind kind,
            @Parameter(description = "Catalog item code") @QueryParam("item") @ItemCode String item,
            @Parameter(description = "Subject's unified social credit code") @QueryParam("subject") @CreditCode
                    String subject,
            @Parameter(description = "Acts on or after this day") @QueryParam("from") LocalDate from,
            @Parameter(description = "Acts on or before this day") @QueryParam("to") LocalDate to,
            @Parameter(description = "Include tombstoned records") @QueryParam("includeDeleted") boolean includeDeleted,
            @BeanParam @Valid PageRequest paging) {
        if (from != null && to != null && to.isBefore(from)) {
            throw HubException.validation(java.util.List.of(
                    new org.supervisionhub.common.FieldError("to", "DATE_RANGE_INVALID", "'to' precedes 'from'")));
        }
        return queries.search(
                callers.caller(),
                new RecordQueries.Filter(department, kind, item, subject, from, to, includeDeleted),
                paging);
    }

    /** The caller's own department, which must be registered: uploads are always a department's own records. */
    private String uploadingDepartment(Caller caller) {
        String department = caller.scope().ownDepartment();
        if (reference.snapshot(department).department().isEmpty()) {
            throw HubException.forbidden(
                    "CALLER_DEPARTMENT_UNKNOWN", "the token's department is not registered in the hub");
        }
        return department;
    }
}
