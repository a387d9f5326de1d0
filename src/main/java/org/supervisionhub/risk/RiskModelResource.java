package org.supervisionhub.risk;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.supervisionhub.common.ErrorCode;
import org.supervisionhub.common.HubException;
import org.supervisionhub.security.CallerContext;
import org.supervisionhub.security.Roles;

/** The risk models in effect and how each performs: hits, confirmed rate, time to close. */
@Path("/api/v1/risk-models")
@Tag(name = "Risk warning", description = "风险预警: the hub's risk models (rules/<model>.yaml) and their clues")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class RiskModelResource {

    @Inject
    RiskModels models;

    @Inject
    RiskModelStats stats;

    @Inject
    CallerContext callers;

    @GET
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    @Operation(
            summary = "The risk models in effect, with their hits, confirmed rate and time to close",
            description = "Counted over the clues in the caller's scope (their region, or their department's clues). "
                    + "The clues themselves are listed, accepted and answered at /api/v1/risk-clues like the national "
                    + "platform's (ids prefixed HUB-RISK-); the answer's riskConfirmed is the verdict counted here.")
    @APIResponse(responseCode = "200", description = "The models")
    public List<RiskModelView> listRiskModels() {
        return stats.of(callers.caller(), models.all());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    @Operation(summary = "One risk model, as declared, with its figures in the caller's scope")
    @APIResponse(responseCode = "200", description = "The model")
    @APIResponse(responseCode = "404", description = "No such model in effect (RISK_MODEL_NOT_FOUND)")
    public RiskModelView getRiskModel(@PathParam("id") String id) {
        RiskModel model = models.find(id)
                .orElseThrow(() -> HubException.notFound(ErrorCode.RISK_MODEL_NOT_FOUND, "no risk model " + id));
        return stats.of(callers.caller(), List.of(model)).get(0);
    }
}
