package io.seedreset.bench;

import java.util.ArrayList;
import java.util.List;

/** What one load writes to one table: the first {@code count} rows of the exported table. */
record TableRows(ExportedTable table, int count) {

    TableRows {
        if (count < 0 || count > table.rows().size()) {
            throw new IllegalArgumentException(count + " rows of " + table.name() + ", which has " + table.rows().size());
        }
    }

    List<List<String>> rows() {
        return table.rows().subList(0, count);
    }

    boolean whole() {
        return count == table.rows().size();
    }

    static List<TableRows> all(List<ExportedTable> tables) {
        return tables.stream().map(t -> new TableRows(t, t.rows().size())).toList();
    }

    /** The first {@code limit} rows in parents-first order, so every row's parents are among them or already there. */
    static List<TableRows> first(List<ExportedTable> tables, long limit) {
        List<TableRows> selection = new ArrayList<>();
        long left = limit;
        for (ExportedTable table : tables) {
            int count = (int) Math.min(left, table.rows().size());
            selection.add(new TableRows(table, count));
            left -= count;
        }
        return List.copyOf(selection);
    }

    static long total(List<TableRows> selection) {
        return selection.stream().mapToLong(TableRows::count).sum();
    }
}
