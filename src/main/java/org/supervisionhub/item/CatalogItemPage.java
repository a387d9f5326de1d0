package org.supervisionhub.item;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contract's name and shape of {@code Page<CatalogItemView>}; documentation only, never instantiated. */
@Schema(name = "CatalogItemPage", description = "One page of catalog items")
final class CatalogItemPage {

    @Schema(description = "The items of this page")
    public List<CatalogItemView> items;

    @Schema(description = "Zero-based page number")
    public int page;

    @Schema(description = "Page size asked for")
    public int size;

    @Schema(description = "Total number of matching items")
    public long total;

    private CatalogItemPage() {}
}
