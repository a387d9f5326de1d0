package org.supervisionhub.item;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.supervisionhub.common.code.CreditCode;
import org.supervisionhub.common.code.ImplementationListCode;

/** A check implementation list (检查实施清单) to create or replace. */
@Schema(name = "ImplementationListRequest")
public record ImplementationListRequest(
        @Schema(
                description =
                        "检查实施清单编码: implementing body credit code + exercise level + suffix; generated when absent",
                example = "11450100MB1234567X345000000100010")
        @ImplementationListCode
        String listCode,

        @Schema(description = "实施主体名称", example = "南宁市市场监督管理局") @NotBlank @Size(max = 200)
        String implementingBodyName,

        @Schema(description = "实施主体统一社会信用代码", example = "11450100MB1234567X") @NotNull @CreditCode
        String implementingBodyCreditCode,

        @Schema(description = "行使层级 1 国家 2 省 3 市 4 县 5 乡镇", example = "3") @NotNull @Min(1) @Max(5)
        Integer exerciseLevel,

        @Size(max = 200) String delegatedDepartment,

        @Schema(description = "监管对象", example = "食品生产企业") @NotBlank @Size(max = 500)
        String supervisedObject,

        @Schema(description = "检查方式: 现场 / 非现场 / 两者") @NotNull
        CheckForm checkForm,

        @NotNull Boolean randomInspection,

        @Schema(
                description = "抽查比例 (%), 0-100 with at most two decimals; required when randomInspection",
                example = "5.00")
        @DecimalMin("0")
        @DecimalMax("100")
        @Digits(integer = 3, fraction = 2)
        BigDecimal samplingProportion,

        @Schema(description = "抽查频次: times per period", example = "1") @Min(1) @Max(366)
        Integer frequencyTimes,

        @Schema(description = "抽查频次的周期") FrequencyPeriod frequencyPeriod,

        @NotBlank @Size(max = 20000) String checkContent) {}
