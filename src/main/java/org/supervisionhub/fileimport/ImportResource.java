package org.supervisionhub.fileimport;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.supervisionhub.common.ErrorCode;
import org.supervisionhub.common.HubException;
import org.supervisionhub.record.RecordKind;
import org.supervisionhub.security.CallerContext;
import org.supervisionhub.security.Roles;

/** 格式文件导入: the standard sheet of each record kind, uploaded as xlsx or CSV, and its template. */
@Path("/api/v1/imports")
@Tag(
        name = "File imports",
        description = "xlsx/CSV sheets with Chinese headers, one record per row, run as upload jobs")
public class ImportResource {

    @Inject
    FileImports imports;

    @Inject
    ImportReports reports;

    @Inject
    ImportJobs jobs;

    @Inject
    CallerContext callers;

    @POST
    @Path("/{kind}")
    @Blocking
    @Consumes(MediaType.WILDCARD) // the file's type is read from its bytes (xlsx or CSV), whatever the client labels it
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HUB_ADMIN, Roles.DEPT_ADMIN, Roles.SYSTEM})
    public Response importSheet(
            @PathParam("kind") String kind,
            InputStream body,
            @Parameter(
                            description =
                                    "The department the records belong to: the caller's own (default); hub-admin names it")
                    @QueryParam("department")
                    @Pattern(regexp = "^[A-Za-z0-9_-]{2,32}$")
                    String department,
            @BeanParam @Valid SheetUploadParams params,
            UriInfo uri) {
        var upload = params.upload(body);
        if (params.dryRun) {
            return Response.ok(imports.dryRunStandard(callers.caller(), kind, department, upload))
                    .build();
        }
        var id = imports.importStandard(callers.caller(), kind, department, upload);
        return jobs.accepted(callers.caller(), id, uri);
    }

    @GET
    @Path("/{kind}/columns")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN, Roles.OFFICER, Roles.SYSTEM})
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = ImportColumn.class)))
    public List<ImportColumn> getImportColumns(@PathParam("kind") String kind) {
        RecordKind recordKind = StandardColumns.kind(kind)
                .orElseThrow(() ->
                        HubException.notFound(ErrorCode.IMPORT_KIND_NOT_FOUND, "no standard sheet of '" + kind + "'"));
        return StandardColumns.of(recordKind).stream().map(ImportColumn::of).toList();
    }

    @GET
    @Path("/{kind}/template.xlsx")
    @Blocking
    @Produces(FileImports.XLSX)
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN, Roles.OFFICER, Roles.SYSTEM})
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = FileImports.XLSX,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response getImportTemplate(@PathParam("kind") String kind) {
        RecordKind recordKind = StandardColumns.kind(kind)
                .orElseThrow(() ->
                        HubException.notFound(ErrorCode.IMPORT_KIND_NOT_FOUND, "no standard sheet of '" + kind + "'"));
        StreamingOutput template = out -> reports.writeTemplate(recordKind, out);
        return Response.ok(template, FileImports.XLSX)
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"" + recordKind.name().toLowerCase(Locale.ROOT) + "-template.xlsx\"")
                .build();
    }
}
