package io.seedreset.server;

import java.util.List;

/**
 * What every list route answers: one page of items and where it sits in the whole.
 *
 * @param items  the page's items, in the route's documented order
 * @param paging the page's place: {@code offset} and {@code limit} as asked (or defaulted), {@code total} items matching the filters
 */
public record Page<T>(List<T> items, Paging paging) {

    public record Paging(int offset, int limit, long total) {
    }

    public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
        return new Page<>(items, new Paging(request.offset(), request.limit(), total));
    }
}
