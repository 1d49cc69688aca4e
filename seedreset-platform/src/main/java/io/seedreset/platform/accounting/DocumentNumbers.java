package io.seedreset.platform.accounting;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The next number of a journal entry, an invoice or a payment, in sequence with those the organization has: the
 * prefix of the latest one (JE-, INV-, or whatever the books use) and the highest number under that prefix plus one,
 * as wide as the widest. Books without any start at the sequence's first number ({@code JE-000001}).
 */
final class DocumentNumbers {

    /** A numbered kind of row: where its numbers are, which is the latest, and how a first one reads. */
    enum Sequence {
        ENTRIES("accounting.journal_entries", "entry_number", "entry_date DESC, posted_at DESC", "JE-"),
        INVOICES("accounting.invoices", "invoice_number", "issue_date DESC, created_at DESC", "INV-"),
        PAYMENTS("accounting.payments", "payment_number", "paid_on DESC, created_at DESC", "PMT-");

        /** How many digits a first number has. */
        static final int FIRST_WIDTH = 6;

        private final String table;
        private final String column;
        private final String latestFirst;
        private final String firstPrefix;

        Sequence(String table, String column, String latestFirst, String firstPrefix) {
            this.table = table;
            this.column = column;
            this.latestFirst = latestFirst;
            this.firstPrefix = firstPrefix;
        }
    }

    private DocumentNumbers() {
    }

    /**
     * The sequence's next number in the organization. Holds a lock on the organization's sequence until the
     * transaction ends, so that two postings at once never draw the same number; workflows take it after their
     * row locks (the invoices a payment settles), and entries' after documents', so that it never stands in a cycle.
     */
    static String next(Connection connection, UUID organizationId, Sequence sequence) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            lock.setString(1, sequence.table + ".numbers:" + organizationId);
            lock.execute();
        }
        String prefix = sequence.firstPrefix;
        try (PreparedStatement latest = connection.prepareStatement("SELECT substring(" + sequence.column + " FROM '^(.*?)[0-9]+$') FROM "
                + sequence.table + " WHERE org_id = ? AND " + sequence.column + " ~ '[0-9]$' ORDER BY " + sequence.latestFirst + ", "
                + sequence.column + " DESC LIMIT 1")) {
            latest.setObject(1, organizationId);
            try (ResultSet rs = latest.executeQuery()) {
                if (rs.next()) {
                    prefix = rs.getString(1);
                }
            }
        }
        try (PreparedStatement highest = connection.prepareStatement("SELECT max(substring(" + sequence.column + " FROM ?)::numeric), max(length("
                + sequence.column + ")) FROM " + sequence.table + " WHERE org_id = ? AND left(" + sequence.column + ", ?) = ? AND substring("
                + sequence.column + " FROM ?) ~ '^[0-9]+$'")) {
            highest.setInt(1, prefix.length() + 1);
            highest.setObject(2, organizationId);
            highest.setInt(3, prefix.length());
            highest.setString(4, prefix);
            highest.setInt(5, prefix.length() + 1);
            try (ResultSet rs = highest.executeQuery()) {
                rs.next();
                BigDecimal number = rs.getBigDecimal(1);
                int width = number == null ? Sequence.FIRST_WIDTH : rs.getInt(2) - prefix.length();
                String next = (number == null ? BigInteger.ONE : number.toBigInteger().add(BigInteger.ONE)).toString();
                return prefix + "0".repeat(Math.max(0, width - next.length())) + next;
            }
        }
    }
}
