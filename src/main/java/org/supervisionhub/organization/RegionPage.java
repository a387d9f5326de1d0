package org.supervisionhub.organization;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contract's name and shape of {@code Page<RegionView>}; documentation only, never instantiated. */
@Schema(name = "RegionPage", description = "One page of regions")
final class RegionPage {

    public List<RegionView> items;

    public int page;

    public int size;

    public long total;

    private RegionPage() {}
}
