/**
 * Importing: a CSV or JSON file's rows, read as a stream (never held whole), checked against a tenant
 * table's columns, types, keys and references, loaded with COPY and recorded in the ledger. Every way
 * a file can be wrong ends as one {@link io.seedreset.internal.importing.BadFile} naming the file, the
 * line and the column. The engine's import operation decides when, behind the gate; this package knows how.
 */
package io.seedreset.internal.importing;
