package org.supervisionhub.subject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One result of a name search, with its rank score. */
@Schema(name = "SubjectHit")
public record SubjectHit(
        @Schema(description = "统一社会信用代码") String creditCode,
        @Schema(description = "主体名称") String name,
        @Schema(description = "主体类型") SubjectType subjectType,
        @Schema(description = "所属行政区划") String regionCode,
        @Schema(description = "登记状态") SubjectStatus status,

        @Schema(
                description = "How closely the name matches, 0-1: 1 the exact name, 0.5-1 a name starting with the "
                        + "text, below 0.5 a name containing it further in; within a band, the share of the name the "
                        + "text covers. Results come band by band")
        double score) {}
