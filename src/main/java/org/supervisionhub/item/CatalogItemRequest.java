package org.supervisionhub.item;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.supervisionhub.common.code.ItemCode;

/** A catalog item as issued by the national or provincial catalog. */
@Schema(name = "CatalogItemRequest", description = "监管事项 (main item 主项 or sub-item 子项) to create or update")
public record CatalogItemRequest(
        @Schema(description = "事项名称", example = "对食品生产企业的行政检查") @NotBlank @Size(max = 500)
        String name,

        @Schema(description = "主项编码 (parent main item); absent for a main item", example = "45000000010000") @ItemCode
        String parentCode,

        @Schema(description = "子项类型; required for sub-items")
        ItemType itemType,

        @Schema(description = "主管部门条线 (sector code of the competent ministry line)", example = "SAMR")
        @NotBlank
        @Pattern(regexp = "^[A-Z0-9_]{2,32}$", message = "2-32 upper-case letters, digits or _")
        String sectorCode,

        @Size(max = 20000) String legalBasis,
        @Size(max = 500) String supervisedObject,
        @Size(max = 500) String method,

        @Schema(description = "事项层级 (which catalog issued it)") @NotNull
        CatalogLevel catalogLevel,

        @Schema(description = "事项状态") @NotNull ItemStatus status,

        @Schema(description = "生效日期", example = "2024-01-01")
        LocalDate effectiveDate,

        @Schema(description = "取消日期") LocalDate cancelDate,

        @Schema(description = "目录版本", example = "2024-V1") @NotBlank @Size(max = 32)
        String catalogVersion,

        @Size(max = 500) String changeReason) {

    /** The fields that make up the item's content; a re-send with equal content is no new version. */
    ItemContent content() {
        return new ItemContent(
                name,
                parentCode,
                itemType,
                sectorCode,
                legalBasis,
                supervisedObject,
                method,
                catalogLevel,
                status,
                effectiveDate,
                cancelDate,
                catalogVersion);
    }

    record ItemContent(
            String name,
            String parentCode,
            ItemType itemType,
            String sectorCode,
            String legalBasis,
            String supervisedObject,
            String method,
            CatalogLevel catalogLevel,
            ItemStatus status,
            LocalDate effectiveDate,
            LocalDate cancelDate,
            String catalogVersion) {}
}
