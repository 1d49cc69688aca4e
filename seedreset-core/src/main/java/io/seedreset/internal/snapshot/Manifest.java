package io.seedreset.internal.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a snapshot holds: where and when it was taken, the schema version it was taken under, and
 * per table (parents first, the order it restores in) the columns in COPY order, the row count,
 * the SHA-256 of the COPY text and the size and CRC-32 of its gzip. The file format's first entry;
 * the database keeps it in {@code platform.snapshots.manifest}.
 *
 * @param format   the file format's version: a reader refuses one it does not know
 * @param personas the logins the organization's packs had created when it was taken (with their published
 *                 demo passwords), so that an organization restored from it, and its resets, know them
 */
public record Manifest(int format, String name, String schemaVersion, String takenFrom, Instant takenAt, String takenBy,
                       List<TableEntry> tables, List<io.seedreset.pack.Persona> personas) {

    public static final int FORMAT = 1;

    public Manifest {
        tables = List.copyOf(tables);
        personas = personas == null ? List.of() : List.copyOf(personas);
    }

    /**
     * One table's rows: {@code columns} excludes {@code org_id}, which a restore writes as the
     * target organization's, so the same rows load into any organization.
     */
    public record TableEntry(String table, List<String> columns, long rows, String sha256, long compressedBytes, long crc32) {
        public TableEntry {
            columns = List.copyOf(columns);
        }
    }

    public Map<String, Long> counts() {
        return tables.stream().filter(t -> t.rows() > 0)
                .collect(Collectors.toMap(TableEntry::table, TableEntry::rows, (a, b) -> a, java.util.TreeMap::new));
    }

    public long rows() {
        return tables.stream().mapToLong(TableEntry::rows).sum();
    }

    public long compressedBytes() {
        return tables.stream().mapToLong(TableEntry::compressedBytes).sum();
    }
}
