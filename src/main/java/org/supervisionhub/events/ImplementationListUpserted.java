package org.supervisionhub.events;

import java.math.BigDecimal;

/**
 * {@code implementation-list.upserted}: a check implementation list was created or changed (the whole list).
 * Aggregate: item code and department code.
 */
public record ImplementationListUpserted(String listCode, String itemCode, String departmentCode, String regionCode,
                                         String implementingBodyName, String implementingBodyCreditCode,
                                         int exerciseLevel, @Nullable String delegatedDepartment,
                                         String supervisedObject, String checkForm, boolean randomInspection,
                                         @Nullable BigDecimal samplingProportion, @Nullable Integer frequencyTimes,
                                         @Nullable String frequencyPeriod, String checkContent, int version)
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
