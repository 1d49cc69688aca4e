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

/** The employees and their monthly payroll runs: the owner and the accountants read them; only the owner changes them. */
public final class PayrollQueries {

    /** Someone the business pays. */
    public record Employee(UUID id, String firstName, String lastName, String email, String title, String department, BigDecimal annualSalary,
                           String currency, LocalDate hiredOn, boolean active, Instant createdAt) {
    }

    /**
     * One month's payroll: gross pay, what is withheld (taxes, benefits) and owed on, and the net paid to the employees.
     *
     * @param status  DRAFT or PAID; a paid run posted the entry entryId (entryNumber)
     * @param lines   each employee's pay, by name
     */
    public record PayrollRun(UUID id, LocalDate periodStart, LocalDate periodEnd, LocalDate payDate, String status, String currency,
                             BigDecimal gross, BigDecimal withholding, BigDecimal net, UUID entryId, String entryNumber, Instant createdAt,
                             List<PayrollLine> lines) {
    }

    /** One employee's pay in a run. */
    public record PayrollLine(UUID id, UUID employeeId, String employeeName, BigDecimal gross, BigDecimal withholding, BigDecimal net) {
    }

    private static final String EMPLOYEE_COLUMNS = """
            e.id, e.first_name, e.last_name, e.email, e.title, e.department, e.annual_salary, e.currency, e.hired_on, e.active, e.created_at""";
    private static final String RUN_COLUMNS = """
            r.id, r.period_start, r.period_end, r.pay_date, r.status, r.currency, r.gross, r.withholding, r.net, r.entry_id, j.entry_number,
            r.created_at""";
    private static final String RUN_FROM = """
            accounting.payroll_runs r LEFT JOIN accounting.journal_entries j ON j.org_id = r.org_id AND j.id = r.entry_id""";

    private final DataSource dataSource;

    public PayrollQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The organization's employees, by last name, only those (in)active when {@code active} is given. */
    public Slice<Employee> employees(Person person, Boolean active, int offset, int limit) throws SQLException {
        Bookkeeper books = Bookkeeper.of(person);
        Select select = new Select(EMPLOYEE_COLUMNS, "accounting.employees e", "e.org_id", books.organizationId());
        if (active != null) {
            select.where("e.active = ?", active);
        }
        return Transactions.inTransaction(dataSource, Connection.TRANSACTION_REPEATABLE_READ,
                connection -> select.page(connection, "e.last_name, e.first_name, e.id", offset, limit, PayrollQueries::employee));
    }

    /** The organization's payroll runs, latest month first, each with its lines. */
    public Slice<PayrollRun> runs(Person person, int offset, int limit) throws SQLException {
        Bookkeeper books = Bookkeeper.of(person);
        UUID org = books.organizationId();
        return Transactions.inTransaction(dataSource, Connection.TRANSACTION_REPEATABLE_READ, connection -> {
            Slice<Select.Parent<PayrollRun, PayrollLine>> page = new Select(RUN_COLUMNS, RUN_FROM, "r.org_id", org)
                    .page(connection, "r.period_start DESC, r.id", offset, limit, PayrollQueries::run);
            return new Slice<>(withLines(connection, org, page.items()), page.total());
        });
    }

    /** The employee as the caller's transaction sees it. */
    static Optional<Employee> employee(Connection connection, UUID organizationId, UUID id) throws SQLException {
        return new Select(EMPLOYEE_COLUMNS, "accounting.employees e", "e.org_id", organizationId).where("e.id = ?", id)
                .one(connection, PayrollQueries::employee);
    }

    /** The run as the caller's transaction sees it: how a workflow answers what it wrote. */
    static Optional<PayrollRun> run(Connection connection, UUID organizationId, UUID id) throws SQLException {
        return withLines(connection, organizationId, new Select(RUN_COLUMNS, RUN_FROM, "r.org_id", organizationId).where("r.id = ?", id)
                .all(connection, "r.id", PayrollQueries::run)).stream().findFirst();
    }

    private static List<PayrollRun> withLines(Connection connection, UUID organizationId, List<Select.Parent<PayrollRun, PayrollLine>> runs)
            throws SQLException {
        return new Select("l.run_id, l.id, l.employee_id, e.first_name || ' ' || e.last_name AS employee_name, l.gross, l.withholding, l.net",
                "accounting.payroll_lines l JOIN accounting.employees e ON e.org_id = l.org_id AND e.id = l.employee_id", "l.org_id", organizationId)
                .children(connection, runs, "l.run_id", "e.last_name, e.first_name, l.id", rs -> new PayrollLine(rs.getObject("id", UUID.class),
                        rs.getObject("employee_id", UUID.class), rs.getString("employee_name"), rs.getBigDecimal("gross"),
                        rs.getBigDecimal("withholding"), rs.getBigDecimal("net")));
    }

    private static Employee employee(ResultSet rs) throws SQLException {
        return new Employee(rs.getObject("id", UUID.class), rs.getString("first_name"), rs.getString("last_name"), rs.getString("email"),
                rs.getString("title"), rs.getString("department"), rs.getBigDecimal("annual_salary"), rs.getString("currency"),
                rs.getObject("hired_on", LocalDate.class), rs.getBoolean("active"), Select.instant(rs, "created_at"));
    }

    private static Select.Parent<PayrollRun, PayrollLine> run(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        LocalDate periodStart = rs.getObject("period_start", LocalDate.class);
        LocalDate periodEnd = rs.getObject("period_end", LocalDate.class);
        LocalDate payDate = rs.getObject("pay_date", LocalDate.class);
        String status = rs.getString("status");
        String currency = rs.getString("currency");
        BigDecimal gross = rs.getBigDecimal("gross");
        BigDecimal withholding = rs.getBigDecimal("withholding");
        BigDecimal net = rs.getBigDecimal("net");
        UUID entryId = rs.getObject("entry_id", UUID.class);
        String entryNumber = rs.getString("entry_number");
        Instant createdAt = Select.instant(rs, "created_at");
        return new Select.Parent<>(id, lines -> new PayrollRun(id, periodStart, periodEnd, payDate, status, currency, gross, withholding, net,
                entryId, entryNumber, createdAt, lines));
    }
}
