package org.supervisionhub.item;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of the catalog. Shaped like every other page ({@code items, page, size, total}) plus the cursor of the next
 * page and whether {@code total} is exact: counting ~460,000 items costs more than the page itself, so a cursor page
 * counts only on request ({@code count=exact}), and {@code total} is left out when it was not counted.
 */
@Schema(name = "CatalogItemPage", description = "One page of catalog items, in code order")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CatalogItemPage(
        List<CatalogItemView> items,
        Integer page,
        int size,
        Long total,
        boolean totalExact,

        @Schema(
                description = "Opaque cursor of the next page: pass it as after= to continue; null on the last page",
                nullable = true)
        @JsonInclude(JsonInclude.Include.ALWAYS)
        String next) {}
