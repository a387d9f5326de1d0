package org.supervisionhub.randominspection;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A declared conflict (回避) of an officer with a subject. */
@Schema(name = "RandomDrawConflict")
public record ConflictView(
        long id,
        String departmentCode,
        long officerId,
        String officerName,
        String subjectCreditCode,
        String reason,
        String declaredBy,
        OffsetDateTime declaredAt) {}
