package org.supervisionhub.common;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The page a list endpoint is asked for ({@code ?page=&size=}), validated the same way everywhere: a page number up
 * to {@value #MAX_PAGE} (deeper paging is a sign the client wants a filter or an export, not a page) and a size up to
 * {@link Page#MAX_SIZE}. Taken as a {@code @BeanParam}.
 */
public class PageRequest {

    public static final int MAX_PAGE = 10_000;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(MAX_PAGE)
    @Parameter(description = "0-based page number")
    public int page;

    @QueryParam("size")
    @DefaultValue("50")
    @Min(1)
    @Max(Page.MAX_SIZE)
    @Parameter(description = "Page size, at most " + Page.MAX_SIZE_TEXT)
    public int size;
}
