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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Accounts receivable: the invoices, newest first, each with its lines and the payments allocated to it. */
public final class InvoiceQueries {

    /**
     * An invoice.
     *
     * @param status      one of {@link InvoiceStatus}
     * @param balance     what is still owed: the total less what payments allocated to it
     * @param entryId     the journal entry its issue posted (null for a draft), and that entry's number
     * @param lines       its lines, in order
     * @param allocations the payments that settled it, oldest first
     */
    public record Invoice(UUID id, String invoiceNumber, UUID customerId, String customerName, LocalDate issueDate, LocalDate dueDate,
                          String status, String currency, BigDecimal subtotal, BigDecimal tax, BigDecimal total, BigDecimal balance,
                          UUID entryId, String entryNumber, String memo, Instant createdAt, List<InvoiceLine> lines,
                          List<InvoiceAllocation> allocations) {
    }

    /**
     * One line of an invoice: quantity times unit price, credited to a revenue account, and the tax it carries.
     *
     * @param taxRateId the tax rate it was charged at, or null (and tax 0)
     */
    public record InvoiceLine(UUID id, int lineNo, String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount,
                              UUID taxRateId, String taxRateName, BigDecimal tax, UUID accountId, String accountCode) {
    }

    /** What one payment settled of an invoice, and on which day. */
    public record InvoiceAllocation(UUID id, UUID paymentId, String paymentNumber, LocalDate allocatedOn, BigDecimal amount) {
    }

    /**
     * The filters of the list; each one left null is not applied.
     *
     * @param overdue    true: open (issued or partly paid) with a balance and due before today; false: every other invoice
     * @param issuedFrom issued on or after this day; {@code issuedTo} on or before that one
     */
    public record Filter(InvoiceStatus status, UUID customerId, Boolean overdue, LocalDate issuedFrom, LocalDate issuedTo) {
    }

    /** What makes an invoice overdue on a day ({@code ?} is the day). */
    static final String OVERDUE = "(i.status IN ('ISSUED', 'PARTIALLY_PAID') AND i.balance > 0 AND i.due_date < ?)";

    private static final String COLUMNS = """
            i.id, i.invoice_number, i.customer_id, c.name AS customer_name, i.issue_date, i.due_date, i.status, i.currency,
            i.subtotal, i.tax, i.total, i.balance, i.entry_id, e.entry_number, i.memo, i.created_at""";
    private static final String FROM = """
            accounting.invoices i
              JOIN accounting.customers c ON c.org_id = i.org_id AND c.id = i.customer_id
              LEFT JOIN accounting.journal_entries e ON e.org_id = i.org_id AND e.id = i.entry_id""";

    private final DataSource dataSource;
    private final Clock clock;

    public InvoiceQueries(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** The organization's invoices matching the filter, newest first (by issue date, then number). */
    public Slice<Invoice> list(Person person, Filter filter, int offset, int limit) throws SQLException {
        Bookkeeper books = Bookkeeper.of(person);
        UUID org = books.organizationId();
        Select select = new Select(COLUMNS, FROM, "i.org_id", org).whereEquals("i.status", filter.status());
        if (filter.customerId() != null) {
            select.where("i.customer_id = ?", filter.customerId());
        }
        if (filter.overdue() != null) {
            select.where(filter.overdue() ? OVERDUE : "NOT " + OVERDUE, Today.of(dataSource, clock, person.organizationId()));
        }
        if (filter.issuedFrom() != null) {
            select.where("i.issue_date >= ?", filter.issuedFrom());
        }
        if (filter.issuedTo() != null) {
            select.where("i.issue_date <= ?", filter.issuedTo());
        }
        return Transactions.inTransaction(dataSource, Connection.TRANSACTION_REPEATABLE_READ, connection -> {
            Slice<Select.Parent<Select.Parent<Invoice, InvoiceAllocation>, InvoiceLine>> page =
                    select.page(connection, "i.issue_date DESC, i.invoice_number DESC, i.id", offset, limit, InvoiceQueries::invoice);
            return new Slice<>(assemble(connection, org, page.items()), page.total());
        });
    }

    /** The organization's invoice with this id, with its lines and allocations. */
    public Optional<Invoice> find(Person person, UUID id) throws SQLException {
        Bookkeeper books = Bookkeeper.of(person);
        return Transactions.inTransaction(dataSource, Connection.TRANSACTION_REPEATABLE_READ, connection -> one(connection, books.organizationId(), id));
    }

    /** The invoice as the caller's transaction sees it: how a workflow answers what it wrote. */
    static Optional<Invoice> one(Connection connection, UUID organizationId, UUID id) throws SQLException {
        return assemble(connection, organizationId, new Select(COLUMNS, FROM, "i.org_id", organizationId).where("i.id = ?", id)
                .all(connection, "i.id", InvoiceQueries::invoice)).stream().findFirst();
    }

    private static List<Invoice> assemble(Connection connection, UUID organizationId,
                                          List<Select.Parent<Select.Parent<Invoice, InvoiceAllocation>, InvoiceLine>> invoices) throws SQLException {
        List<Select.Parent<Invoice, InvoiceAllocation>> withLines = new Select("""
                l.invoice_id, l.id, l.line_no, l.description, l.quantity, l.unit_price, l.amount, l.tax_rate_id, t.name AS tax_rate_name,
                l.tax, l.account_id, a.code AS account_code""", """
                accounting.invoice_lines l
                  JOIN accounting.accounts a ON a.org_id = l.org_id AND a.id = l.account_id
                  LEFT JOIN accounting.tax_rates t ON t.org_id = l.org_id AND t.id = l.tax_rate_id""", "l.org_id", organizationId)
                .children(connection, invoices, "l.invoice_id", "l.line_no", rs -> new InvoiceLine(rs.getObject("id", UUID.class),
                        rs.getInt("line_no"), rs.getString("description"), rs.getBigDecimal("quantity"), rs.getBigDecimal("unit_price"),
                        rs.getBigDecimal("amount"), rs.getObject("tax_rate_id", UUID.class), rs.getString("tax_rate_name"), rs.getBigDecimal("tax"),
                        rs.getObject("account_id", UUID.class), rs.getString("account_code")));
        return new Select("pa.invoice_id, pa.id, pa.payment_id, p.payment_number, pa.allocated_on, pa.amount", """
                accounting.payment_allocations pa JOIN accounting.payments p ON p.org_id = pa.org_id AND p.id = pa.payment_id""",
                "pa.org_id", organizationId)
                .children(connection, withLines, "pa.invoice_id", "pa.allocated_on, p.payment_number, pa.id", rs -> new InvoiceAllocation(
                        rs.getObject("id", UUID.class), rs.getObject("payment_id", UUID.class), rs.getString("payment_number"),
                        rs.getObject("allocated_on", LocalDate.class), rs.getBigDecimal("amount")));
    }

    private static Select.Parent<Select.Parent<Invoice, InvoiceAllocation>, InvoiceLine> invoice(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String number = rs.getString("invoice_number");
        UUID customerId = rs.getObject("customer_id", UUID.class);
        String customerName = rs.getString("customer_name");
        LocalDate issueDate = rs.getObject("issue_date", LocalDate.class);
        LocalDate dueDate = rs.getObject("due_date", LocalDate.class);
        String status = rs.getString("status");
        String currency = rs.getString("currency");
        BigDecimal subtotal = rs.getBigDecimal("subtotal");
        BigDecimal tax = rs.getBigDecimal("tax");
        BigDecimal total = rs.getBigDecimal("total");
        BigDecimal balance = rs.getBigDecimal("balance");
        UUID entryId = rs.getObject("entry_id", UUID.class);
        String entryNumber = rs.getString("entry_number");
        String memo = rs.getString("memo");
        Instant createdAt = Select.instant(rs, "created_at");
        return new Select.Parent<>(id, lines -> new Select.Parent<>(id, allocations -> new Invoice(id, number, customerId, customerName,
                issueDate, dueDate, status, currency, subtotal, tax, total, balance, entryId, entryNumber, memo, createdAt, lines, allocations)));
    }
}
