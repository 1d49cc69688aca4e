/**
 * The ledger: {@code platform.seed_applications} (one row per apply), {@code platform.seed_row_sets}
 * (the ids of the rows each apply created, a batch per row; read one per row through the view
 * {@code platform.seed_rows}) and {@code platform.seed_updates} (before-images of the rows it
 * changed), and the deletes and restores that teardown and reset derive from them.
 */
package io.seedreset.internal.ledger;
