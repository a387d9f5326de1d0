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
        @Schema(description = "检查实施清单编码") String listCode,
        @Schema(description = "事项编码") String itemCode,
        @Schema(description = "部门编码") String departmentCode,
        @Schema(description = "实施主体名称") String implementingBodyName,
        @Schema(description = "实施主体统一社会信用代码") String implementingBodyCreditCode,
        @Schema(description = "行使层级") int exerciseLevel,
        @Schema(description = "委托部门") String delegatedDepartment,
        @Schema(description = "监管对象") String supervisedObject,
        @Schema(description = "检查方式") CheckForm checkForm,
        @Schema(description = "是否纳入双随机") boolean randomInspection,
        @Schema(description = "抽查比例 (%)") BigDecimal samplingProportion,
        @Schema(description = "抽查频次") Integer frequencyTimes,
        @Schema(description = "抽查频次的周期") FrequencyPeriod frequencyPeriod,
        @Schema(description = "检查内容") String checkContent,
        @Schema(description = "Version, +1 on every change") int version,
        @Schema(description = "Last change") OffsetDateTime updatedAt,
        @Schema(description = "Who changed it last") String updatedBy) {

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
