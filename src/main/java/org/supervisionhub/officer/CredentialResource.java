package org.supervisionhub.officer;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.supervisionhub.item.ItemUpsertResult;
import org.supervisionhub.security.CallerContext;
import org.supervisionhub.security.Roles;

/**
 * Officers' enforcement certificates (执法证): upsert from docked systems, lookup, the team check before an act
 * (two officers with valid certificates covering the item's 执法门类), and the issuing of electronic credentials
 * (电子亮证). Their public verification lives in {@link CredentialVerificationResource}.
 */
@Path("/api/v1/credentials")
@Tag(name = "Credentials", description = "Officers' enforcement certificates, team checks and electronic credentials")
@Produces(MediaType.APPLICATION_JSON)
public class CredentialResource {

    @Inject
    CredentialService credentials;

    @Inject
    ElectronicCredentialService electronic;

    @Inject
    CallerContext callers;

    @PUT
    @Path("/{issuer}/{certNo}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SYSTEM, Roles.HUB_ADMIN})
    @Operation(
            summary = "Create or update an enforcement certificate (执法证) and its holder",
            description =
                    "Idempotent: an identical re-send is UNCHANGED; a change gives version + 1. The holder is found "
                            + "again by ID number, which is hashed (keyed HMAC) on arrival and only ever shown masked. Categories "
                            + "(执法门类) are catalog sector codes: the certificate covers an item whose sectorCode is listed. A docked "
                            + "system writes only for departments of its token's region (region_code); hub-admin for any. A "
                            + "certificate is not transferable: a different holder is refused unless a hub-admin corrects it.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = CredentialUpsertResult.class)))
    @APIResponse(responseCode = "200", description = "Updated or unchanged")
    @APIResponse(responseCode = "403", description = "Role, or department outside the caller's region")
    @APIResponse(responseCode = "404", description = "Unknown department (hub-admin)")
    @APIResponse(responseCode = "409", description = "Held by another person, or account used by another officer")
    public Uni<Response> upsertCredential(
            @Parameter(description = "发证机关编码 (issuing body code)")
                    @PathParam("issuer")
                    @Pattern(regexp = CredentialFormats.ISSUER, message = CredentialFormats.ISSUER_MESSAGE)
                    String issuer,
            @Parameter(description = "执法证件号 (8-32 characters, opaque)")
                    @PathParam("certNo")
                    @Size(min = CredentialFormats.CERT_NO_MIN, max = CredentialFormats.CERT_NO_MAX)
                    @Pattern(regexp = CredentialFormats.CERT_NO, message = CredentialFormats.CERT_NO_MESSAGE)
                    String certNo,
            @NotNull @Valid CredentialRequest request,
            UriInfo uri) {
        return credentials.upsert(callers.caller(), issuer, certNo, request).map(outcome -> {
            CredentialUpsertResult body = new CredentialUpsertResult(outcome.outcome(), outcome.credential());
            return outcome.outcome() == ItemUpsertResult.Outcome.CREATED
                    ? Response.created(uri.getAbsolutePath()).entity(body).build()
                    : Response.ok(body).build();
        });
    }

    @GET
    @Path("/{issuer}/{certNo}")
    @RolesAllowed({Roles.SYSTEM, Roles.DEPT_ADMIN, Roles.OFFICER})
    @Operation(
            summary = "Get an enforcement certificate (查询执法证)",
            description =
                    "Its state today (China Standard Time): REVOKED and SUSPENDED as recorded, then EXPIRED after "
                            + "validTo and NOT_YET_VALID before validFrom, even if the certificate was never updated; VALID "
                            + "otherwise. The holder's ID number is shown masked only.")
    @APIResponse(
            responseCode = "200",
            description = "The certificate",
            content = @Content(schema = @Schema(implementation = CredentialView.class)))
    @APIResponse(responseCode = "403", description = "Role does not allow this")
    @APIResponse(responseCode = "404", description = "No such certificate (CERTIFICATE_NOT_FOUND)")
    public Uni<CredentialView> getCredential(
            @Parameter(description = "发证机关编码 (issuing body code)")
                    @PathParam("issuer")
                    @Pattern(regexp = CredentialFormats.ISSUER, message = CredentialFormats.ISSUER_MESSAGE)
                    String issuer,
            @Parameter(description = "执法证件号")
                    @PathParam("certNo")
                    @Size(min = CredentialFormats.CERT_NO_MIN, max = CredentialFormats.CERT_NO_MAX)
                    @Pattern(regexp = CredentialFormats.CERT_NO, message = CredentialFormats.CERT_NO_MESSAGE)
                    String certNo) {
        return credentials.get(issuer, certNo);
    }

    @POST
    @Path("/check")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SYSTEM, Roles.DEPT_ADMIN, Roles.OFFICER})
    @Operation(
            summary = "Check a team's certificates for an act on an item (执法资格核验)",
            description =
                    "Each certificate must be recorded VALID, be within its validity on the date and cover the item's "
                            + "sector among its 执法门类. Inspection (行政检查), penalty (行政处罚) and enforcement (行政强制) items need "
                            + "at least two distinct officers with such a certificate (两名以上执法人员), other items one; the same person named "
                            + "twice counts once; a team naming an officer whose certificate does not qualify is not allowed either "
                            + "(the rule record uploads apply). Per-certificate reasons: CERTIFICATE_NOT_FOUND, CERTIFICATE_EXPIRED, "
                            + "CERTIFICATE_NOT_YET_VALID, CERTIFICATE_SUSPENDED, CERTIFICATE_REVOKED, "
                            + "CERTIFICATE_CATEGORY_NOT_COVERED; team reason: TOO_FEW_OFFICERS.")
    @APIResponse(
            responseCode = "200",
            description = "The verdict, certificate by certificate",
            content = @Content(schema = @Schema(implementation = CredentialCheckResult.class)))
    @APIResponse(responseCode = "403", description = "Role does not allow this")
    @APIResponse(responseCode = "404", description = "No such item (ITEM_NOT_FOUND)")
    @APIResponse(responseCode = "422", description = "A main item (主项), which has no type (ITEM_NOT_CHECKABLE)")
    public Uni<CredentialCheckResult> checkCredentials(@NotNull @Valid CredentialCheckRequest request) {
        return credentials.check(request);
    }

    @POST
    @Path("/e-credential")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICER)
    @Operation(
            summary = "Show an electronic credential (电子亮证)",
            description = "For the holder only (the certificate's account must be the caller), and only while the "
                    + "certificate is valid. The token lives a few minutes and carries an opaque reference, no personal "
                    + "data; verifyUrl is what the QR code shows (扫码查证).")
    @APIResponse(
            responseCode = "200",
            description = "The token and the URL to put in the QR code",
            content = @Content(schema = @Schema(implementation = ElectronicCredentialView.class)))
    @APIResponse(responseCode = "403", description = "Not an officer, or not the holder (NOT_YOUR_CREDENTIAL)")
    @APIResponse(responseCode = "404", description = "No such certificate (CERTIFICATE_NOT_FOUND)")
    @APIResponse(
            responseCode = "409",
            description = "Not valid now: CERTIFICATE_EXPIRED, CERTIFICATE_NOT_YET_VALID, "
                    + "CERTIFICATE_SUSPENDED or CERTIFICATE_REVOKED")
    public Uni<ElectronicCredentialView> issueElectronicCredential(
            @NotNull @Valid CertificateRef request, UriInfo uri) {
        return electronic.issue(
                callers.caller(),
                request.issuer(),
                request.certNo(),
                uri.getBaseUri().toString());
    }
}
