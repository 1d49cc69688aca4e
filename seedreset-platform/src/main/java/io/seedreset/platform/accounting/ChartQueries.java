package io.seedreset.platform.accounting;

import io.seedreset.platform.identity.Person;
import io.seedreset.platform.sql.Select;
import io.seedreset.platform.sql.Slice;
import io.seedreset.platform.sql.Transactions;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** The chart of accounts, by code, each account with its balance as of a day, summed from the journal. */
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
        LocalDate day = asOf == null ? Today.of(clock) : asOf;
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

    private static Account account(ResultSet rs) throws SQLException {
        AccountType type = AccountType.valueOf(rs.getString("type"));
        BigDecimal debits = rs.getBigDecimal("debits");
        BigDecimal credits = rs.getBigDecimal("credits");
        return new Account(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"), type.name(), rs.getString("control"),
                rs.getString("currency"), rs.getBoolean("active"),
                (type.debitNormal() ? debits.subtract(credits) : credits.subtract(debits)).setScale(2));
    }
}
