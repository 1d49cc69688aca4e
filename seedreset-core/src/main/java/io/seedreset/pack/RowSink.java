package io.seedreset.pack;


/**
 * Where a pack sends its rows. Plan records them; apply writes them in bulk and tags each
 * one in the ledger. A pack emits a parent before the rows that reference it.
 */
public interface RowSink {

    /**
     * Adds a row to a tenant table ({@code schema.table}) and returns its key, typed as the caller
     * holds it ({@code UUID id = sink.add(...)}).
     */
    <K> K add(String table, Row row);

    /**
     * Changes columns of an existing row of this organization (a scenario's edit of the data it
     * builds on): {@code changes} carries the row's id and the columns to set. Apply records the
     * row's previous values first, so tearing the application down puts them back.
     */
    void update(String table, Row changes);
}
