package org.supervisionhub.disclosure;

import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.supervisionhub.common.Page;
import org.supervisionhub.common.PageRequest;
import org.supervisionhub.common.code.CreditCode;
import org.supervisionhub.common.code.RegionCode;
import org.supervisionhub.common.limit.ClientAddresses;

/** 曝光台: what is public now, without a token. */
@Path("/api/v1/public/disclosures")
@Tag(name = "Disclosure", description = "双公示 / 曝光台: penalties and 双随机 results made public for a period")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class PublicDisclosureResource {

    @Inject
    Disclosures disclosures;

    @Inject
    PublicReadLimiter limiter;

    @GET
    @PermitAll
    public Page<PublicDisclosureView> listPublicDisclosures(
            @Parameter(description = "Region code (GB/T 2260) where the act took place; includes the regions below it")
                    @QueryParam("region")
                    @RegionCode
                    String region,
            @Parameter(description = "PENALTY or INSPECTION")
                    @QueryParam("kind")
                    @Pattern(regexp = "^(PENALTY|INSPECTION)$")
                    String kind,
            @Parameter(description = "The organisation's unified social credit code")
                    @QueryParam("creditCode")
                    @CreditCode
                    String creditCode,
            @BeanParam @Valid PageRequest page,
            @Context HttpServerRequest request) {
        limiter.admit(ClientAddresses.of(request));
        return disclosures.publicList(region, kind, creditCode, page);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    public PublicDisclosureView getPublicDisclosure(@PathParam("id") long id, @Context HttpServerRequest request) {
        limiter.admit(ClientAddresses.of(request));
        return disclosures.publicOne(id);
    }
}
