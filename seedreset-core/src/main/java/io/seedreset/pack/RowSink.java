package io.seedreset.pack;

import java.util.UUID;

/**
 * Where a pack sends its rows. Plan records them; apply writes them in bulk and tags each
 * one in the ledger. A pack emits a parent before the rows that reference it.
 */
public interface RowSink {

    /** Adds a row to a tenant table ({@code schema.table}) and returns its id. */
    UUID add(String table, Row row);
}
