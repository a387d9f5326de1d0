package org.supervisionhub.common;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: the items plus what a client needs to fetch the next one. Each endpoint documents
 * its page type by name (e.g. CatalogItemPage) so the contract shows the item type.
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    /** The hard ceiling of any page: a client cannot ask for more in one call. */
    public static final int MAX_SIZE = 200;

    public static final String MAX_SIZE_TEXT = "200";

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
