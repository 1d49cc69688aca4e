package io.seedreset.platform.accounting;

import io.seedreset.platform.identity.Person;
import io.seedreset.platform.sql.Sql;
import io.seedreset.platform.sql.Transactions;
import io.seedreset.platform.workflow.WorkflowRefused;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The owner changes an employee's salary or title: the next payroll run pays the new salary. An accountant does the
 * books, not payroll (403). The checks, in order: the caller is the owner (403); the change is well formed (400: nothing
 * to change, a salary not above zero or finer than a cent, a blank title); the employee exists (404).
 */
public final class EmployeeChanges {

    /** The most characters a title holds. */
    public static final int LONGEST_TITLE = 120;

    /** What to change; a field left null keeps its value. */
    public record EmployeeChange(BigDecimal annualSalary, String title) {
    }

    private final DataSource dataSource;

    public EmployeeChanges(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public PayrollQueries.Employee change(Person person, UUID employeeId, EmployeeChange change) throws SQLException {
        Bookkeeper owner = Bookkeeper.of(person).requireOwner("change an employee's salary or title");
        if (change == null || change.annualSalary() == null && change.title() == null) {
            throw WorkflowRefused.invalid("nothing to change: give annualSalary, title or both");
        }
        BigDecimal salary = change.annualSalary() == null ? null : Amounts.positive(change.annualSalary(), "annualSalary");
        String title = change.title() == null ? null : change.title().strip();
        if (title != null && (title.isEmpty() || title.length() > LONGEST_TITLE)) {
            throw WorkflowRefused.invalid("title must be 1 to " + LONGEST_TITLE + " characters, not " + title.length());
        }
        return Transactions.inTransaction(dataSource, connection -> {
            UUID org = owner.organizationId();
            if (Sql.execute(connection, """
                    UPDATE accounting.employees SET annual_salary = coalesce(?, annual_salary), title = coalesce(?, title)
                     WHERE org_id = ? AND id = ?""", salary, title, org, employeeId) == 0) {
                throw WorkflowRefused.notFound("employee", employeeId);
            }
            return PayrollQueries.employee(connection, org, employeeId).orElseThrow();
        });
    }
}
