package org.supervisionhub.organization;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contract's name and shape of {@code Page<DepartmentView>}; documentation only, never instantiated. */
@Schema(name = "DepartmentPage", description = "One page of departments")
final class DepartmentPage {

    @Schema(description = "The departments of this page")
    public List<DepartmentView> items;

    @Schema(description = "Zero-based page number")
    public int page;

    @Schema(description = "Page size asked for")
    public int size;

    @Schema(description = "Total number of matching departments")
    public long total;

    private DepartmentPage() {}
}
