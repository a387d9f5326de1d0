package org.supervisionhub.common;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list: the items plus what a client needs to fetch the next one. */
@Schema(name = "Page")
public record Page<T>(
        @Schema(description = "The items of this page") List<T> items,
        @Schema(description = "Zero-based page number") int page,
        @Schema(description = "Page size asked for") int size,
        @Schema(description = "Total number of matching items") long total) {

    /** The hard ceiling of any page: a client cannot ask for more in one call. */
    public static final int MAX_SIZE = 200;
    public static final String MAX_SIZE_TEXT = "200";

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
