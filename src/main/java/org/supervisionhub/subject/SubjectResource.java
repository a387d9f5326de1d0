package org.supervisionhub.subject;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.supervisionhub.common.FieldError;
import org.supervisionhub.common.HubException;
import org.supervisionhub.common.PageRequest;
import org.supervisionhub.common.code.CreditCode;
import org.supervisionhub.common.code.RegionCode;
import org.supervisionhub.common.code.RegionCodes;
import org.supervisionhub.item.ItemType;
import org.supervisionhub.security.Caller;
import org.supervisionhub.security.CallerContext;
import org.supervisionhub.security.Roles;
import org.supervisionhub.security.Scope;

/**
 * The unified subject library (统一监管对象库). Organisation data is public registration data
 * (国家企业信用信息公示), so every authenticated role may read it; natural persons are found only by
 * their ID number, in a request body, and every such read is audited. A subject's supervision history
 * ({@code /{creditCode}/records}) is served by the record package's {@code SubjectRecordResource}.
 */
@Path("/api/v1/subjects")
@Tag(name = "Subjects", description = "Regulated subjects (监管对象): lookup, search, who supervises them")
@Produces(MediaType.APPLICATION_JSON)
public class SubjectResource {

    /** Search results per page, at most. */
    static final int MAX_SEARCH_SIZE = 100;

    @Inject
    SubjectQueries queries;

    @Inject
    SubjectService subjects;

    @Inject
    CallerContext callers;

    @GET
    @Path("/{creditCode}")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN, Roles.OFFICER, Roles.SYSTEM, Roles.NATIONAL})
    public Uni<SubjectView> getSubject(@PathParam("creditCode") @CreditCode String creditCode) {
        return queries.byCreditCode(creditCode).map(found -> found.orElseThrow(() -> notFound(creditCode)));
    }

    @GET
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN, Roles.OFFICER, Roles.SYSTEM, Roles.NATIONAL})
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SubjectHitPage.class)))
    public Uni<SubjectHitPage> searchSubjects(
            @Parameter(description = "Text contained in the name, 2-50 characters", required = true) @QueryParam("name")
                    String name,
            @Parameter(description = "Region code; includes the regions below it") @QueryParam("region") @RegionCode
                    String region,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(PageRequest.MAX_PAGE) int page,
            @Parameter(description = "Page size, at most 100")
                    @QueryParam("size")
                    @DefaultValue("20")
                    @Min(1)
                    @Max(MAX_SEARCH_SIZE)
                    int size,
            @Parameter(
                            description =
                                    "Count every match for total (slower for common fragments); by default total is "
                                            + "exact only when the matches end within the page")
                    @QueryParam("exactTotal")
                    @DefaultValue("false")
                    boolean exactTotal) {
        String text = name == null ? "" : name.strip();
        if (text.codePointCount(0, text.length()) < 2 || text.length() > 50) {
            throw HubException.validation(List.of(new FieldError("name", "LENGTH_OUT_OF_RANGE", "2 to 50 characters")));
        }
        return queries.search(text, region == null ? null : RegionCodes.scopePrefix(region), page, size, exactTotal);
    }

    @GET
    @Path("/{creditCode}/supervisors")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN, Roles.OFFICER, Roles.SYSTEM, Roles.NATIONAL})
    public Uni<SupervisorsView> getSupervisors(
            @PathParam("creditCode") @CreditCode String creditCode,
            @Parameter(description = "Only items of this type") @QueryParam("type") ItemType type) {
        return queries.byCreditCode(creditCode).chain(found -> {
            SubjectView subject = found.orElseThrow(() -> notFound(creditCode));
            return queries.supervisors(subject.regionCode(), subject.industryCode(), type)
                    .map(view -> new SupervisorsView(creditCode, subject.name(), view.sectors(), view.departments()));
        });
    }

    @PUT
    @Path("/{creditCode}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SYSTEM, Roles.HUB_ADMIN})
    public Uni<RestResponse<SubjectService.WriteResult>> putSubject(
            @PathParam("creditCode") @CreditCode String creditCode,
            @NotNull @Valid SubjectRequest request,
            UriInfo uri) {
        return subjects.upsertOrganisation(callers.caller(), creditCode, request)
                .map(result -> written(result, uri));
    }

    @POST
    @Path("/persons")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SYSTEM, Roles.HUB_ADMIN})
    public Uni<RestResponse<SubjectService.WriteResult>> putPerson(
            @NotNull @Valid PersonSubjectRequest request, UriInfo uri) {
        return subjects.upsertPerson(callers.caller(), request).map(result -> written(result, null));
    }

    @POST
    @Path("/persons/lookup")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN, Roles.OFFICER, Roles.SYSTEM})
    // With an @APIResponse on the method the scanner infers no success body: it is named here.
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SubjectView.class)))
    @APIResponse(
            responseCode = "503",
            headers =
                    @Header(
                            name = "Retry-After",
                            description = "Seconds to wait",
                            schema = @Schema(type = SchemaType.INTEGER)))
    public Uni<SubjectView> lookupPerson(@NotNull @Valid PersonLookupRequest request) {
        Caller caller = callers.caller();
        caller.scope().requireBound();
        return subjects.admitPersonLookup(caller)
                .chain(() -> queries.byIdNumberHash(subjects.hashOf(request.idNumber())))
                .chain(found -> {
                    // A person outside the caller's region reads as unknown: the answer never tells that the number
                    // exists.
                    SubjectView person = found.filter(
                                    view -> caller.scope().covers(Scope.Owner.region(view.regionCode())))
                            .orElseThrow(() -> HubException.notFound(
                                    "SUBJECT_NOT_FOUND", "no natural person with this ID number"));
                    return subjects.recordPersonalDataRead(caller, person).replaceWith(person);
                });
    }

    private static RestResponse<SubjectService.WriteResult> written(SubjectService.WriteResult result, UriInfo uri) {
        if (result.outcome() != SubjectService.Outcome.CREATED) {
            return RestResponse.ok(result);
        }
        return uri == null
                ? RestResponse.status(RestResponse.Status.CREATED, result)
                : RestResponse.ResponseBuilder.<SubjectService.WriteResult>created(uri.getAbsolutePath())
                        .entity(result)
                        .build();
    }

    private static HubException notFound(String creditCode) {
        return HubException.notFound("SUBJECT_NOT_FOUND", "no subject with credit code " + creditCode);
    }
}
