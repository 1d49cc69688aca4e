package io.seedreset.platform.accounting;

import io.seedreset.platform.sql.Sql;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Posting to the journal: the one way a workflow writes an entry. Every entry is checked to balance before a line of it
 * is written, its date is refused inside a closed period ({@link Periods}), and it takes the next number
 * ({@link DocumentNumbers}).
 */
final class Journal {

    /** One line of an entry: a debit or a credit of one account, never both. */
    record Line(UUID accountId, BigDecimal debit, BigDecimal credit, String memo) {

        static Line debit(UUID accountId, BigDecimal amount, String memo) {
            return new Line(accountId, amount, BigDecimal.ZERO.setScale(2), memo);
        }

        static Line credit(UUID accountId, BigDecimal amount, String memo) {
            return new Line(accountId, BigDecimal.ZERO.setScale(2), amount, memo);
        }
    }

    /** What is posted: where it comes from (the table's source: INVOICE, PAYMENT, PAYROLL), when, by whom, and its lines. */
    record Posting(LocalDate date, String source, String memo, String currency, String createdBy, Instant postedAt, List<Line> lines) {
    }

    /** An entry as posted. */
    record PostedEntry(UUID id, String number) {
    }

    private Journal() {
    }

    /**
     * Posts the entry. Lines of zero are left out (a line is a debit or a credit of something).
     *
     * @throws io.seedreset.platform.workflow.WorkflowRefused conflict {@code period_closed} for a date inside a closed period
     * @throws IllegalStateException                            when the lines do not balance: a workflow's bug, never the caller's
     */
    static PostedEntry post(Connection connection, UUID organizationId, Posting posting) throws SQLException {
        List<Line> lines = posting.lines().stream().filter(line -> line.debit().signum() != 0 || line.credit().signum() != 0).toList();
        BigDecimal debits = lines.stream().map(Line::debit).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal credits = lines.stream().map(Line::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (lines.isEmpty() || debits.compareTo(credits) != 0) {
            throw new IllegalStateException("an entry (" + posting.memo() + ") must balance: debits " + debits + ", credits " + credits);
        }
        Periods.requireOpen(connection, organizationId, posting.date());
        UUID id = UUID.randomUUID();
        String number = DocumentNumbers.next(connection, organizationId, DocumentNumbers.Sequence.ENTRIES);
        Sql.execute(connection, """
                INSERT INTO accounting.journal_entries (org_id, id, entry_number, entry_date, posted_at, source, memo, currency, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                organizationId, id, number, posting.date(), posting.postedAt(), posting.source(), posting.memo(), posting.currency(),
                posting.createdBy());
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO accounting.journal_lines (org_id, id, entry_id, line_no, account_id, debit, credit, memo)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            int lineNo = 1;
            for (Line line : lines) {
                statement.setObject(1, organizationId);
                statement.setObject(2, UUID.randomUUID());
                statement.setObject(3, id);
                statement.setInt(4, lineNo++);
                statement.setObject(5, line.accountId());
                statement.setBigDecimal(6, line.debit());
                statement.setBigDecimal(7, line.credit());
                statement.setString(8, line.memo());
                statement.addBatch();
            }
            statement.executeBatch();
        }
        return new PostedEntry(id, number);
    }
}
