package io.seedreset.platform.accounting;

import io.seedreset.platform.identity.Person;
import io.seedreset.platform.sql.Select;
import io.seedreset.platform.sql.Slice;
import io.seedreset.platform.sql.Transactions;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The books' setup: the chart of accounts, by code, each account with its balance as of a day, summed from the journal;
 * the tax rates invoice lines may charge; and the reporting periods, open or closed.
 */
public final class ChartQueries {

    /**
     * An account of the chart.
     *
     * @param control the posting the platform makes to it by itself (RECEIVABLES, SALES_TAX, ...), or null
     * @param balance the sum of its journal lines dated up to the day asked, on its normal side: debits less credits for
     *                assets and expenses, credits less debits for the rest (a contra account's is below zero)
     */
    public record Account(UUID id, String code, String name, String type, String control, String currency, boolean active,
                          BigDecimal balance) {
    }

    /** A sales tax rate an invoice line may charge ({@code taxRateId}); what it collects is owed on account {@code accountCode}. */
    public record TaxRate(UUID id, String name, BigDecimal rate, String accountCode, boolean active) {
    }

    /**
     * A reporting period: OPEN, or CLOSED at {@code closedAt} by {@code closedBy}, after which nothing is posted with a date
     * inside it.
     */
    public record Period(UUID id, String name, LocalDate startsOn, LocalDate endsOn, String status, Instant closedAt,
                         String closedBy) {
    }

    private final DataSource dataSource;
    private final Clock clock;

    public ChartQueries(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * The organization's accounts, of one type when {@code type} is given, by code.
     *
     * @param asOf the day the balances are as of (its entries included); null for today
     */
    public Slice<Account> list(Person person, AccountType type, LocalDate asOf, int offset, int limit) throws SQLException {
        Bookkeeper books = Bookkeeper.of(person);
        LocalDate day = asOf == null ? Today.of(dataSource, clock, person.organizationId()) : asOf;
        return Transactions.inTransaction(dataSource, Connection.TRANSACTION_REPEATABLE_READ, connection -> new Select("""
                a.id, a.code, a.name, a.type, a.control, a.currency, a.active, coalesce(s.debits, 0) AS debits,
                coalesce(s.credits, 0) AS credits""", """
                accounting.accounts a
                  LEFT JOIN LATERAL (SELECT sum(l.debit) AS debits, sum(l.credit) AS credits
                                       FROM accounting.journal_lines l
                                       JOIN accounting.journal_entries e ON e.org_id = l.org_id AND e.id = l.entry_id
                                      WHERE l.org_id = a.org_id AND l.account_id = a.id AND e.entry_date <= ?) s ON true""",
                List.of(day), "a.org_id", books.organizationId())
                .whereEquals("a.type", type)
                .page(connection, "a.code, a.id", offset, limit, ChartQueries::account));
    }

    /** The organization's tax rates, by name. */
    public Slice<TaxRate> taxRates(Person person, int offset, int limit) throws SQLException {
        Bookkeeper books = Bookkeeper.of(person);
        return Transactions.inTransaction(dataSource, Connection.TRANSACTION_REPEATABLE_READ, connection -> new Select(
                "t.id, t.name, t.rate, a.code, t.active",
                "accounting.tax_rates t JOIN accounting.accounts a ON a.org_id = t.org_id AND a.id = t.account_id",
                List.of(), "t.org_id", books.organizationId())
                .page(connection, "t.name, t.id", offset, limit, rs -> new TaxRate(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getBigDecimal("rate"), rs.getString("code"), rs.getBoolean("active"))));
    }

    /** The organization's reporting periods, latest first: the open ones and the closed ones before them. */
    public Slice<Period> periods(Person person, int offset, int limit) throws SQLException {
        Bookkeeper books = Bookkeeper.of(person);
        return Transactions.inTransaction(dataSource, Connection.TRANSACTION_REPEATABLE_READ, connection -> new Select(
                "p.id, p.name, p.starts_on, p.ends_on, p.status, p.closed_at, p.closed_by", "accounting.periods p", List.of(),
                "p.org_id", books.organizationId())
                .page(connection, "p.starts_on DESC, p.id", offset, limit, rs -> new Period(rs.getObject("id", UUID.class),
                        rs.getString("name"), rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                        rs.getString("status"), Optional.ofNullable(rs.getTimestamp("closed_at")).map(Timestamp::toInstant).orElse(null),
                        rs.getString("closed_by"))));
    }

    private static Account account(ResultSet rs) throws SQLException {
        AccountType type = AccountType.valueOf(rs.getString("type"));
        BigDecimal debits = rs.getBigDecimal("debits");
        BigDecimal credits = rs.getBigDecimal("credits");
        return new Account(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"), type.name(), rs.getString("control"),
                rs.getString("currency"), rs.getBoolean("active"),
                (type.debitNormal() ? debits.subtract(credits) : credits.subtract(debits)).setScale(2));
    }
}
