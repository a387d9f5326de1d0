package org.supervisionhub.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.supervisionhub.common.FieldError;
import org.supervisionhub.common.HubException;
import org.supervisionhub.security.Roles;

/**
 * Where the national platform sends items, complaints, risk-warning clues and joint tasks. A callback is
 * authenticated (HMAC signature, or a national OIDC token), stored in the inbox keyed by its national id and
 * revision, and answered at once; processing follows from the inbox, with retries.
 */
@Path("/api/v1/national/callbacks")
@Tag(name = "Sync")
public class NationalCallbackResource {

    @Inject
    CallbackVerifier verifier;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper mapper;

    @Inject
    InboxProcessor processor;

    /** The revision of a joint task sent as XML (the document itself carries none). */
    static final String REVISION = "X-National-Revision";

    @POST
    @Path("/{kind: items|complaints|risk-clues|tasks|joint-tasks}")
    @PermitAll
    @Blocking
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML})
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @RequestBody(
            required = true,
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(type = SchemaType.OBJECT, description = "The message; nationalId required")),
                @Content(
                        mediaType = MediaType.APPLICATION_XML,
                        schema =
                                @Schema(
                                        type = SchemaType.STRING,
                                        description = "joint-tasks only: the superviseData document"))
            })
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CallbackReceipt.class)))
    public CallbackReceipt receiveCallback(
            @Parameter(
                            description = "What the platform sends",
                            schema =
                                    @Schema(
                                            enumeration = {"items", "complaints", "risk-clues", "tasks", "joint-tasks"
                                            }))
                    @PathParam("kind")
                    String kind,
            @HeaderParam(CallbackVerifier.KEY_ID) String keyId,
            @HeaderParam(CallbackVerifier.TIMESTAMP) String timestamp,
            @HeaderParam(CallbackVerifier.NONCE) String nonce,
            @HeaderParam(CallbackVerifier.SIGNATURE) String signature,
            @Parameter(description = "The revision of a joint task sent as XML (a positive integer; default 1)")
                    @HeaderParam(REVISION)
                    String xmlRevision,
            @Context HttpHeaders headers,
            byte[] body) {
        byte[] received = body == null ? new byte[0] : body;
        if (signature == null && !identity.isAnonymous() && identity.hasRole(Roles.NATIONAL)) {
            // Authenticated by the national platform's OIDC token instead of a signature.
        } else {
            verifier.verify(keyId, timestamp, nonce, signature, received);
        }
        MediaType contentType = headers.getMediaType();
        JsonNode message = contentType != null && contentType.isCompatible(MediaType.APPLICATION_XML_TYPE)
                ? xmlMessage(kind, xmlRevision, received)
                : jsonMessage(received);
        JsonNode id = message.get("nationalId");
        if (id == null || !id.isTextual() || !id.asText().matches("[A-Za-z0-9_.:-]{1,64}")) {
            throw HubException.badRequest(
                    "NATIONAL_ID_INVALID",
                    "nationalId is required (1-64 letters, digits, _ . : -)",
                    new FieldError("nationalId", "NATIONAL_ID_INVALID", "1-64 letters, digits, _ . : -"));
        }
        JsonNode revisionNode = message.get("revision");
        if (revisionNode != null && !(revisionNode.canConvertToInt() && revisionNode.asInt() >= 1)) {
            throw HubException.badRequest(
                    "REVISION_INVALID",
                    "revision is a positive integer",
                    new FieldError("revision", "REVISION_INVALID", "a positive integer"));
        }
        int revision = revisionNode == null ? 1 : revisionNode.asInt();
        boolean stored = processor.store(kind, id.asText(), revision, message.toString());
        return new CallbackReceipt(kind, id.asText(), revision, !stored);
    }

    private JsonNode jsonMessage(byte[] body) {
        JsonNode message;
        try {
            message = mapper.readTree(body);
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw org.supervisionhub.common.JsonLimits.problemOf(e, "the callback body");
        } catch (IOException e) {
            throw HubException.badRequest("MALFORMED_JSON", "the callback body is not valid JSON");
        }
        if (message == null || !message.isObject()) {
            throw HubException.badRequest("MALFORMED_JSON", "the callback body is a JSON object");
        }
        return message;
    }

    /** An XML document, read by the kind's handler; its revision comes from the header. */
    private JsonNode xmlMessage(String kind, String revision, byte[] body) {
        ObjectNode message = (ObjectNode) processor
                .fromXml(kind, body)
                .orElseThrow(() -> new HubException(
                        415,
                        "UNSUPPORTED_MEDIA_TYPE",
                        "Unsupported media type",
                        "the national platform sends " + kind + " as JSON: use application/json",
                        List.of()));
        if (revision != null) {
            if (!revision.matches("[1-9][0-9]{0,8}")) {
                throw HubException.badRequest(
                        "REVISION_INVALID",
                        "the " + REVISION + " header is a positive integer",
                        new FieldError(REVISION, "REVISION_INVALID", "a positive integer"));
            }
            message.put("revision", Integer.parseInt(revision));
        }
        return message;
    }
}
