package org.supervisionhub.item;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.supervisionhub.common.WireTime;

/** A check implementation list as the API shows it. */
@Schema(name = "ImplementationList")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImplementationListView(
        String listCode,
        String itemCode,
        String departmentCode,
        String implementingBodyName,
        String implementingBodyCreditCode,
        int exerciseLevel,
        String delegatedDepartment,
        String supervisedObject,
        @Schema(description = "检查方式") CheckForm checkForm,
        boolean randomInspection,
        BigDecimal samplingProportion,
        Integer frequencyTimes,
        @Schema(description = "抽查频次的周期") FrequencyPeriod frequencyPeriod,
        String checkContent,
        int version,
        @Schema(description = "Last change") OffsetDateTime updatedAt,
        String updatedBy) {

    static ImplementationListView of(ImplementationList list) {
        return new ImplementationListView(
                list.listCode,
                list.itemCode,
                list.departmentCode,
                list.implementingBodyName,
                list.implementingBodyCreditCode,
                list.exerciseLevel,
                list.delegatedDepartment,
                list.supervisedObject,
                list.checkForm,
                list.randomInspection,
                list.samplingProportion,
                list.frequencyTimes,
                list.frequencyPeriod,
                list.checkContent,
                list.version,
                WireTime.of(list.updatedAt),
                list.updatedBy);
    }
}
