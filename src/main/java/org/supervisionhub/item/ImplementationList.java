package org.supervisionhub.item;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A department's check implementation list (检查实施清单) for a claimed inspection sub-item. */
@Entity
@Table(name = "implementation_list")
public class ImplementationList extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "item_code")
    public String itemCode;

    @Column(name = "department_code")
    public String departmentCode;

    @Column(name = "list_code")
    public String listCode;

    @Column(name = "implementing_body_name")
    public String implementingBodyName;

    @Column(name = "implementing_body_credit_code")
    public String implementingBodyCreditCode;

    @Column(name = "exercise_level")
    public short exerciseLevel;

    @Column(name = "delegated_department")
    public String delegatedDepartment;

    @Column(name = "supervised_object")
    public String supervisedObject;

    @Enumerated(EnumType.STRING)
    @Column(name = "check_form")
    public CheckForm checkForm;

    @Column(name = "random_inspection")
    public boolean randomInspection;

    @Column(name = "sampling_proportion")
    public BigDecimal samplingProportion;

    @Column(name = "frequency_times")
    public Integer frequencyTimes;

    @Enumerated(EnumType.STRING)
    @Column(name = "frequency_period")
    public FrequencyPeriod frequencyPeriod;

    @Column(name = "check_content")
    public String checkContent;

    public int version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;
}
