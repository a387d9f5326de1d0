package org.supervisionhub.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One entry of a subject's supervision history. Records of departments outside the caller's scope appear only when
 * disclosable, and then without the record id and anything beyond what is published anyway.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "SubjectRecord")
public record SubjectRecordView(
        @Schema(description = "The record id, when the caller may read the whole record")
        Long recordId,

        @Schema(description = "True when the caller sees only the disclosed summary")
        boolean disclosedOnly,

        RecordKind kind,
        LocalDate actDate,
        String departmentCode,
        String departmentName,
        String itemCode,
        String itemName,
        @Schema(description = "检查/处罚行为名称") String actionName,
        @Schema(description = "检查结果代码") String resultCode,
        @Schema(description = "处罚决定书文号") String decisionNumber,
        @Schema(description = "处罚种类代码") List<String> penaltyTypes,
        @Schema(description = "罚款金额 (元)") BigDecimal fineAmount) {}
