package org.supervisionhub.organization;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.supervisionhub.common.Page;
import org.supervisionhub.common.PageRequest;
import org.supervisionhub.common.code.RegionCode;
import org.supervisionhub.security.CallerContext;
import org.supervisionhub.security.Roles;

/** The departments of the organisation registry (执法主体库) and their administrators. */
@Path("/api/v1/departments")
@Tag(name = "Organisation", description = "The organisation registry: regions and departments (执法主体)")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class DepartmentResource {

    @Inject
    DepartmentRegistry departments;

    @Inject
    CallerContext callers;

    @GET
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN, Roles.OFFICER, Roles.SYSTEM, Roles.NATIONAL})
    @Operation(
            summary = "List departments (执法主体)",
            description = "By code. Scoped: hub-admins and the national platform see every department, a region-admin "
                    + "those of its region and the regions below it (a region filter outside it is 403 "
                    + "REGION_OUT_OF_SCOPE), a department's people their own department.")
    @APIResponse(
            responseCode = "200",
            description = "One page of departments",
            content = @Content(schema = @Schema(implementation = DepartmentPage.class)))
    public Page<DepartmentView> listDepartments(
            @Parameter(description = "Departments of this region and the regions below it")
                    @QueryParam("region")
                    @RegionCode
                    String region,
            @Parameter(description = "Only this status") @QueryParam("status") DepartmentStatus status,
            @Parameter(description = "Only departments covering this sector (执法门类)")
                    @QueryParam("sector")
                    @Pattern(regexp = "^[A-Z0-9_]{2,32}$")
                    String sector,
            @Parameter(description = "Only the departments directly below this one")
                    @QueryParam("parent")
                    @Pattern(regexp = Departments.CODE)
                    String parent,
            @BeanParam @Valid PageRequest paging) {
        return departments.list(callers.caller(), region, status, sector, parent, paging);
    }

    @GET
    @Path("/{departmentCode}")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN, Roles.OFFICER, Roles.SYSTEM, Roles.NATIONAL})
    @Operation(
            summary = "Get a department",
            description = "With its ETag (the version) for a later If-Match. A department outside the caller's scope "
                    + "is answered like an unknown one (404 DEPARTMENT_NOT_FOUND).")
    @APIResponse(
            responseCode = "200",
            description = "The department",
            content = @Content(schema = @Schema(implementation = DepartmentView.class)))
    @APIResponse(responseCode = "404", description = "No such department in the caller's scope")
    public Response getDepartment(
            @Parameter(description = "Department code") @PathParam("departmentCode") @Pattern(regexp = Departments.CODE)
                    String code) {
        DepartmentView department = departments.get(callers.caller(), code);
        return Response.ok(department)
                .header(HttpHeaders.ETAG, Versions.etag(department.version()))
                .build();
    }

    @PUT
    @Path("/{departmentCode}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN})
    @Operation(
            summary = "Create or replace a department (执法主体)",
            description = "The whole department: name, credit code (checked, GB 32100), an active region of the "
                    + "national table, level, parent, sectors (执法门类: the item sectors it may claim), entrusted "
                    + "organisations (受委托组织) and validity. A hub-admin writes any department, a region-admin only "
                    + "departments stored in its region and only into its region (a move needs both). A PUT of an "
                    + "inactive department reactivates it; an identical PUT changes nothing (UNCHANGED, same version). "
                    + "If-Match with the ETag of the last read refuses a lost update (412 VERSION_MISMATCH). Audited; "
                    + "emits department.upserted.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = DepartmentView.class)))
    @APIResponse(responseCode = "200", description = "Replaced or unchanged")
    @APIResponse(responseCode = "409", description = "Another department holds the credit code")
    @APIResponse(responseCode = "412", description = "If-Match names another version (VERSION_MISMATCH)")
    @APIResponse(responseCode = "422", description = "Region unknown or abolished, parent unknown or a cycle")
    public Response putDepartment(
            @Parameter(description = "Department code") @PathParam("departmentCode") @Pattern(regexp = Departments.CODE)
                    String code,
            @Parameter(description = "The ETag of the version the change is based on") @HeaderParam("If-Match")
                    String ifMatch,
            @NotNull @Valid DepartmentRequest request,
            UriInfo uri) {
        DepartmentRegistry.Written written = departments.upsert(callers.caller(), code, request, ifMatch);
        Response.ResponseBuilder response = written.outcome() == DepartmentRegistry.Outcome.CREATED
                ? Response.created(uri.getAbsolutePath())
                : Response.ok();
        return response.entity(written.department())
                .header(HttpHeaders.ETAG, Versions.etag(written.department().version()))
                .build();
    }

    @DELETE
    @Path("/{departmentCode}")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN})
    @Operation(
            summary = "Deactivate a department",
            description = "Marks it INACTIVE (its rows and history stay; a PUT reactivates it) and answers what it "
                    + "still holds for reassignment: active claims, implementation lists, open cases. Scoped like the "
                    + "PUT by the stored region; a department outside the caller's scope and an unknown one get the "
                    + "same 403 DEPARTMENT_OUT_OF_SCOPE (404 for hub-admins). Audited; emits department.deactivated.")
    @APIResponse(
            responseCode = "200",
            description = "Deactivated (or already inactive)",
            content = @Content(schema = @Schema(implementation = ReassignmentsView.class)))
    @APIResponse(responseCode = "404", description = "No such department (hub-admin)")
    @APIResponse(responseCode = "412", description = "If-Match names another version (VERSION_MISMATCH)")
    public ReassignmentsView deactivateDepartment(
            @Parameter(description = "Department code") @PathParam("departmentCode") @Pattern(regexp = Departments.CODE)
                    String code,
            @Parameter(description = "The ETag of the version the change is based on") @HeaderParam("If-Match")
                    String ifMatch) {
        return departments.deactivate(callers.caller(), code, ifMatch);
    }

    @GET
    @Path("/{departmentCode}/reassignments")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    @Operation(
            summary = "What a department holds that another must take over",
            description = "Its active claims, implementation lists and open cases (complaints, risk clues, tasks not "
                    + "closed), whether it is active or not. Read like the department itself.")
    @APIResponse(
            responseCode = "200",
            description = "What it holds",
            content = @Content(schema = @Schema(implementation = ReassignmentsView.class)))
    @APIResponse(responseCode = "404", description = "No such department in the caller's scope")
    public ReassignmentsView listDepartmentReassignments(
            @Parameter(description = "Department code") @PathParam("departmentCode") @Pattern(regexp = Departments.CODE)
                    String code) {
        return departments.reassignments(callers.caller(), code);
    }

    @GET
    @Path("/{departmentCode}/administrators")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    @Operation(
            summary = "A department's appointed administrators (部门管理员)",
            description = "The registry of who is appointed; tokens still carry the dept-admin role and the department "
                    + "claim from the identity provider. Read like the department itself.")
    @APIResponse(
            responseCode = "200",
            description = "The administrators",
            content = @Content(schema = @Schema(implementation = AdministratorsView.class)))
    @APIResponse(responseCode = "404", description = "No such department in the caller's scope")
    public AdministratorsView getDepartmentAdministrators(
            @Parameter(description = "Department code") @PathParam("departmentCode") @Pattern(regexp = Departments.CODE)
                    String code) {
        return departments.administrators(callers.caller(), code);
    }

    @PUT
    @Path("/{departmentCode}/administrators")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN})
    @Operation(
            summary = "Appoint a department's administrators",
            description = "Replaces the list (user subjects or usernames at the identity provider). Scoped like the "
                    + "department's PUT; audited with who was added and removed.")
    @APIResponse(
            responseCode = "200",
            description = "The administrators now",
            content = @Content(schema = @Schema(implementation = AdministratorsView.class)))
    @APIResponse(responseCode = "404", description = "No such department (hub-admin)")
    public AdministratorsView putDepartmentAdministrators(
            @Parameter(description = "Department code") @PathParam("departmentCode") @Pattern(regexp = Departments.CODE)
                    String code,
            @NotNull @Valid AdministratorsRequest request) {
        return departments.putAdministrators(callers.caller(), code, request);
    }
}
