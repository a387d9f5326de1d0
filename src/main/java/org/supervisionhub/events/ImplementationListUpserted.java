package org.supervisionhub.events;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.math.BigDecimal;

/**
 * {@code implementation-list.upserted}: a check implementation list was created or changed (the whole list).
 * Aggregate: item code and department code.
 */
public record ImplementationListUpserted(
        @JsonPropertyDescription("The implementation list code (credit code + exercise level + item code)")
        String listCode,

        @JsonPropertyDescription("The inspection sub-item (14-digit item code)")
        String itemCode,

        @JsonPropertyDescription("The department's code") String departmentCode,

        @JsonPropertyDescription("The department's region (GB/T 2260)")
        String regionCode,

        @JsonPropertyDescription("实施主体名称") String implementingBodyName,
        @JsonPropertyDescription("实施主体统一社会信用代码") String implementingBodyCreditCode,
        @JsonPropertyDescription("行使层级 (1-5)") int exerciseLevel,
        @JsonPropertyDescription("受委托部门") @Nullable String delegatedDepartment,
        @JsonPropertyDescription("检查对象") String supervisedObject,
        @JsonPropertyDescription("检查方式") String checkForm,

        @JsonPropertyDescription("Whether the item is in 双随机 sampling")
        boolean randomInspection,

        @JsonPropertyDescription("抽查比例 (percent); present when sampled") @Nullable
        BigDecimal samplingProportion,

        @JsonPropertyDescription("检查频次: times per period") @Nullable
        Integer frequencyTimes,

        @JsonPropertyDescription("检查频次: the period") @Nullable
        String frequencyPeriod,

        @JsonPropertyDescription("检查内容") String checkContent,

        @JsonPropertyDescription("The list's version, 1 and up")
        int version)
        implements HubEvent {

    @Override
    public EventType type() {
        return EventType.IMPLEMENTATION_LIST_UPSERTED;
    }

    @Override
    public String aggregateId() {
        return itemCode + ":" + departmentCode;
    }
}
