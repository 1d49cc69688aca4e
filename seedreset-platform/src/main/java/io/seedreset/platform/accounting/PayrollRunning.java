package io.seedreset.platform.accounting;

import io.seedreset.platform.identity.Person;
import io.seedreset.platform.sql.Sql;
import io.seedreset.platform.sql.Transactions;
import io.seedreset.platform.workflow.WorkflowRefused;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The owner runs a month's payroll for the active employees hired by the month's end, in one transaction: the run (PAID) and a line per
 * employee; the entry (Dr 6000 Salaries &amp; Wages the gross; Cr payroll liabilities, the account marked
 * PAYROLL_LIABILITIES, what is withheld; Cr 1000 the net, paid); and, when a bank account keeps account 1000, the
 * net as a bank transaction of that entry and the account's balance. Every refusal writes nothing.
 *
 * <p>Each employee's gross is their annual salary over twelve, to the cent; what is withheld is the gross times the
 * employee's own rate, to the cent: what their line of the latest paid run that paid them withheld of its gross (taxes
 * and benefits are a person's own, so one person's rate is not another's); for someone not paid before, what the latest
 * paid run withheld of its gross; {@link #FIRST_WITHHOLDING_RATE} for the first run (rates to four decimals). The net
 * is the rest. A run's figures are its lines' sums.
 *
 * <p>A month may already have a run prepared ahead of payday and not paid (DRAFT): running the month pays that run, its
 * id kept, rather than refusing the month or making a second run of it. Its figures are worked out again as above (a
 * draft is not final: a salary may have changed since), so its lines become exactly the pay of the active employees.
 *
 * <p>The checks, in order: the caller is the owner (403: an accountant does the books, not payroll); the month is not
 * after this one, the pay date not after today nor before the month (400); the month is not before the books start (409
 * {@code before_books}); the month has no paid run yet (409 {@code payroll_already_run}); someone active was hired by
 * the month's end (409 {@code no_active_employees}); the chart has the accounts (409 {@code account_missing}); the pay date is in no closed
 * period (409 {@code period_closed}). The organization's runs are taken one at a time (a lock held to the commit), so
 * that two owners running one month at once get one run and one refusal.
 */
public final class PayrollRunning {

    /** What a first run withholds of the gross, when no earlier run says what this business withholds. */
    public static final BigDecimal FIRST_WITHHOLDING_RATE = new BigDecimal("0.2200");

    /** The account a run debits with its gross pay. */
    static final String WAGES = "6000";
    /** The cash account a run pays its net from. */
    static final String PAID_FROM = "1000";

    /**
     * The run to make.
     *
     * @param month   the month to pay; null for this month
     * @param payDate the day it is paid, its entry's; null for today
     */
    public record PayrollRequest(YearMonth month, LocalDate payDate) {
    }

    private record Pay(UUID employeeId, BigDecimal gross, BigDecimal withholding, BigDecimal net) {
    }

    private final DataSource dataSource;
    private final Clock clock;

    public PayrollRunning(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public PayrollQueries.PayrollRun run(Person person, PayrollRequest request) throws SQLException {
        Bookkeeper owner = Bookkeeper.of(person).requireOwner("run payroll");
        LocalDate today = Today.of(dataSource, clock, person.organizationId());
        YearMonth month = request == null || request.month() == null ? YearMonth.from(today) : request.month();
        LocalDate payDate = request == null || request.payDate() == null ? today : request.payDate();
        if (month.isAfter(YearMonth.from(today))) {
            throw WorkflowRefused.invalid("month " + month + " is after this month (" + YearMonth.from(today) + "): pay a month once it has begun");
        }
        if (payDate.isAfter(today)) {
            // Paid ahead, the bank's balance would move today for money that leaves on a later day.
            throw WorkflowRefused.invalid("payDate " + payDate + " is after today (" + today + "): run a payroll on or after its pay date");
        }
        if (payDate.isBefore(month.atDay(1))) {
            throw WorkflowRefused.invalid("payDate " + payDate + " is before " + month + ", the month it pays: pay a month on or after its first day");
        }
        return Transactions.inTransaction(dataSource, connection -> {
            UUID org = owner.organizationId();
            Instant now = clock.instant();
            LocalDate firstDay = Periods.firstDay(connection, org);
            if (firstDay != null && month.isBefore(YearMonth.from(firstDay))) {
                throw WorkflowRefused.conflict("before_books", "the books start on " + firstDay + ": month " + month
                        + " is before them; pay a month from " + YearMonth.from(firstDay) + " on",
                        Map.of("firstDay", firstDay.toString(), "month", month.toString()));
            }
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                lock.setString(1, "accounting.payroll_runs:" + org);
                lock.execute();
            }
            UUID draft = draftOf(connection, org, month);
            List<Pay> pay = pay(connection, org, month, withholdingRate(connection, org));
            if (pay.isEmpty()) {
                throw WorkflowRefused.conflict("no_active_employees", "no employee is active to be paid for " + month
                        + ": the payroll pays the active employees hired by the month's end", Map.of("month", month.toString()));
            }
            BigDecimal gross = pay.stream().map(Pay::gross).reduce(Amounts.ZERO, BigDecimal::add);
            BigDecimal withholding = pay.stream().map(Pay::withholding).reduce(Amounts.ZERO, BigDecimal::add);
            BigDecimal net = gross.subtract(withholding);
            String currency = Chart.currency(connection, org);

            String memo = "Payroll " + month + " (" + pay.size() + (pay.size() == 1 ? " employee)" : " employees)");
            Chart.ChartAccount cash = Chart.required(connection, org, PAID_FROM, "run payroll");
            Journal.PostedEntry entry = Journal.post(connection, org, new Journal.Posting(payDate, "PAYROLL", memo, currency, owner.email(), now,
                    List.of(Journal.Line.debit(Chart.required(connection, org, WAGES, "run payroll").id(), gross, memo),
                            Journal.Line.credit(Chart.control(connection, org, "PAYROLL_LIABILITIES", "run payroll").id(), withholding,
                                    "Withheld, " + month),
                            Journal.Line.credit(cash.id(), net, "Net pay, " + month))));

            UUID id = draft == null ? UUID.randomUUID() : draft;
            if (draft == null) {
                Sql.execute(connection, """
                        INSERT INTO accounting.payroll_runs (org_id, id, period_start, period_end, pay_date, status, currency, gross, withholding,
                                                             net, entry_id, created_at)
                        VALUES (?, ?, ?, ?, ?, 'PAID', ?, ?, ?, ?, ?, ?)""",
                        org, id, month.atDay(1), month.atEndOfMonth(), payDate, currency, gross, withholding, net, entry.id(), now);
            } else {
                Sql.execute(connection, """
                        UPDATE accounting.payroll_runs SET period_end = ?, pay_date = ?, status = 'PAID', currency = ?, gross = ?, withholding = ?,
                                                           net = ?, entry_id = ?
                         WHERE org_id = ? AND id = ?""",
                        month.atEndOfMonth(), payDate, currency, gross, withholding, net, entry.id(), org, id);
                // The draft's lines of anyone no longer paid go; the others are paid as worked out now.
                Sql.execute(connection, "DELETE FROM accounting.payroll_lines WHERE org_id = ? AND run_id = ? AND NOT employee_id = ANY (?)",
                        org, id, connection.createArrayOf("uuid", pay.stream().map(Pay::employeeId).toArray()));
            }
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO accounting.payroll_lines (org_id, id, run_id, employee_id, gross, withholding, net) VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (org_id, run_id, employee_id)
                    DO UPDATE SET gross = EXCLUDED.gross, withholding = EXCLUDED.withholding, net = EXCLUDED.net""")) {
                for (Pay line : pay) {
                    statement.setObject(1, org);
                    statement.setObject(2, UUID.randomUUID());
                    statement.setObject(3, id);
                    statement.setObject(4, line.employeeId());
                    statement.setBigDecimal(5, line.gross());
                    statement.setBigDecimal(6, line.withholding());
                    statement.setBigDecimal(7, line.net());
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            // The net leaves the bank that keeps the cash account, as the statement will show it.
            if (Sql.execute(connection, """
                    INSERT INTO accounting.bank_transactions (org_id, id, bank_account_id, posted_on, description, amount, payment_id, entry_id,
                                                              reconciliation_id, created_at)
                    SELECT org_id, ?, id, ?, ?, ?, NULL, ?, NULL, ? FROM accounting.bank_accounts WHERE org_id = ? AND account_id = ?""",
                    UUID.randomUUID(), payDate, memo, net.negate(), entry.id(), now, org, cash.id()) == 1) {
                Sql.execute(connection, "UPDATE accounting.bank_accounts SET balance = balance - ? WHERE org_id = ? AND account_id = ?",
                        net, org, cash.id());
            }
            return PayrollQueries.run(connection, org, id).orElseThrow();
        });
    }

    /**
     * The month's draft run to pay, if it has one; none when the month was not prepared. The run's row is held (FOR UPDATE)
     * until the commit.
     *
     * @throws WorkflowRefused conflict {@code payroll_already_run} when the month's run is paid
     */
    private static UUID draftOf(Connection connection, UUID org, YearMonth month) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT id, status, pay_date FROM accounting.payroll_runs WHERE org_id = ? AND period_start = ? FOR UPDATE""")) {
            statement.setObject(1, org);
            statement.setObject(2, month.atDay(1));
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                UUID id = rs.getObject("id", UUID.class);
                if (!rs.getString("status").equals("DRAFT")) {
                    throw WorkflowRefused.conflict("payroll_already_run", "the payroll of " + month + " was run already (paid "
                                    + rs.getObject("pay_date", LocalDate.class) + "): a month is paid once",
                            Map.of("month", month.toString(), "payrollRunId", id.toString()));
                }
                return id;
            }
        }
    }

    /** What the latest paid run withheld of its gross, to four decimals (the first rate when there is none): a newcomer's rate. */
    private static BigDecimal withholdingRate(Connection connection, UUID org) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT withholding, gross FROM accounting.payroll_runs WHERE org_id = ? AND status = 'PAID' AND gross > 0
                 ORDER BY period_start DESC LIMIT 1""")) {
            statement.setObject(1, org);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getBigDecimal("withholding").divide(rs.getBigDecimal("gross"), 4, RoundingMode.HALF_UP) : FIRST_WITHHOLDING_RATE;
            }
        }
    }

    /**
     * The pay of each active employee hired by the month's last day, in id order, each withheld at their own rate (the
     * share their latest paid line withheld) or, paid for the first time, at {@code newcomersRate}. Their rows are held
     * (FOR SHARE) so that a salary cannot change under the run.
     */
    private static List<Pay> pay(Connection connection, UUID org, YearMonth month, BigDecimal newcomersRate) throws SQLException {
        List<Pay> pay = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT e.id, e.annual_salary, last.withholding AS last_withholding, last.gross AS last_gross
                  FROM accounting.employees e
                  LEFT JOIN LATERAL (SELECT l.withholding, l.gross FROM accounting.payroll_lines l
                                       JOIN accounting.payroll_runs r ON r.org_id = l.org_id AND r.id = l.run_id
                                      WHERE l.org_id = e.org_id AND l.employee_id = e.id AND r.status = 'PAID' AND l.gross > 0
                                      ORDER BY r.period_start DESC LIMIT 1) last ON true
                 WHERE e.org_id = ? AND e.active AND e.hired_on <= ? ORDER BY e.id FOR SHARE OF e""")) {
            statement.setObject(1, org);
            statement.setObject(2, month.atEndOfMonth());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    BigDecimal gross = rs.getBigDecimal("annual_salary").divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
                    BigDecimal lastGross = rs.getBigDecimal("last_gross");
                    BigDecimal rate = lastGross == null ? newcomersRate : rs.getBigDecimal("last_withholding").divide(lastGross, 4, RoundingMode.HALF_UP);
                    BigDecimal withholding = Amounts.rounded(gross.multiply(rate));
                    pay.add(new Pay(rs.getObject("id", UUID.class), gross, withholding, gross.subtract(withholding)));
                }
            }
        }
        return pay;
    }
}
