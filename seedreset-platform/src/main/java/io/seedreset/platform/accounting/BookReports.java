package io.seedreset.platform.accounting;

import io.seedreset.platform.identity.Person;
import io.seedreset.platform.sql.Transactions;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The reports summed from the journal itself (its lines, by their entries' dates), never from a stored balance: the
 * trial balance, profit and loss, and cash. Each is read in one snapshot, so that its figures add up with each other.
 */
public final class BookReports {

    /**
     * Every account that has journal lines up to {@code asOf}, with its balance on the side it falls: the debits equal
     * the credits, whenever every entry balances.
     */
    public record TrialBalance(LocalDate asOf, String currency, List<TrialBalanceLine> accounts, BigDecimal totalDebit,
                               BigDecimal totalCredit) {
    }

    /** An account's balance in the trial balance: debits less credits, as a debit when above zero, else as a credit. */
    public record TrialBalanceLine(UUID accountId, String code, String name, String type, BigDecimal debit, BigDecimal credit) {
    }

    /**
     * Revenue and expenses posted from {@code from} to {@code to} (both days included), by account.
     *
     * @param netIncome total revenue less total expenses (below zero: a loss)
     */
    public record ProfitAndLoss(LocalDate from, LocalDate to, String currency, List<ProfitAndLossLine> revenue, BigDecimal totalRevenue,
                                List<ProfitAndLossLine> expenses, BigDecimal totalExpenses, BigDecimal netIncome) {
    }

    /** What one account earned (credits less debits) or cost (debits less credits) in the range. */
    public record ProfitAndLossLine(UUID accountId, String code, String name, BigDecimal amount) {
    }

    /**
     * The cash in the bank accounts' cash accounts from {@code from} to {@code to} (both days included): per account and per
     * month, what it held before, what came in (debits), what went out (credits) and what it held after. The entry the
     * books open with (source OPENING) is what the accounts held at the start, never money in: dated on or before
     * {@code to}, it counts in the range's opening (and so in its first month's), wherever in the range it falls.
     */
    public record CashReport(LocalDate from, LocalDate to, String currency, List<CashAccount> accounts, List<CashMonth> months,
                             CashFlow totals) {
    }

    /** One bank account's cash over the range; accountCode is its cash account in the chart. */
    public record CashAccount(UUID bankAccountId, String name, String accountCode, BigDecimal opening, BigDecimal moneyIn, BigDecimal moneyOut,
                              BigDecimal closing) {
    }

    /** Every bank account's cash in one calendar month ({@code 2026-09}), its days cut to the report's range. */
    public record CashMonth(String month, LocalDate from, LocalDate to, BigDecimal opening, BigDecimal moneyIn, BigDecimal moneyOut,
                            BigDecimal closing) {
    }

    /** Every bank account's cash over the whole range. */
    public record CashFlow(BigDecimal opening, BigDecimal moneyIn, BigDecimal moneyOut, BigDecimal closing) {
    }

    private static final String LINES = """
            accounting.journal_lines l
              JOIN accounting.journal_entries e ON e.org_id = l.org_id AND e.id = l.entry_id
              JOIN accounting.accounts a ON a.org_id = l.org_id AND a.id = l.account_id""";

    private final DataSource dataSource;
    private final Clock clock;

    public BookReports(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** The trial balance as of the end of {@code asOf} (null: today), accounts by code. */
    public TrialBalance trialBalance(Person person, LocalDate asOf) throws SQLException {
        Bookkeeper books = Bookkeeper.of(person);
        LocalDate day = asOf == null ? Today.of(dataSource, clock, person.organizationId()) : asOf;
        return read(connection -> {
            List<TrialBalanceLine> accounts = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT a.id, a.code, a.name, a.type, sum(l.debit) - sum(l.credit) AS net"
                    + " FROM " + LINES + " WHERE l.org_id = ? AND e.entry_date <= ? GROUP BY a.id, a.code, a.name, a.type ORDER BY a.code, a.id")) {
                statement.setObject(1, books.organizationId());
                statement.setObject(2, day);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        BigDecimal net = rs.getBigDecimal("net");
                        accounts.add(new TrialBalanceLine(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                                rs.getString("type"), net.signum() > 0 ? net : Amounts.ZERO, net.signum() > 0 ? Amounts.ZERO : net.negate()));
                    }
                }
            }
            return new TrialBalance(day, Chart.currency(connection, books.organizationId()), accounts,
                    sum(accounts.stream().map(TrialBalanceLine::debit).toList()), sum(accounts.stream().map(TrialBalanceLine::credit).toList()));
        });
    }

    /**
     * Profit and loss from {@code from} to {@code to}, both days included; revenue and expense accounts by code.
     *
     * @throws IllegalArgumentException when a day is missing or {@code from} is after {@code to} (the front end refuses them first)
     */
    public ProfitAndLoss profitAndLoss(Person person, LocalDate from, LocalDate to) throws SQLException {
        Bookkeeper books = Bookkeeper.of(person);
        requireRange(from, to);
        return read(connection -> {
            List<ProfitAndLossLine> revenue = new ArrayList<>();
            List<ProfitAndLossLine> expenses = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT a.id, a.code, a.name, a.type, sum(l.credit) - sum(l.debit) AS earned"
                    + " FROM " + LINES + " WHERE l.org_id = ? AND e.entry_date BETWEEN ? AND ? AND a.type IN ('REVENUE', 'EXPENSE')"
                    + " GROUP BY a.id, a.code, a.name, a.type ORDER BY a.code, a.id")) {
                statement.setObject(1, books.organizationId());
                statement.setObject(2, from);
                statement.setObject(3, to);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        BigDecimal earned = rs.getBigDecimal("earned");
                        boolean isRevenue = rs.getString("type").equals(AccountType.REVENUE.name());
                        (isRevenue ? revenue : expenses).add(new ProfitAndLossLine(rs.getObject("id", UUID.class), rs.getString("code"),
                                rs.getString("name"), isRevenue ? earned : earned.negate()));
                    }
                }
            }
            BigDecimal totalRevenue = sum(revenue.stream().map(ProfitAndLossLine::amount).toList());
            BigDecimal totalExpenses = sum(expenses.stream().map(ProfitAndLossLine::amount).toList());
            return new ProfitAndLoss(from, to, Chart.currency(connection, books.organizationId()), revenue, totalRevenue, expenses, totalExpenses,
                    totalRevenue.subtract(totalExpenses));
        });
    }

    /**
     * Cash from {@code from} to {@code to}, both days included: bank accounts by their cash account's code, then the months.
     *
     * @throws IllegalArgumentException when a day is missing or {@code from} is after {@code to} (the front end refuses them first)
     */
    public CashReport cash(Person person, LocalDate from, LocalDate to) throws SQLException {
        Bookkeeper books = Bookkeeper.of(person);
        requireRange(from, to);
        UUID org = books.organizationId();
        return read(connection -> {
            List<CashAccount> accounts = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT b.id, b.name, a.code,
                           coalesce(sum(l.debit - l.credit) FILTER (WHERE e.entry_date < ? OR (e.source = 'OPENING' AND e.entry_date <= ?)), 0)
                               AS opening,
                           coalesce(sum(l.debit) FILTER (WHERE e.entry_date BETWEEN ? AND ? AND e.source <> 'OPENING'), 0) AS money_in,
                           coalesce(sum(l.credit) FILTER (WHERE e.entry_date BETWEEN ? AND ? AND e.source <> 'OPENING'), 0) AS money_out
                      FROM accounting.bank_accounts b
                      JOIN accounting.accounts a ON a.org_id = b.org_id AND a.id = b.account_id
                      LEFT JOIN accounting.journal_lines l ON l.org_id = b.org_id AND l.account_id = b.account_id
                      LEFT JOIN accounting.journal_entries e ON e.org_id = l.org_id AND e.id = l.entry_id
                     WHERE b.org_id = ?
                     GROUP BY b.id, b.name, a.code
                     ORDER BY a.code, b.id""")) {
                bind(statement, from, to, from, to, from, to, org);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        BigDecimal opening = rs.getBigDecimal("opening").setScale(2);
                        BigDecimal in = rs.getBigDecimal("money_in").setScale(2);
                        BigDecimal out = rs.getBigDecimal("money_out").setScale(2);
                        accounts.add(new CashAccount(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("code"), opening, in, out,
                                opening.add(in).subtract(out)));
                    }
                }
            }
            Map<YearMonth, BigDecimal[]> flows = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT date_trunc('month', e.entry_date)::date AS month, sum(l.debit) AS money_in, sum(l.credit) AS money_out
                      FROM accounting.journal_lines l
                      JOIN accounting.journal_entries e ON e.org_id = l.org_id AND e.id = l.entry_id
                     WHERE l.org_id = ? AND e.entry_date BETWEEN ? AND ? AND e.source <> 'OPENING'
                       AND l.account_id IN (SELECT account_id FROM accounting.bank_accounts WHERE org_id = ?)
                     GROUP BY 1""")) {
                bind(statement, org, from, to, org);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        flows.put(YearMonth.from(rs.getObject("month", LocalDate.class)),
                                new BigDecimal[] {rs.getBigDecimal("money_in"), rs.getBigDecimal("money_out")});
                    }
                }
            }
            BigDecimal opening = sum(accounts.stream().map(CashAccount::opening).toList());
            List<CashMonth> months = new ArrayList<>();
            BigDecimal held = opening;
            for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
                BigDecimal[] flow = flows.getOrDefault(month, new BigDecimal[] {Amounts.ZERO, Amounts.ZERO});
                BigDecimal closing = held.add(flow[0]).subtract(flow[1]);
                months.add(new CashMonth(month.toString(), later(month.atDay(1), from), earlier(month.atEndOfMonth(), to), held,
                        flow[0].setScale(2), flow[1].setScale(2), closing));
                held = closing;
            }
            BigDecimal in = sum(accounts.stream().map(CashAccount::moneyIn).toList());
            BigDecimal out = sum(accounts.stream().map(CashAccount::moneyOut).toList());
            return new CashReport(from, to, Chart.currency(connection, org), accounts, months,
                    new CashFlow(opening, in, out, opening.add(in).subtract(out)));
        });
    }

    /** The most years a report's range spans: the cash report lists each of its months. */
    public static final int MOST_YEARS = 5;

    static void requireRange(LocalDate from, LocalDate to) {
        if (from == null || to == null || from.isAfter(to) || !to.isBefore(from.plusYears(MOST_YEARS))) {
            throw new IllegalArgumentException("a report's range needs from and to, from not after to, at most " + MOST_YEARS + " years: "
                    + from + " to " + to);
        }
    }

    private <T> T read(Transactions.Work<T> work) throws SQLException {
        return Transactions.inTransaction(dataSource, Connection.TRANSACTION_REPEATABLE_READ, work);
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(Amounts.ZERO, BigDecimal::add);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }
}
