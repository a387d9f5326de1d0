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
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @Operation(
            summary = "Docked systems",
            description = "Configuration, status (UP or DISABLED with the descriptor's "
                    + "problems), inbound figures since start, pull cursor and pending changes. A region-admin sees the "
                    + "adapters owned by departments of its region.")
    @APIResponse(responseCode = "200", description = "Every adapter")
    public List<AdapterView> listAdapters() {
        return adapters.list(callers.caller());
    }

    @GET
    @Path("/{system}/health")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.SYSTEM})
    @Operation(
            summary = "One docked system's status",
            description = "As in the list. A docked system sees only its own (by its OIDC client); an adapter outside "
                    + "a region-admin's region reads as unknown (404).")
    @APIResponse(responseCode = "200", description = "The adapter")
    @APIResponse(responseCode = "404", description = "No such adapter")
    public AdapterView getAdapterHealth(@PathParam("system") String system) {
        return adapters.view(callers.caller(), clientId(), system);
    }

    @POST
    @Path("/{system}/inbound/{kind}")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @RolesAllowed(Roles.SYSTEM)
    @Operation(
            summary = "A docked system sends data in its own format",
            description =
                    "The payload is mapped by the system's descriptor onto canonical records, which then go through "
                            + "the same validation and idempotency as POST /api/v1/records (records of the caller's department). "
                            + "Only the system's own OIDC client may call it. The answer is the upload result, with its fields "
                            + "renamed to the system's terms where the descriptor says so. A kind declared "
                            + "`format: xml` is sent as application/xml (or text/xml): no DTD, read into the same tree "
                            + "as JSON (attributes as @name, repeated elements as lists); any other kind as JSON. "
                            + "With dryRun=true (试运行) the payload is mapped and validated exactly the same way but "
                            + "nothing is stored and no event queued: the answer (a DryRunResult, renamed likewise) gives "
                            + "the counts and issues the real call would give and every record's canonical mapping; one "
                            + "ADAPTER_DRY_RUN audit entry is written. Kinds whose target is not behaviour records "
                            + "refuse it (DRY_RUN_UNSUPPORTED).")
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
            description = "Counts and, per rejected record, why",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(
            responseCode = "400",
            description = "Unreadable payload (malformed JSON or XML, an XML DTD), or a dry run of a kind that offers "
                    + "none (DRY_RUN_UNSUPPORTED)")
    @APIResponse(responseCode = "404", description = "No such adapter or kind")
    @APIResponse(responseCode = "415", description = "JSON for an XML kind, or XML for a JSON kind")
    @APIResponse(responseCode = "503", description = "The adapter is disabled")
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
    @Operation(
            summary = "Changes for a docked system, in its format (回流)",
            description =
                    "The hub events it subscribes to (records, subjects, certificates, ...) after the cursor, oldest "
                            + "first, mapped by its descriptor; events of other departments are left out. Pass nextCursor as since. "
                            + "The cursor is a pull position, not an event id: an event gets its position only once its "
                            + "transaction and every older one have ended, in that order, so no event can later appear "
                            + "behind a cursor already handed out (paging never skips one); an event is pulled a moment "
                            + "after it commits (at most as long as the oldest transaction still running in the hub). "
                            + "Cursors handed out before positions existed (event ids) remain valid. Keep pulling within "
                            + "the retention of delivered events (7 days by default).")
    @APIResponse(
            responseCode = "200",
            description = "The changes",
            content = @Content(schema = @Schema(implementation = ChangesView.class)))
    @APIResponse(responseCode = "404", description = "No such adapter")
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
