package org.supervisionhub.nationalcase;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A complaint, risk clue or task sent down by the national platform, and where it stands. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "NationalCase")
public record CaseView(
        long id,
        CaseKind kind,
        String nationalId,
        int revision,
        String title,

        @Schema(description = "Risk level of a clue, P0 (highest) to P3")
        String riskLevel,

        String subjectCreditCode,
        String subjectName,
        String regionCode,
        String itemCode,

        @Schema(description = "The department it is routed to; absent while no department fits")
        String departmentCode,

        @Schema(description = "RECEIVED (unassigned), ASSIGNED, ACCEPTED, FEEDBACK_SENT, CLOSED (feedback delivered)")
        String status,

        OffsetDateTime deadline,

        @Schema(description = "Past its deadline and not yet handled")
        boolean overdue,

        String acceptedBy,
        OffsetDateTime acceptedAt,
        String handledBy,
        OffsetDateTime handledAt,
        String result,

        @Schema(description = "Risk clues: whether the check found the risk real, as the feedback said")
        Boolean riskConfirmed,

        OffsetDateTime closedAt,
        OffsetDateTime receivedAt,

        @Schema(description = "The message as the national platform sent it")
        Map<String, Object> message) {}
