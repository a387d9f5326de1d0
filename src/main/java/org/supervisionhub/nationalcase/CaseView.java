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
        String riskLevel,
        String subjectCreditCode,
        String subjectName,
        String regionCode,
        String itemCode,
        String departmentCode,
        String status,
        OffsetDateTime deadline,
        boolean overdue,
        String acceptedBy,
        OffsetDateTime acceptedAt,
        String handledBy,
        OffsetDateTime handledAt,
        String result,
        Boolean riskConfirmed,
        OffsetDateTime closedAt,
        OffsetDateTime receivedAt,
        Map<String, Object> message) {}
