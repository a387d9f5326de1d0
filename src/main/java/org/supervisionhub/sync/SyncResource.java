package org.supervisionhub.sync;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.supervisionhub.common.HubException;
import org.supervisionhub.common.Page;
import org.supervisionhub.common.PageRequest;
import org.supervisionhub.security.CallerContext;
import org.supervisionhub.security.Roles;

/** Sync with the national platform: status per target, dead letters and their replay. */
@Path("/api/v1/sync")
@Tag(name = "Sync", description = "Delivery of the outbox to the national platform")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class SyncResource {

    @Inject
    SyncAdministration administration;

    @Inject
    Reconciliation reconciliation;

    @Inject
    CallerContext callers;

    @GET
    @Path("/reconciliation")
    @RolesAllowed(Roles.HUB_ADMIN)
    public ReconciliationView getReconciliation(
            @Parameter(description = "The day (default today, China Standard Time)") @QueryParam("day")
                    java.time.LocalDate day) {
        try {
            return reconciliation.reconcile(
                    day != null ? day : java.time.LocalDate.now(org.supervisionhub.common.WireTime.ZONE));
        } catch (NationalClient.Unavailable e) {
            throw new HubException(
                    503, "NATIONAL_PLATFORM_UNAVAILABLE", "Service unavailable", e.getMessage(), java.util.List.of());
        }
    }

    @GET
    @Path("/status")
    @RolesAllowed(Roles.HUB_ADMIN)
    public List<SyncStatusView> getSyncStatus() {
        return administration.status();
    }

    @GET
    @Path("/dead-letters")
    @RolesAllowed(Roles.HUB_ADMIN)
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DeadLetterPage.class)))
    public Page<DeadLetterView> getDeadLetters(
            @Parameter(description = "Only this target") @QueryParam("target") @Pattern(regexp = "^[a-z0-9_-]{2,64}$")
                    String target,
            @BeanParam @Valid PageRequest paging) {
        return administration.deadLetters(target, paging);
    }

    @POST
    @Path("/dead-letters/{id}/replay")
    @RolesAllowed(Roles.HUB_ADMIN)
    public ReplayResult replayDeadLetter(@PathParam("id") long id) {
        long replayed = administration.replay(callers.caller(), id, null);
        if (replayed == 0) {
            throw HubException.notFound("DEAD_LETTER_NOT_FOUND", "no dead letter " + id);
        }
        return new ReplayResult(replayed);
    }

    @POST
    @Path("/dead-letters/replay")
    @RolesAllowed(Roles.HUB_ADMIN)
    public ReplayResult replayDeadLetters(
            @Parameter(description = "Only this target") @QueryParam("target") @Pattern(regexp = "^[a-z0-9_-]{2,64}$")
                    String target) {
        return new ReplayResult(administration.replay(callers.caller(), null, target));
    }
}
