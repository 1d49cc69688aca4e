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

/** Accounts payable: the suppliers' bills, soonest due first, each with its lines and the payments allocated to it. */
public final class BillQueries {

    /**
     * A supplier's bill.
     *
     * @param billNumber  the supplier's own reference
     * @param status      one of {@link BillStatus}
     * @param balance     what is still owed: the total less what payments allocated to it
     * @param entryId     the journal entry it posted (null for a draft), and that entry's number
     * @param allocations the payments that settled it, oldest first
     */
    public record Bill(UUID id, String billNumber, UUID vendorId, String vendorName, LocalDate issueDate, LocalDate dueDate, String status,
                       String currency, BigDecimal subtotal, BigDecimal tax, BigDecimal total, BigDecimal balance, UUID entryId,
                       String entryNumber, String memo, Instant createdAt, List<BillLine> lines, List<BillAllocation> allocations) {
    }

    /**
     * One line of a bill, debited (with its tax: no input tax is recovered) to an account.
     *
     * @param inventoryItemId the stock item it bought, or null
     */
    public record BillLine(UUID id, int lineNo, String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount,
                           BigDecimal tax, UUID accountId, String accountCode, UUID inventoryItemId) {
    }

    /** What one payment settled of a bill, and on which day. */
    public record BillAllocation(UUID id, UUID paymentId, String paymentNumber, LocalDate allocatedOn, BigDecimal amount) {
    }

    /**
     * The filters of the list; each one left null is not applied.
     *
     * @param dueBefore due before this day (not on it); {@code dueAfter} after that one (not on it)
     */
    public record Filter(BillStatus status, UUID vendorId, LocalDate dueBefore, LocalDate dueAfter) {
    }

    private static final String COLUMNS = """
            b.id, b.bill_number, b.vendor_id, v.name AS vendor_name, b.issue_date, b.due_date, b.status, b.currency,
            b.subtotal, b.tax, b.total, b.balance, b.entry_id, e.entry_number, b.memo, b.created_at""";
    private static final String FROM = """
            accounting.bills b
              JOIN suppliers.vendors v ON v.org_id = b.org_id AND v.id = b.vendor_id
              LEFT JOIN accounting.journal_entries e ON e.org_id = b.org_id AND e.id = b.entry_id""";

    private final DataSource dataSource;

    public BillQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The organization's bills matching the filter, soonest due first (then by supplier and number). */
    public Slice<Bill> list(Person person, Filter filter, int offset, int limit) throws SQLException {
        Bookkeeper books = Bookkeeper.of(person);
        UUID org = books.organizationId();
        Select select = new Select(COLUMNS, FROM, "b.org_id", org).whereEquals("b.status", filter.status());
        if (filter.vendorId() != null) {
            select.where("b.vendor_id = ?", filter.vendorId());
        }
        if (filter.dueBefore() != null) {
            select.where("b.due_date < ?", filter.dueBefore());
        }
        if (filter.dueAfter() != null) {
            select.where("b.due_date > ?", filter.dueAfter());
        }
        return Transactions.inTransaction(dataSource, Connection.TRANSACTION_REPEATABLE_READ, connection -> {
            Slice<Select.Parent<Select.Parent<Bill, BillAllocation>, BillLine>> page =
                    select.page(connection, "b.due_date, v.name, b.bill_number, b.id", offset, limit, BillQueries::bill);
            return new Slice<>(assemble(connection, org, page.items()), page.total());
        });
    }

    /** The organization's bill with this id, with its lines and allocations. */
    public Optional<Bill> find(Person person, UUID id) throws SQLException {
        Bookkeeper books = Bookkeeper.of(person);
        UUID org = books.organizationId();
        return Transactions.inTransaction(dataSource, Connection.TRANSACTION_REPEATABLE_READ, connection -> assemble(connection, org,
                new Select(COLUMNS, FROM, "b.org_id", org).where("b.id = ?", id).all(connection, "b.id", BillQueries::bill)).stream().findFirst());
    }

    private static List<Bill> assemble(Connection connection, UUID organizationId,
                                       List<Select.Parent<Select.Parent<Bill, BillAllocation>, BillLine>> bills) throws SQLException {
        List<Select.Parent<Bill, BillAllocation>> withLines = new Select("""
                l.bill_id, l.id, l.line_no, l.description, l.quantity, l.unit_price, l.amount, l.tax, l.account_id, a.code AS account_code,
                l.inventory_item_id""", """
                accounting.bill_lines l JOIN accounting.accounts a ON a.org_id = l.org_id AND a.id = l.account_id""", "l.org_id", organizationId)
                .children(connection, bills, "l.bill_id", "l.line_no", rs -> new BillLine(rs.getObject("id", UUID.class), rs.getInt("line_no"),
                        rs.getString("description"), rs.getBigDecimal("quantity"), rs.getBigDecimal("unit_price"), rs.getBigDecimal("amount"),
                        rs.getBigDecimal("tax"), rs.getObject("account_id", UUID.class), rs.getString("account_code"),
                        rs.getObject("inventory_item_id", UUID.class)));
        return new Select("pa.bill_id, pa.id, pa.payment_id, p.payment_number, pa.allocated_on, pa.amount", """
                accounting.payment_allocations pa JOIN accounting.payments p ON p.org_id = pa.org_id AND p.id = pa.payment_id""",
                "pa.org_id", organizationId)
                .children(connection, withLines, "pa.bill_id", "pa.allocated_on, p.payment_number, pa.id", rs -> new BillAllocation(
                        rs.getObject("id", UUID.class), rs.getObject("payment_id", UUID.class), rs.getString("payment_number"),
                        rs.getObject("allocated_on", LocalDate.class), rs.getBigDecimal("amount")));
    }

    private static Select.Parent<Select.Parent<Bill, BillAllocation>, BillLine> bill(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String number = rs.getString("bill_number");
        UUID vendorId = rs.getObject("vendor_id", UUID.class);
        String vendorName = rs.getString("vendor_name");
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
        return new Select.Parent<>(id, lines -> new Select.Parent<>(id, allocations -> new Bill(id, number, vendorId, vendorName, issueDate,
                dueDate, status, currency, subtotal, tax, total, balance, entryId, entryNumber, memo, createdAt, lines, allocations)));
    }
}
