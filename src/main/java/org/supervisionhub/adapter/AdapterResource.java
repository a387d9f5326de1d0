package org.supervisionhub.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.supervisionhub.security.CallerContext;
import org.supervisionhub.security.Roles;

/** Docked departmental systems: their own payloads in, the hub's changes back out (回流), and how each is doing. */
@Path("/api/v1/adapters")
@Tag(name = "Adapters", description = "Declaratively docked departmental systems (`adapters/<system>/adapter.yaml`)")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class AdapterResource {

    @Inject
    AdapterService adapters;

    @Inject
    CallerContext callers;

    @Inject
    JsonWebToken token;

    @GET
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN})
    public List<AdapterView> listAdapters() {
        return adapters.list(callers.caller());
    }

    @GET
    @Path("/{system}/health")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.SYSTEM})
    public AdapterView getAdapterHealth(@PathParam("system") String system) {
        return adapters.view(callers.caller(), clientId(), system);
    }

    @POST
    @Path("/{system}/inbound/{kind}")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @RolesAllowed(Roles.SYSTEM)
    @RequestBody(
            required = true,
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(type = SchemaType.OBJECT, description = "The system's own payload")),
                @Content(
                        mediaType = MediaType.APPLICATION_XML,
                        schema = @Schema(type = SchemaType.STRING, description = "The system's own XML payload"))
            })
    @APIResponse(
            responseCode = "200",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public JsonNode receiveAdapterPayload(
            @PathParam("system") String system,
            @PathParam("kind") String kind,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = org.supervisionhub.record.RecordResource.DRY_RUN) @QueryParam("dryRun")
                    boolean dryRun,
            @NotNull JsonNode payload) {
        AdapterDescriptor.Format format = contentType != null
                        && contentType.toLowerCase(java.util.Locale.ROOT).contains("xml")
                ? AdapterDescriptor.Format.XML
                : AdapterDescriptor.Format.JSON;
        return adapters.receive(callers.caller(), clientId(), system, kind, payload, format, dryRun);
    }

    @GET
    @Path("/{system}/changes")
    @RolesAllowed(Roles.SYSTEM)
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ChangesView.class)))
    public ChangesView getAdapterChanges(
            @PathParam("system") String system,
            @Parameter(description = "The nextCursor of the previous page; 0 for the oldest events kept")
                    @QueryParam("since")
                    @DefaultValue("0")
                    @Min(0)
                    long since,
            @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(1000) int limit) {
        return adapters.changes(callers.caller(), clientId(), system, since, limit);
    }

    /** The OIDC client that obtained the token (azp, or client_id), else the token's principal. */
    private String clientId() {
        Object azp = token.getClaim("azp");
        if (azp == null) {
            azp = token.getClaim("client_id");
        }
        String value =
                azp == null ? null : (azp instanceof jakarta.json.JsonString json ? json.getString() : azp.toString());
        return value != null ? value : token.getName();
    }
}
