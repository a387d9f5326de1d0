package org.supervisionhub.item;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.supervisionhub.common.IdentityEntity;

/** A department's check implementation list (检查实施清单) for a claimed inspection sub-item. */
@Entity
@Table(name = "implementation_list")
public class ImplementationList extends IdentityEntity {

    public String itemCode;

    public String departmentCode;

    public String listCode;

    public String implementingBodyName;

    public String implementingBodyCreditCode;

    public short exerciseLevel;

    public String delegatedDepartment;

    public String supervisedObject;

    @Enumerated(EnumType.STRING)
    public CheckForm checkForm;

    public boolean randomInspection;

    public BigDecimal samplingProportion;

    public Integer frequencyTimes;

    @Enumerated(EnumType.STRING)
    public FrequencyPeriod frequencyPeriod;

    public String checkContent;

    public int version;

    public Instant createdAt;

    public Instant updatedAt;

    public String updatedBy;
}
