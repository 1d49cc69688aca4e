package io.seedreset.pack;

/** A sum that plan computes over the generated rows: {@code sum(table.column)}. */
public record Total(String label, String table, String column) {
}
