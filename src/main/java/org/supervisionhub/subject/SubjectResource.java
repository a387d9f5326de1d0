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
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @Operation(
            summary = "Look a subject up by unified social credit code",
            description = "Includes the departments that supervise it. A code failing the GB 32100 check is 400 "
                    + "VALIDATION_FAILED with CREDIT_CODE_INVALID; an unknown valid code is 404 SUBJECT_NOT_FOUND.")
    @APIResponse(responseCode = "200", description = "The subject")
    @APIResponse(responseCode = "404", description = "Unknown subject")
    public Uni<SubjectView> getSubject(@PathParam("creditCode") @CreditCode String creditCode) {
        return queries.byCreditCode(creditCode).map(found -> found.orElseThrow(() -> notFound(creditCode)));
    }

    @GET
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN, Roles.OFFICER, Roles.SYSTEM, Roles.NATIONAL})
    @Operation(
            summary = "Search organisations by name",
            description = "Finds names containing the text (at least 2 characters, e.g. 腾讯 finds 腾讯科技（深圳）有限公司), "
                    + "full-width and half-width forms alike. Best match first: the exact name, then names starting "
                    + "with the text, then names containing it further in. Natural persons are never listed. total is "
                    + "exact when the matches end within the page or with exactTotal=true, otherwise a lower bound "
                    + "(totalExact false).")
    @APIResponse(
            responseCode = "200",
            description = "One page of results",
            content = @Content(schema = @Schema(implementation = SubjectHitPage.class)))
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
    @Operation(
            summary = "Who supervises this subject (谁来监管)",
            description = "Departments whose region contains the subject's and whose sectors supervise its industry "
                    + "(GB/T 4754), each with its claimed, in-use sub-items of those sectors. Computed per region and "
                    + "industry and cached for up to a minute, so a new claim may take that long to show.")
    @APIResponse(responseCode = "200", description = "The supervising departments and items")
    @APIResponse(responseCode = "404", description = "Unknown subject")
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
    @Operation(
            summary = "Report an organisation subject (upsert, merged by code)",
            description = "Present fields replace, absent fields keep what other sources reported; the source is added "
                    + "to the subject's sources. A system reports subjects of its own region only.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "200", description = "Updated or unchanged")
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
    @Operation(
            summary = "Report a natural-person subject (upsert by ID number)",
            description = "The ID number is hashed (HMAC-SHA256) on arrival; only the hash and a masked form are kept.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "200", description = "Updated or unchanged")
    public Uni<RestResponse<SubjectService.WriteResult>> putPerson(
            @NotNull @Valid PersonSubjectRequest request, UriInfo uri) {
        return subjects.upsertPerson(callers.caller(), request).map(result -> written(result, null));
    }

    @POST
    @Path("/persons/lookup")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN, Roles.OFFICER, Roles.SYSTEM})
    @Operation(
            summary = "Look a natural person up by ID number",
            description = "The number travels in the body, never in a URL. The answer carries the masked number only; "
                    + "each successful lookup is written to the audit log. Persons registered outside the caller's "
                    + "region (a region-admin's, or the region in a department token) read as unknown. Rate limited per "
                    + "caller across all replicas (429 RATE_LIMITED with Retry-After); while the limit's shared store "
                    + "is unreachable, lookups are refused (503 RATE_LIMIT_UNAVAILABLE with Retry-After).")
    @APIResponse(responseCode = "200", description = "The person")
    @APIResponse(responseCode = "404", description = "Unknown person")
    @APIResponse(responseCode = "429", description = "Too many lookups by this caller (RATE_LIMITED)")
    @APIResponse(
            responseCode = "503",
            description = "The rate limit cannot be checked, so the lookup is refused (RATE_LIMIT_UNAVAILABLE)",
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
