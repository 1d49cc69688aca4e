package io.seedreset.platform.sql;

import java.util.List;

/**
 * One page of a filtered list, and how many rows match the filters in all.
 *
 * @param items the page's rows, in the list's order
 * @param total every row the caller may see that matches the filters, on this page or another
 */
public record Slice<T>(List<T> items, long total) {

    public Slice {
        items = List.copyOf(items);
    }
}
