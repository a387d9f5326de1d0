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
import org.eclipse.microprofile.openapi.annotations.Operation;
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

    /** The 403 and 404 of a participant's steps: the same situations, documented once. */
    private static final String PARTICIPANT_OUT_OF_SCOPE =
            "The participant is outside the caller's scope (DEPARTMENT_OUT_OF_SCOPE)";

    private static final String NO_SUCH_PARTICIPANT =
            "No such task (JOINT_TASK_NOT_FOUND) or participant (JOINT_TASK_PARTICIPANT_NOT_FOUND)";

    @Inject
    JointTasks tasks;

    @Inject
    CallerContext callers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    @Operation(
            summary = "Initiate a joint supervision task (发起联合监管任务) and distribute it to the participants",
            description = "A department admin initiates for its own department; a region admin for its region (or a "
                    + "region below it) or for a department of it; a hub admin names one. Participants are active "
                    + "departments of the initiator's region or of the regions below it; items are in-use catalog "
                    + "items. Every participant starts at DISTRIBUTED (分发). Emits joint-task.created.")
    @APIResponse(
            responseCode = "201",
            description = "Created and distributed",
            content = @Content(schema = @Schema(implementation = JointTaskView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid fields (VALIDATION_FAILED; errors[] names each: participants[i] an unknown, "
                    + "inactive or foreign department, itemCodes[i] an unknown item, deadline before today ...)")
    @APIResponse(
            responseCode = "403",
            description = "The initiator is outside the caller's scope (DEPARTMENT_OUT_OF_SCOPE, REGION_OUT_OF_SCOPE)")
    public Response createJointTask(@NotNull @Valid JointTaskRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(tasks.create(callers.caller(), request))
                .build();
    }

    @GET
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    @Operation(
            summary = "The joint tasks the caller's scope initiated or takes part in, newest first",
            description = "Status and overdue marks as of now.")
    @APIResponse(responseCode = "200", description = "A page of joint tasks")
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
    @Operation(
            summary = "One joint task with every participant's progress",
            description = "Visible to the initiator's scope and to every participant's.")
    @APIResponse(responseCode = "200", description = "The task")
    @APIResponse(responseCode = "404", description = "No such task in the caller's scope (JOINT_TASK_NOT_FOUND)")
    public JointTaskView getJointTask(@PathParam("id") long id) {
        return tasks.get(callers.caller(), id);
    }

    @GET
    @Path("/{id}/national")
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML})
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    @Operation(
            summary = "One joint task in the national superviseData shape, as JSON or XML (Accept)",
            description =
                    "taskInfo, superviseObjects/superviseObject (the subjects), supervisionProcess/taskDetails per "
                            + "participant with one feedback block (admInspection, admPunishment, admForce, other) per linked "
                            + "record. Statuses 分发, 认领 (also while handling), 反馈, 结束. JSON is the tree XML reads into "
                            + "(attributes as @name). Scoped like GET /joint-tasks/{id}.")
    @APIResponse(
            responseCode = "200",
            description = "The superviseData document",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(type = SchemaType.OBJECT, additionalProperties = Schema.True.class)),
                @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(responseCode = "404", description = "No such task in the caller's scope (JOINT_TASK_NOT_FOUND)")
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
    @Operation(
            summary = "A participant claims (认领) its part of the task",
            description = "The participant department's admin, or an admin whose scope covers it (decided by the "
                    + "department's stored region). Claiming again changes nothing. Emits joint-task.claimed.")
    @APIResponse(responseCode = "200", description = "Claimed (or unchanged)")
    @APIResponse(responseCode = "403", description = PARTICIPANT_OUT_OF_SCOPE)
    @APIResponse(
            responseCode = "404",
            description = "No such task in the caller's scope (JOINT_TASK_NOT_FOUND), or the department does not "
                    + "take part (JOINT_TASK_PARTICIPANT_NOT_FOUND)")
    @APIResponse(responseCode = "409", description = "The task is closed (JOINT_TASK_CLOSED)")
    public JointTaskView claimJointTask(
            @PathParam("id") long id,
            @PathParam("departmentCode") @Pattern(regexp = DEPARTMENT) String departmentCode) {
        return tasks.claim(callers.caller(), id, departmentCode);
    }

    @POST
    @Path("/{id}/participants/{departmentCode}/handling")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    @Operation(
            summary = "A participant starts handling (处置) its claimed part",
            description = "After the claim, before the feedback; again changes nothing. Feeding back straight after "
                    + "the claim is allowed too (handling then starts with the feedback). Emits joint-task.started.")
    @APIResponse(responseCode = "200", description = "Handling (or unchanged)")
    @APIResponse(responseCode = "403", description = PARTICIPANT_OUT_OF_SCOPE)
    @APIResponse(responseCode = "404", description = NO_SUCH_PARTICIPANT)
    @APIResponse(
            responseCode = "409",
            description =
                    "Not claimed yet or already fed back (JOINT_TASK_STATE_INVALID), or closed (JOINT_TASK_CLOSED)")
    public JointTaskView startJointTaskHandling(
            @PathParam("id") long id,
            @PathParam("departmentCode") @Pattern(regexp = DEPARTMENT) String departmentCode) {
        return tasks.startHandling(callers.caller(), id, departmentCode);
    }

    @POST
    @Path("/{id}/participants/{departmentCode}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    @Operation(
            summary = "A participant feeds back (反馈) with the behaviour records it produced",
            description = "One behaviour kind (行政检查, 行政处罚, 行政强制, 其他) and the hub ids of the department's own "
                    + "records of that kind on a subject of the task. 进一次门，查多项事: participants that inspected in "
                    + "one joint visit give the same visitId, and their inspection records must share the check date. "
                    + "The same feedback again changes nothing; other content is refused. Fed back after the deadline "
                    + "is marked overdue. Emits joint-task.answered.")
    @APIResponse(responseCode = "200", description = "Fed back (or unchanged)")
    @APIResponse(
            responseCode = "400",
            description = "Invalid fields (VALIDATION_FAILED; errors[] names recordIds[i] for a record that is not "
                    + "the department's own of that kind on a subject of the task, visitId for a joint visit whose "
                    + "records do not share one date)")
    @APIResponse(responseCode = "403", description = PARTICIPANT_OUT_OF_SCOPE)
    @APIResponse(responseCode = "404", description = NO_SUCH_PARTICIPANT)
    @APIResponse(
            responseCode = "409",
            description = "Not claimed yet (JOINT_TASK_STATE_INVALID), other feedback given "
                    + "(JOINT_TASK_ALREADY_FED_BACK), or closed (JOINT_TASK_CLOSED)")
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
    @Operation(
            summary = "The initiator closes (结束) the task after every participant fed back",
            description = "The initiating department's admin (or an admin whose scope covers it); for a region's "
                    + "task, an admin of that region. Participants that fed back late stay marked overdue. Closing "
                    + "again changes nothing. Emits joint-task.closed.")
    @APIResponse(responseCode = "200", description = "Closed (or unchanged)")
    @APIResponse(
            responseCode = "403",
            description = "The caller does not speak for the initiator (DEPARTMENT_OUT_OF_SCOPE, REGION_OUT_OF_SCOPE)")
    @APIResponse(responseCode = "404", description = "No such task in the caller's scope (JOINT_TASK_NOT_FOUND)")
    @APIResponse(responseCode = "409", description = "Some participant has not fed back (JOINT_TASK_NOT_ALL_FED_BACK)")
    public JointTaskView closeJointTask(@PathParam("id") long id, @Valid JointTaskCloseRequest request) {
        return tasks.close(callers.caller(), id, request);
    }
}
