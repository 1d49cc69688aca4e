package io.seedreset.platform.accounting;

import io.seedreset.platform.identity.Person;
import io.seedreset.platform.sql.Select;
import io.seedreset.platform.sql.Slice;
import io.seedreset.platform.sql.Transactions;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The journal as it was posted: each entry with its lines. Every document answers the entry it posted (entryId,
 * entryNumber); this is where that entry is looked up. The owner and the accountants read it.
 */
public final class JournalQueries {

    /**
     * One posted entry.
     *
     * @param entryDate the accounting date (the period it falls in); postedAt when it was recorded
     * @param source    one of {@link EntrySource}
     * @param lines     its lines in order, debits equal to credits
     */
    public record JournalEntry(UUID id, String entryNumber, LocalDate entryDate, Instant postedAt, String source, String memo, String currency,
                               String createdBy, BigDecimal totalDebit, BigDecimal totalCredit, List<JournalLine> lines) {
    }

    /** One line of an entry: a debit or a credit of one account. */
    public record JournalLine(UUID id, int lineNo, UUID accountId, String accountCode, String accountName, BigDecimal debit, BigDecimal credit,
                              String memo) {
    }

    /**
     * The filters of the list; each one left null is not applied.
     *
     * @param from dated on or after this day; {@code to} on or before that one
     */
    public record Filter(LocalDate from, LocalDate to, EntrySource source) {
    }

    private static final String COLUMNS = """
            e.id, e.entry_number, e.entry_date, e.posted_at, e.source, e.memo, e.currency, e.created_by""";
    private static final String FROM = "accounting.journal_entries e";

    private final DataSource dataSource;

    public JournalQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The organization's entries matching the filter, newest first (by date, then number). */
    public Slice<JournalEntry> list(Person person, Filter filter, int offset, int limit) throws SQLException {
        Bookkeeper books = Bookkeeper.of(person);
        UUID org = books.organizationId();
        Select select = new Select(COLUMNS, FROM, "e.org_id", org).whereEquals("e.source", filter.source());
        if (filter.from() != null) {
            select.where("e.entry_date >= ?", filter.from());
        }
        if (filter.to() != null) {
            select.where("e.entry_date <= ?", filter.to());
        }
        return Transactions.inTransaction(dataSource, Connection.TRANSACTION_REPEATABLE_READ, connection -> {
            Slice<Select.Parent<JournalEntry, JournalLine>> page =
                    select.page(connection, "e.entry_date DESC, e.entry_number DESC, e.id", offset, limit, JournalQueries::entry);
            return new Slice<>(withLines(connection, org, page.items()), page.total());
        });
    }

    /** The organization's entry with this id, with its lines. */
    public Optional<JournalEntry> find(Person person, UUID id) throws SQLException {
        Bookkeeper books = Bookkeeper.of(person);
        UUID org = books.organizationId();
        return Transactions.inTransaction(dataSource, Connection.TRANSACTION_REPEATABLE_READ, connection ->
                withLines(connection, org, new Select(COLUMNS, FROM, "e.org_id", org).where("e.id = ?", id)
                        .all(connection, "e.id", JournalQueries::entry)).stream().findFirst());
    }

    private static List<JournalEntry> withLines(Connection connection, UUID organizationId, List<Select.Parent<JournalEntry, JournalLine>> entries)
            throws SQLException {
        return new Select("l.entry_id, l.id, l.line_no, l.account_id, a.code, a.name, l.debit, l.credit, l.memo",
                "accounting.journal_lines l JOIN accounting.accounts a ON a.org_id = l.org_id AND a.id = l.account_id", "l.org_id", organizationId)
                .children(connection, entries, "l.entry_id", "l.line_no", rs -> new JournalLine(rs.getObject("id", UUID.class), rs.getInt("line_no"),
                        rs.getObject("account_id", UUID.class), rs.getString("code"), rs.getString("name"), rs.getBigDecimal("debit"),
                        rs.getBigDecimal("credit"), rs.getString("memo")));
    }

    private static Select.Parent<JournalEntry, JournalLine> entry(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String number = rs.getString("entry_number");
        LocalDate entryDate = rs.getObject("entry_date", LocalDate.class);
        Instant postedAt = Select.instant(rs, "posted_at");
        String source = rs.getString("source");
        String memo = rs.getString("memo");
        String currency = rs.getString("currency");
        String createdBy = rs.getString("created_by");
        return new Select.Parent<>(id, lines -> new JournalEntry(id, number, entryDate, postedAt, source, memo, currency, createdBy,
                lines.stream().map(JournalLine::debit).reduce(Amounts.ZERO, BigDecimal::add),
                lines.stream().map(JournalLine::credit).reduce(Amounts.ZERO, BigDecimal::add), lines));
    }
}
