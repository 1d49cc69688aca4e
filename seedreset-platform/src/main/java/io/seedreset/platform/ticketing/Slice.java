package io.seedreset.platform.ticketing;

import java.util.List;

/**
 * One page of a list: the rows asked for, in the list's order, and how many rows match in all.
 *
 * @param total the rows the caller may see that match the filters, on every page
 */
public record Slice<T>(List<T> items, long total) {
}
