package org.supervisionhub.nationalcase;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.supervisionhub.common.Page;
import org.supervisionhub.common.PageRequest;
import org.supervisionhub.security.CallerContext;
import org.supervisionhub.security.Roles;

/**
 * Complaints, risk-warning clues and joint-supervision tasks sent down by the national platform: each department
 * lists those routed to it, accepts them and sends their disposition back up (闭环).
 */
@Path("/api/v1")
@Tag(name = "Cases", description = "Complaints, risk clues and tasks from the national platform, and their feedback")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class CaseResource {

    private static final String STATUSES = "^(RECEIVED|ASSIGNED|ACCEPTED|FEEDBACK_SENT|CLOSED)$";

    @Inject
    CaseService cases;

    @Inject
    CallerContext callers;

    @GET
    @Path("/complaints")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN, Roles.OFFICER})
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CasePage.class)))
    public Page<CaseView> listComplaints(
            @QueryParam("status") @Pattern(regexp = STATUSES) String status,
            @QueryParam("overdue") boolean overdue,
            @BeanParam @Valid PageRequest paging) {
        return cases.list(callers.caller(), CaseKind.COMPLAINT, status, overdue, paging);
    }

    @GET
    @Path("/complaints/{id}")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN, Roles.OFFICER})
    public CaseView getComplaint(@PathParam("id") long id) {
        return cases.get(callers.caller(), CaseKind.COMPLAINT, id);
    }

    @POST
    @Path("/complaints/{id}/accept")
    @RolesAllowed({Roles.DEPT_ADMIN, Roles.OFFICER})
    public CaseView acceptComplaint(@PathParam("id") long id) {
        return cases.accept(callers.caller(), CaseKind.COMPLAINT, id);
    }

    @POST
    @Path("/complaints/{id}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DEPT_ADMIN, Roles.OFFICER})
    public CaseView feedbackComplaint(@PathParam("id") long id, @NotNull @Valid FeedbackRequest request) {
        return cases.feedback(callers.caller(), CaseKind.COMPLAINT, id, request);
    }

    @GET
    @Path("/risk-clues")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN, Roles.OFFICER})
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CasePage.class)))
    public Page<CaseView> listRiskClues(
            @QueryParam("status") @Pattern(regexp = STATUSES) String status,
            @QueryParam("overdue") boolean overdue,
            @BeanParam @Valid PageRequest paging) {
        return cases.list(callers.caller(), CaseKind.RISK_CLUE, status, overdue, paging);
    }

    @GET
    @Path("/risk-clues/{id}")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN, Roles.OFFICER})
    public CaseView getRiskClue(@PathParam("id") long id) {
        return cases.get(callers.caller(), CaseKind.RISK_CLUE, id);
    }

    @POST
    @Path("/risk-clues/{id}/accept")
    @RolesAllowed({Roles.DEPT_ADMIN, Roles.OFFICER})
    public CaseView acceptRiskClue(@PathParam("id") long id) {
        return cases.accept(callers.caller(), CaseKind.RISK_CLUE, id);
    }

    @POST
    @Path("/risk-clues/{id}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DEPT_ADMIN, Roles.OFFICER})
    public CaseView feedbackRiskClue(@PathParam("id") long id, @NotNull @Valid FeedbackRequest request) {
        return cases.feedback(callers.caller(), CaseKind.RISK_CLUE, id, request);
    }

    @GET
    @Path("/tasks")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN, Roles.OFFICER})
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CasePage.class)))
    public Page<CaseView> listTasks(
            @QueryParam("status") @Pattern(regexp = STATUSES) String status,
            @QueryParam("overdue") boolean overdue,
            @BeanParam @Valid PageRequest paging) {
        return cases.list(callers.caller(), CaseKind.TASK, status, overdue, paging);
    }

    @GET
    @Path("/tasks/{id}")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN, Roles.OFFICER})
    public CaseView getTask(@PathParam("id") long id) {
        return cases.get(callers.caller(), CaseKind.TASK, id);
    }

    @POST
    @Path("/tasks/{id}/accept")
    @RolesAllowed({Roles.DEPT_ADMIN, Roles.OFFICER})
    public CaseView acceptTask(@PathParam("id") long id) {
        return cases.accept(callers.caller(), CaseKind.TASK, id);
    }

    @POST
    @Path("/tasks/{id}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DEPT_ADMIN, Roles.OFFICER})
    public CaseView feedbackTask(@PathParam("id") long id, @NotNull @Valid FeedbackRequest request) {
        return cases.feedback(callers.caller(), CaseKind.TASK, id, request);
    }
}
