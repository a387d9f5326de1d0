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
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DepartmentPage.class)))
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
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DepartmentView.class)))
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
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = DepartmentView.class)))
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
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReassignmentsView.class)))
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
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReassignmentsView.class)))
    public ReassignmentsView listDepartmentReassignments(
            @Parameter(description = "Department code") @PathParam("departmentCode") @Pattern(regexp = Departments.CODE)
                    String code) {
        return departments.reassignments(callers.caller(), code);
    }

    @GET
    @Path("/{departmentCode}/administrators")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AdministratorsView.class)))
    public AdministratorsView getDepartmentAdministrators(
            @Parameter(description = "Department code") @PathParam("departmentCode") @Pattern(regexp = Departments.CODE)
                    String code) {
        return departments.administrators(callers.caller(), code);
    }

    @PUT
    @Path("/{departmentCode}/administrators")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN})
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AdministratorsView.class)))
    public AdministratorsView putDepartmentAdministrators(
            @Parameter(description = "Department code") @PathParam("departmentCode") @Pattern(regexp = Departments.CODE)
                    String code,
            @NotNull @Valid AdministratorsRequest request) {
        return departments.putAdministrators(callers.caller(), code, request);
    }
}
