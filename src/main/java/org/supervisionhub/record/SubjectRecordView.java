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
        Long recordId,
        boolean disclosedOnly,
        RecordKind kind,
        LocalDate actDate,
        String departmentCode,
        String departmentName,
        String itemCode,
        String itemName,
        String actionName,
        String resultCode,
        String decisionNumber,
        List<String> penaltyTypes,
        BigDecimal fineAmount) {}
