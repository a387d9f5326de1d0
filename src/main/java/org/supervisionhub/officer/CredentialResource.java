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
    @APIResponse(
            responseCode = "201",
            content = @Content(schema = @Schema(implementation = CredentialUpsertResult.class)))
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
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CredentialView.class)))
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
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(implementation = CredentialCheckResult.class)))
    public Uni<CredentialCheckResult> checkCredentials(@NotNull @Valid CredentialCheckRequest request) {
        return credentials.check(request);
    }

    @POST
    @Path("/e-credential")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICER)
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(implementation = ElectronicCredentialView.class)))
    public Uni<ElectronicCredentialView> issueElectronicCredential(
            @NotNull @Valid CertificateRef request, UriInfo uri) {
        return electronic.issue(
                callers.caller(),
                request.issuer(),
                request.certNo(),
                uri.getBaseUri().toString());
    }
}
