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
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @Operation(
            summary = "Reconcile a day with the national platform (对账)",
            description = "Per kind: aggregates whose first delivery the hub completed that day against the unique ids "
                    + "the platform first received that day. Also checked hourly for today and yesterday (differences "
                    + "are logged).")
    @APIResponse(responseCode = "200", description = "The counts side by side")
    @APIResponse(responseCode = "503", description = "The national platform cannot be reached")
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
    @Operation(
            summary = "Sync status per target",
            description = "Pending and dead events, lag (age of the oldest "
                    + "undelivered event), last success, failing since, and this replica's circuit breaker.")
    @APIResponse(responseCode = "200", description = "One entry per target")
    public List<SyncStatusView> getSyncStatus() {
        return administration.status();
    }

    @GET
    @Path("/dead-letters")
    @RolesAllowed(Roles.HUB_ADMIN)
    @Operation(
            summary = "Dead letters",
            description = "Events the relay gave up on after its last attempt, oldest first.")
    @APIResponse(
            responseCode = "200",
            description = "One page",
            content = @Content(schema = @Schema(implementation = DeadLetterPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    public Page<DeadLetterView> getDeadLetters(
            @Parameter(description = "Only this target") @QueryParam("target") @Pattern(regexp = "^[a-z0-9_-]{2,64}$")
                    String target,
            @BeanParam @Valid PageRequest paging) {
        return administration.deadLetters(target, paging);
    }

    @POST
    @Path("/dead-letters/{id}/replay")
    @RolesAllowed(Roles.HUB_ADMIN)
    @Operation(summary = "Replay one dead letter", description = "Back to PENDING with fresh attempts; audited.")
    @APIResponse(responseCode = "200", description = "Queued again")
    @APIResponse(responseCode = "404", description = "No dead letter with this id")
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
    @Operation(summary = "Replay every dead letter (of a target)", description = "Back to PENDING; audited.")
    @APIResponse(responseCode = "200", description = "How many were queued again")
    @APIResponse(responseCode = "400", description = "Invalid request")
    public ReplayResult replayDeadLetters(
            @Parameter(description = "Only this target") @QueryParam("target") @Pattern(regexp = "^[a-z0-9_-]{2,64}$")
                    String target) {
        return new ReplayResult(administration.replay(callers.caller(), null, target));
    }
}
