package org.supervisionhub.record;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.supervisionhub.common.HubException;
import org.supervisionhub.common.Page;
import org.supervisionhub.common.PageRequest;
import org.supervisionhub.common.code.CreditCode;
import org.supervisionhub.security.CallerContext;
import org.supervisionhub.security.Roles;
import org.supervisionhub.subject.SubjectQueries;

/**
 * A subject's supervision history, under the subject library's path. It lives with the records it reads, so that the
 * subject package does not depend on records (records refer to subjects, not the other way round).
 */
@Path("/api/v1/subjects/{creditCode}/records")
@Tag(name = "Subjects", description = "Regulated subjects (监管对象): lookup, search, who supervises them")
@Produces(MediaType.APPLICATION_JSON)
public class SubjectRecordResource {

    @Inject
    SubjectQueries subjects;

    @Inject
    RecordQueries records;

    @Inject
    CallerContext callers;

    @GET
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN, Roles.OFFICER, Roles.SYSTEM, Roles.NATIONAL})
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SubjectRecordPage.class)))
    public Uni<Page<SubjectRecordView>> getSubjectRecords(
            @PathParam("creditCode") @CreditCode String creditCode, @BeanParam @Valid PageRequest paging) {
        return subjects.byCreditCode(creditCode).chain(found -> {
            found.orElseThrow(
                    () -> HubException.notFound("SUBJECT_NOT_FOUND", "no subject with credit code " + creditCode));
            return records.subjectHistory(callers.caller(), creditCode, paging);
        });
    }
}
