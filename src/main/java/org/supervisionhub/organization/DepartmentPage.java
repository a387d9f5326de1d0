package org.supervisionhub.organization;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contract's name and shape of {@code Page<DepartmentView>}; documentation only, never instantiated. */
@Schema(name = "DepartmentPage", description = "One page of departments")
final class DepartmentPage {

    public List<DepartmentView> items;

    public int page;

    public int size;

    public long total;

    private DepartmentPage() {}
}
