package org.supervisionhub.subject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One result of a name search, with its rank score. */
@Schema(name = "SubjectHit")
public record SubjectHit(
        String creditCode,
        String name,
        @Schema(description = "主体类型") SubjectType subjectType,
        String regionCode,
        @Schema(description = "登记状态") SubjectStatus status,

        double score) {}
