/**
 * Snapshots: an organization's whole state, every tenant table's rows as COPY text, gzipped,
 * kept in {@code platform.snapshots} and {@code platform.snapshot_chunks} or in a portable file,
 * and loaded back into any non-production organization with COPY, each restored row recorded in
 * the ledger. The engine's operations decide when; this package knows how.
 */
package io.seedreset.internal.snapshot;
