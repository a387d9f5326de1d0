package org.supervisionhub.disclosure;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.supervisionhub.security.CallerContext;
import org.supervisionhub.security.Roles;

/** 双公示 of one record: its department publishes its penalties and 双随机 results for a period and withdraws them. */
@Path("/api/v1/records/{id}/disclosure")
@Tag(name = "Disclosure", description = "双公示 / 曝光台: penalties and 双随机 results made public for a period")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class DisclosureResource {

    @Inject
    Disclosures disclosures;

    @Inject
    CallerContext callers;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DEPT_ADMIN)
    @Operation(
            summary = "Publish a penalty or a 双随机 inspection result (公示), or change its period",
            description = "Only the record's department admin, decided by the record's stored department. Penalties on "
                    + "organisations and inspections with a randomPlanId; never records on natural persons. The public "
                    + "reads a desensitised snapshot (no officers, no person's name or ID number, ID and mobile numbers "
                    + "in texts masked). The period runs from the decision or check date: an ordinary penalty 3-12 "
                    + "months, a major case 12-36, an inspection result up to 36 (hub.disclosure.*); the default is the "
                    + "longest. The same request again changes nothing; another period raises the version. The credit "
                    + "platform receives disclosure.published.")
    @APIResponse(responseCode = "200", description = "Published (or unchanged)")
    @APIResponse(
            responseCode = "400",
            description = "The period is outside the rules (DISCLOSURE_PERIOD_INVALID, field discloseUntil)")
    @APIResponse(responseCode = "404", description = "No such record in the caller's scope (RECORD_NOT_FOUND)")
    @APIResponse(
            responseCode = "409",
            description = "Not a disclosable record, deleted, or its longest period has ended (RECORD_NOT_DISCLOSABLE)")
    public DisclosureView publishRecordDisclosure(@PathParam("id") long id, @Valid DisclosureRequest request) {
        return disclosures.publish(callers.caller(), id, request);
    }

    @GET
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    @Operation(
            summary = "A record's disclosure (公示信息): the published one, else the latest withdrawn",
            description = "Scoped by the record's stored department.")
    @APIResponse(responseCode = "200", description = "The disclosure")
    @APIResponse(
            responseCode = "404",
            description = "No such record in the caller's scope (RECORD_NOT_FOUND), or never disclosed "
                    + "(DISCLOSURE_NOT_FOUND)")
    public DisclosureView getRecordDisclosure(@PathParam("id") long id) {
        return disclosures.ofRecord(callers.caller(), id);
    }

    @DELETE
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    @Operation(
            summary = "Withdraw a disclosure (撤回公示) before its period ends",
            description = "The record's department admin, or an admin whose scope covers its stored department (e.g. "
                    + "after the decision was revoked on review, or after credit repair). The disclosure stays as "
                    + "history; the credit platform receives disclosure.withdrawn.")
    @APIResponse(responseCode = "200", description = "Withdrawn")
    @APIResponse(responseCode = "400", description = "No reason given (VALIDATION_FAILED)")
    @APIResponse(
            responseCode = "404",
            description = "No such record in the caller's scope (RECORD_NOT_FOUND), or nothing published "
                    + "(DISCLOSURE_NOT_FOUND)")
    public DisclosureView withdrawRecordDisclosure(
            @PathParam("id") long id,
            @Parameter(description = "撤回原因 (1-500 characters)", required = true)
                    @QueryParam("reason")
                    @NotBlank
                    @Size(max = 500)
                    String reason) {
        return disclosures.withdraw(callers.caller(), id, reason);
    }
}
