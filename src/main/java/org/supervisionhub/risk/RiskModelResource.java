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
    public List<RiskModelView> listRiskModels() {
        return stats.of(callers.caller(), models.all());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    public RiskModelView getRiskModel(@PathParam("id") String id) {
        RiskModel model = models.find(id)
                .orElseThrow(() -> HubException.notFound(ErrorCode.RISK_MODEL_NOT_FOUND, "no risk model " + id));
        return stats.of(callers.caller(), List.of(model)).get(0);
    }
}
