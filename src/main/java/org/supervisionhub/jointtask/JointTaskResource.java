package org.supervisionhub.jointtask;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.supervisionhub.common.Page;
import org.supervisionhub.common.PageRequest;
import org.supervisionhub.security.CallerContext;
import org.supervisionhub.security.Roles;

/** 跨部门联合监管: joint supervision tasks, from distribution (分发) to closing (结束). */
@Path("/api/v1/joint-tasks")
@Tag(
        name = "Joint supervision",
        description = "跨部门联合监管: tasks distributed to several departments, claimed, handled, fed back and closed")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class JointTaskResource {

    private static final String DEPARTMENT = "^[A-Za-z0-9_-]{2,32}$";

    @Inject
    JointTasks tasks;

    @Inject
    CallerContext callers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = JointTaskView.class)))
    public Response createJointTask(@NotNull @Valid JointTaskRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(tasks.create(callers.caller(), request))
                .build();
    }

    @GET
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    public Page<JointTaskView> listJointTasks(
            @Parameter(description = "Only tasks this department initiated or takes part in")
                    @QueryParam("department")
                    @Pattern(regexp = DEPARTMENT)
                    String department,
            @Parameter(description = "任务编号") @QueryParam("taskNo") @Pattern(regexp = "^[A-Za-z0-9_-]{1,64}$")
                    String taskNo,
            @BeanParam @Valid PageRequest page) {
        return tasks.list(callers.caller(), department, taskNo, page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    public JointTaskView getJointTask(@PathParam("id") long id) {
        return tasks.get(callers.caller(), id);
    }

    @GET
    @Path("/{id}/national")
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML})
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    @APIResponse(
            responseCode = "200",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(type = SchemaType.OBJECT, additionalProperties = Schema.True.class)),
                @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING))
            })
    public Response getJointTaskNational(@PathParam("id") long id, @Context Request request) {
        SuperviseData document = tasks.national(callers.caller(), id);
        Variant variant = request.selectVariant(
                Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE, MediaType.APPLICATION_XML_TYPE)
                        .build());
        if (variant != null && MediaType.APPLICATION_XML_TYPE.isCompatible(variant.getMediaType())) {
            return Response.ok(SuperviseDataCodec.toXml(document), MediaType.APPLICATION_XML_TYPE.withCharset("UTF-8"))
                    .build();
        }
        return Response.ok(SuperviseDataCodec.toJson(document), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    @POST
    @Path("/{id}/participants/{departmentCode}/claim")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    public JointTaskView claimJointTask(
            @PathParam("id") long id,
            @PathParam("departmentCode") @Pattern(regexp = DEPARTMENT) String departmentCode) {
        return tasks.claim(callers.caller(), id, departmentCode);
    }

    @POST
    @Path("/{id}/participants/{departmentCode}/handling")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    public JointTaskView startJointTaskHandling(
            @PathParam("id") long id,
            @PathParam("departmentCode") @Pattern(regexp = DEPARTMENT) String departmentCode) {
        return tasks.startHandling(callers.caller(), id, departmentCode);
    }

    @POST
    @Path("/{id}/participants/{departmentCode}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    public JointTaskView feedBackJointTask(
            @PathParam("id") long id,
            @PathParam("departmentCode") @Pattern(regexp = DEPARTMENT) String departmentCode,
            @NotNull @Valid JointTaskFeedbackRequest request) {
        return tasks.feedback(callers.caller(), id, departmentCode, request);
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    public JointTaskView closeJointTask(@PathParam("id") long id, @Valid JointTaskCloseRequest request) {
        return tasks.close(callers.caller(), id, request);
    }
}
