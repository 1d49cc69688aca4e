/**
 * The ledger: {@code platform.seed_applications} (one row per apply) and {@code platform.seed_rows}
 * (one row per seeded row), and the deletes that teardown and reset derive from them.
 */
package io.seedreset.internal.ledger;
