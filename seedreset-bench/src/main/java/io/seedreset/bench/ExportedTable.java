package io.seedreset.bench;

import java.util.List;
import java.util.UUID;

/**
 * One table's share of the measured rows as PostgreSQL exported them: the CSV bytes (header
 * first, rows ordered by id) that the raw COPY loads, and the same rows parsed, which the
 * INSERT loads bind. A value is null where the row has NULL.
 */
record ExportedTable(String name, List<String> columns, byte[] csv, List<List<String>> rows) {

    ExportedTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        if (!columns.contains("id")) {
            throw new IllegalArgumentException("table " + name + " has no id column: tenant tables are keyed by (org_id, id)");
        }
    }

    List<UUID> ids() {
        int id = columns.indexOf("id");
        return rows.stream().map(row -> UUID.fromString(row.get(id))).toList();
    }
}
