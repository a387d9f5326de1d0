package org.supervisionhub.organization;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import org.supervisionhub.common.ErrorCode;
import org.supervisionhub.common.HubException;
import org.supervisionhub.common.Page;
import org.supervisionhub.common.PageRequest;
import org.supervisionhub.common.code.RegionCode;
import org.supervisionhub.common.code.RegionLevel;
import org.supervisionhub.security.CallerContext;
import org.supervisionhub.security.Roles;

/** The national region table (行政区划, GB/T 2260): shipped with the hub, corrected by hub-admins. */
@Path("/api/v1/regions")
@Tag(name = "Organisation", description = "The organisation registry: regions and departments (执法主体)")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class RegionResource {

    @Inject
    RegionRegistry regions;

    @Inject
    CallerContext callers;

    @GET
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN, Roles.OFFICER, Roles.SYSTEM, Roles.NATIONAL})
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RegionPage.class)))
    public Page<RegionView> listRegions(
            @Parameter(description = "Only the regions directly below this one") @QueryParam("parent") @RegionCode
                    String parent,
            @Parameter(description = "Only this level") @QueryParam("level") RegionLevel level,
            @Parameter(description = "Only this status") @QueryParam("status") RegionStatus status,
            @BeanParam @Valid PageRequest paging) {
        callers.caller().scope().requireBound();
        return regions.list(parent, level, status, paging);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN, Roles.OFFICER, Roles.SYSTEM, Roles.NATIONAL})
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RegionView.class)))
    public Response getRegion(@Parameter(description = "行政区划代码") @PathParam("code") @RegionCode String code) {
        callers.caller().scope().requireBound();
        RegionView region = regions.get(code)
                .orElseThrow(() -> HubException.notFound(ErrorCode.REGION_NOT_FOUND, "no region " + code));
        return Response.ok(region)
                .header(HttpHeaders.ETAG, Versions.etag(region.version()))
                .build();
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.HUB_ADMIN)
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = RegionView.class)))
    public Response putRegion(
            @Parameter(description = "行政区划代码") @PathParam("code") @RegionCode String code,
            @Parameter(description = "The ETag of the version the change is based on") @HeaderParam("If-Match")
                    String ifMatch,
            @NotNull @Valid RegionUpdate update,
            UriInfo uri) {
        RegionRegistry.Written written = regions.put(callers.caller(), code, update, ifMatch);
        Response.ResponseBuilder response = written.created() ? Response.created(uri.getAbsolutePath()) : Response.ok();
        return response.entity(written.region())
                .header(HttpHeaders.ETAG, Versions.etag(written.region().version()))
                .build();
    }
}
