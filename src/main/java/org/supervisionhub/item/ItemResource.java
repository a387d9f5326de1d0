package org.supervisionhub.item;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.supervisionhub.common.FieldError;
import org.supervisionhub.common.HubException;
import org.supervisionhub.common.Page;
import org.supervisionhub.common.code.ItemCode;
import org.supervisionhub.organization.DepartmentScope;
import org.supervisionhub.security.Caller;
import org.supervisionhub.security.CallerContext;
import org.supervisionhub.security.Roles;

/** The supervision item catalog (监管事项目录), claims (认领) and check implementation lists (检查实施清单). */
@Path("/api/v1/items")
@Tag(name = "Items", description = "Supervision item catalog, claims and check implementation lists")
@Produces(MediaType.APPLICATION_JSON)
public class ItemResource {

    private static final String DEPARTMENT_CODE = "^[A-Za-z0-9_-]{2,32}$";
    /** Beyond this page the offset (page * size) would overflow an int. */
    private static final int MAX_PAGE = Integer.MAX_VALUE / Page.MAX_SIZE;

    @Inject
    CatalogService catalog;

    @Inject
    ClaimService claims;

    @Inject
    ImplementationListService lists;

    @Inject
    ClaimInvitations invitations;

    @Inject
    DepartmentScope scope;

    @Inject
    CallerContext callers;

    @GET
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN, Roles.OFFICER, Roles.SYSTEM, Roles.NATIONAL})
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CatalogItemPage.class)))
    public Uni<CatalogItemPage> listItems(
            @Parameter(description = "Text contained in the item name") @QueryParam("q") @Size(max = 100) String text,
            @Parameter(schema = @Schema(implementation = ItemType.class)) @QueryParam("type") String type,
            @Parameter(schema = @Schema(implementation = ItemStatus.class)) @QueryParam("status") String status,
            @Parameter(schema = @Schema(implementation = CatalogLevel.class)) @QueryParam("level") String level,
            @Parameter(description = "Sector code of the competent ministry line")
                    @QueryParam("sector")
                    @Pattern(regexp = "^[A-Z0-9_]{2,32}$")
                    String sector,
            @Parameter(description = "Main item code: list its sub-items") @QueryParam("parent") @ItemCode
                    String parent,
            @Parameter(
                            description = "Claimed (true) or not (false) by the caller's department",
                            schema = @Schema(type = SchemaType.BOOLEAN))
                    @QueryParam("claimed")
                    String claimed,
            @Parameter(description = "Only items this department has claimed")
                    @QueryParam("department")
                    @Pattern(regexp = DEPARTMENT_CODE)
                    String department,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(MAX_PAGE) int page,
            @Parameter(description = "Page size, at most " + Page.MAX_SIZE_TEXT)
                    @QueryParam("size")
                    @DefaultValue("20")
                    @Min(1)
                    @Max(Page.MAX_SIZE)
                    int size,
            @Parameter(
                            description = "Cursor: the next of the previous page; lists the items after it. Not "
                                    + "together with page")
                    @QueryParam(CatalogCursor.PARAMETER)
                    String after,
            @Parameter(
                            description = "exact: count every match for total; none: do not count (total only when "
                                    + "the matches end within a page-number page). Default: exact with page "
                                    + "numbers, none with a cursor",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"exact", "none"}))
                    @QueryParam("count")
                    String count,
            UriInfo uri) {
        String afterCode = null;
        // An empty after= is a cursor too (an invalid one), never the first page: a client passing on a missing next
        // that way would otherwise walk the catalog from the start forever.
        if (after != null || uri.getQueryParameters().containsKey(CatalogCursor.PARAMETER)) {
            // Explicit page numbers and a cursor are two ways to say where to start: one request names one.
            if (uri.getQueryParameters().containsKey("page")) {
                throw HubException.validation(List.of(new FieldError(
                        "page", "NOT_ALLOWED", "page and after are alternatives: follow the cursor or number pages")));
            }
            afterCode = CatalogCursor.itemCodeOf(after == null ? "" : after.strip());
        }
        String trimmed = text == null || text.isBlank() ? null : text.strip();
        CatalogService.ItemFilter filter = new CatalogService.ItemFilter(
                trimmed,
                enumParam("type", type, ItemType.class),
                enumParam("status", status, ItemStatus.class),
                enumParam("level", level, CatalogLevel.class),
                sector,
                parent,
                booleanParam("claimed", claimed),
                department);
        return catalog.list(callers.caller(), filter, afterCode, page, size, countParam(count, afterCode == null));
    }

    private static CatalogQueries.Count countParam(String value, boolean pageNumbers) {
        if (value == null || value.isBlank()) {
            // Existing page-number clients always got an exact total; a cursor walk does not pay for one.
            return pageNumbers ? CatalogQueries.Count.EXACT : CatalogQueries.Count.NONE;
        }
        return switch (value.strip()) {
            case "exact" -> CatalogQueries.Count.EXACT;
            case "none" -> CatalogQueries.Count.NONE;
            default -> throw typeMismatch("count", "expected exact or none");
        };
    }

    // Filter values are parsed here rather than by JAX-RS, which answers a query parameter it cannot convert with
    // 404 (enums) or silently reads anything but "true" as false (Boolean).
    private static <E extends Enum<E>> E enumParam(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            StringBuilder expected = new StringBuilder("expected one of");
            for (E constant : type.getEnumConstants()) {
                expected.append(' ').append(constant.name());
            }
            throw typeMismatch(name, expected.toString());
        }
    }

    private static Boolean booleanParam(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw typeMismatch(name, "expected true or false");
        };
    }

    private static HubException typeMismatch(String name, String message) {
        return HubException.validation(List.of(new FieldError(name, "TYPE_MISMATCH", message)));
    }

    @GET
    @Path("/invitations")
    @WithSession
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    public Uni<List<ClaimInvitationView>> listClaimInvitations(
            @Parameter(description = "Department code (admins)")
                    @QueryParam("department")
                    @Pattern(regexp = DEPARTMENT_CODE)
                    String department) {
        Caller caller = callers.caller();
        String target = DepartmentScope.departmentToRead(caller, department);
        return scope.requireReadable(caller, target).chain(() -> invitations.open(target));
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN, Roles.OFFICER, Roles.SYSTEM, Roles.NATIONAL})
    public Uni<CatalogItemView> getItem(@PathParam("code") @ItemCode String code) {
        return catalog.get(callers.caller(), code);
    }

    @GET
    @Path("/{code}/versions")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN, Roles.OFFICER, Roles.SYSTEM, Roles.NATIONAL})
    public Uni<List<ItemVersionView>> listItemVersions(@PathParam("code") @ItemCode String code) {
        return catalog.versions(code);
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.HUB_ADMIN)
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ItemUpsertResult.class)))
    @Blocking
    public Response upsertItem(
            @PathParam("code") @ItemCode String code, @NotNull @Valid CatalogItemRequest request, UriInfo uri) {
        ItemUpsertResult result = catalog.upsert(callers.caller(), code, request);
        return result.outcome() == ItemUpsertResult.Outcome.CREATED
                ? Response.created(uri.getAbsolutePath()).entity(result).build()
                : Response.ok(result).build();
    }

    @GET
    @Path("/{code}/claims")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN, Roles.SYSTEM, Roles.NATIONAL})
    public Uni<List<ClaimView>> listItemClaims(@PathParam("code") @ItemCode String code) {
        return claims.claimsOf(callers.caller(), code);
    }

    @POST
    @Path("/{code}/claims")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ClaimView.class)))
    public Uni<Response> claimItem(@PathParam("code") @ItemCode String code, @Valid ClaimRequest request, UriInfo uri) {
        String department = request == null ? null : request.departmentCode();
        return claims.claim(callers.caller(), code, department)
                .map(outcome -> outcome.created()
                        ? Response.created(uri.getAbsolutePathBuilder()
                                        .path(outcome.claim().departmentCode())
                                        .build())
                                .entity(outcome.claim())
                                .build()
                        : Response.ok(outcome.claim()).build());
    }

    @DELETE
    @Path("/{code}/claims/{departmentCode}")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ClaimView.class)))
    public Uni<ClaimView> releaseClaim(
            @PathParam("code") @ItemCode String code,
            @PathParam("departmentCode") @Pattern(regexp = DEPARTMENT_CODE) String departmentCode,
            @Parameter(
                            description = "Why the claim is released",
                            required = true,
                            schema = @Schema(type = SchemaType.STRING, minLength = 2, maxLength = 500))
                    @QueryParam("reason")
                    @NotBlank
                    @Size(min = 2, max = 500)
                    String reason) {
        return claims.release(callers.caller(), code, departmentCode, reason.strip());
    }

    @GET
    @Path("/{code}/claims/{departmentCode}/implementation-list")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN, Roles.SYSTEM, Roles.NATIONAL})
    public Uni<ImplementationListView> getImplementationList(
            @PathParam("code") @ItemCode String code,
            @PathParam("departmentCode") @Pattern(regexp = DEPARTMENT_CODE) String departmentCode) {
        return lists.get(callers.caller(), code, departmentCode);
    }

    @PUT
    @Path("/{code}/claims/{departmentCode}/implementation-list")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    @APIResponse(
            responseCode = "201",
            content = @Content(schema = @Schema(implementation = ImplementationListView.class)))
    public Uni<Response> putImplementationList(
            @PathParam("code") @ItemCode String code,
            @PathParam("departmentCode") @Pattern(regexp = DEPARTMENT_CODE) String departmentCode,
            @NotNull @Valid ImplementationListRequest request,
            UriInfo uri) {
        return lists.upsert(callers.caller(), code, departmentCode, request)
                .map(outcome -> outcome.outcome() == ItemUpsertResult.Outcome.CREATED
                        ? Response.created(uri.getAbsolutePath())
                                .entity(outcome.list())
                                .build()
                        : Response.ok(outcome.list())
                                .header("Hub-Outcome", outcome.outcome().name())
                                .build());
    }
}
