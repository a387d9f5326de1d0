package org.supervisionhub.item;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.supervisionhub.common.WireTime;

/** A catalog item as the API shows it. */
@Schema(name = "CatalogItem")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CatalogItemView(
        String code,
        String name,
        String parentCode,
        @Schema(description = "子项类型") ItemType itemType,
        String sectorCode,
        String legalBasis,
        String supervisedObject,
        String method,
        @Schema(description = "事项层级") CatalogLevel catalogLevel,
        @Schema(description = "事项状态") ItemStatus status,
        @Schema(description = "生效日期") LocalDate effectiveDate,
        @Schema(description = "取消日期") LocalDate cancelDate,
        String catalogVersion,
        int version,
        Boolean claimedByMe,

        @Schema(description = "Last change") OffsetDateTime updatedAt) {

    static CatalogItemView of(CatalogItem item, Boolean claimedByMe) {
        return new CatalogItemView(
                item.code,
                item.name,
                item.parentCode,
                item.itemType,
                item.sectorCode,
                item.legalBasis,
                item.supervisedObject,
                item.method,
                item.catalogLevel,
                item.status,
                item.effectiveDate,
                item.cancelDate,
                item.catalogVersion,
                item.version,
                claimedByMe,
                WireTime.of(item.updatedAt));
    }

    static CatalogItemView of(io.vertx.mutiny.sqlclient.Row item) {
        return of(item, null);
    }

    /** A row holding catalog_item's columns (CatalogQueries), with the caller's claim of it. */
    static CatalogItemView of(io.vertx.mutiny.sqlclient.Row item, Boolean claimedByMe) {
        String type = item.getString("item_type");
        return new CatalogItemView(
                item.getString("code"),
                item.getString("name"),
                item.getString("parent_code"),
                type == null ? null : ItemType.valueOf(type),
                item.getString("sector_code"),
                item.getString("legal_basis"),
                item.getString("supervised_object"),
                item.getString("method"),
                CatalogLevel.valueOf(item.getString("catalog_level")),
                ItemStatus.valueOf(item.getString("status")),
                item.getLocalDate("effective_date"),
                item.getLocalDate("cancel_date"),
                item.getString("catalog_version"),
                item.getInteger("version"),
                claimedByMe,
                WireTime.of(item.getOffsetDateTime("updated_at")));
    }
}
