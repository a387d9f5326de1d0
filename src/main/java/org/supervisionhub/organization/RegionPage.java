package org.supervisionhub.organization;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contract's name and shape of {@code Page<RegionView>}; documentation only, never instantiated. */
@Schema(name = "RegionPage", description = "One page of regions")
final class RegionPage {

    @Schema(description = "The regions of this page")
    public List<RegionView> items;

    @Schema(description = "Zero-based page number")
    public int page;

    @Schema(description = "Page size asked for")
    public int size;

    @Schema(description = "Total number of matching regions")
    public long total;

    private RegionPage() {}
}
