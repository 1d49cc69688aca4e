package io.seedreset.pack;

/**
 * A rule the pack's data must satisfy, checked inside the apply transaction.
 *
 * @param sql a query returning one row per violation (its first column describes the offending
 *            row); {@code :org} stands for the organization's id (a uuid literal). It covers the whole
 *            organization, rows people or other packs wrote included. An empty result means the rule holds.
 */
public record Invariant(String name, String sql) {
}
