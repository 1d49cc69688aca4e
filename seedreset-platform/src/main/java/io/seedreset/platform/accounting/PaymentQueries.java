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

/** Payments in and out, newest first, each with what it settled. */
public final class PaymentQueries {

    /**
     * A payment: received from a customer, sent to a supplier, or refunded to a customer.
     *
     * @param direction   one of {@link PaymentDirection}; customerId is set for RECEIVED and REFUND, vendorId for SENT
     * @param method      one of {@link PaymentMethod}
     * @param unallocated what it settled of no invoice or bill: a customer's credit, for a payment received (0 for a refund,
     *                    which pays a credit back)
     * @param allocations the invoices or bills it settled
     */
    public record Payment(UUID id, String paymentNumber, String direction, UUID customerId, String customerName, UUID vendorId,
                          String vendorName, UUID bankAccountId, String bankAccountName, LocalDate paidOn, BigDecimal amount, String currency,
                          String method, String reference, UUID entryId, String entryNumber, BigDecimal unallocated, Instant createdAt,
                          List<PaymentAllocation> allocations) {
    }

    /** What a payment settled of one invoice (invoiceId) or one bill (billId). */
    public record PaymentAllocation(UUID id, UUID invoiceId, String invoiceNumber, UUID billId, String billNumber, LocalDate allocatedOn,
                                    BigDecimal amount) {
    }

    /**
     * The filters of the list; each one left null is not applied.
     *
     * @param from paid on or after this day; {@code to} on or before that one
     */
    public record Filter(PaymentDirection direction, UUID customerId, UUID vendorId, LocalDate from, LocalDate to) {
    }

    private static final String COLUMNS = """
            p.id, p.payment_number, p.direction, p.customer_id, c.name AS customer_name, p.vendor_id, v.name AS vendor_name,
            p.bank_account_id, b.name AS bank_account_name, p.paid_on, p.amount, p.currency, p.method, p.reference, p.entry_id,
            e.entry_number, p.created_at""";
    private static final String FROM = """
            accounting.payments p
              JOIN accounting.bank_accounts b ON b.org_id = p.org_id AND b.id = p.bank_account_id
              JOIN accounting.journal_entries e ON e.org_id = p.org_id AND e.id = p.entry_id
              LEFT JOIN accounting.customers c ON c.org_id = p.org_id AND c.id = p.customer_id
              LEFT JOIN suppliers.vendors v ON v.org_id = p.org_id AND v.id = p.vendor_id""";

    private final DataSource dataSource;

    public PaymentQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The organization's payments matching the filter, newest first (by day paid, then number). */
    public Slice<Payment> list(Person person, Filter filter, int offset, int limit) throws SQLException {
        Bookkeeper books = Bookkeeper.of(person);
        UUID org = books.organizationId();
        Select select = new Select(COLUMNS, FROM, "p.org_id", org).whereEquals("p.direction", filter.direction());
        if (filter.customerId() != null) {
            select.where("p.customer_id = ?", filter.customerId());
        }
        if (filter.vendorId() != null) {
            select.where("p.vendor_id = ?", filter.vendorId());
        }
        if (filter.from() != null) {
            select.where("p.paid_on >= ?", filter.from());
        }
        if (filter.to() != null) {
            select.where("p.paid_on <= ?", filter.to());
        }
        return Transactions.inTransaction(dataSource, Connection.TRANSACTION_REPEATABLE_READ, connection -> {
            Slice<Select.Parent<Payment, PaymentAllocation>> page =
                    select.page(connection, "p.paid_on DESC, p.payment_number DESC, p.id", offset, limit, PaymentQueries::payment);
            return new Slice<>(withAllocations(connection, org, page.items()), page.total());
        });
    }

    /** The organization's payment with this id, with what it settled. */
    public Optional<Payment> find(Person person, UUID id) throws SQLException {
        Bookkeeper books = Bookkeeper.of(person);
        return Transactions.inTransaction(dataSource, Connection.TRANSACTION_REPEATABLE_READ, connection -> one(connection, books.organizationId(), id));
    }

    /** The payment as the caller's transaction sees it: how a workflow answers what it wrote. */
    static Optional<Payment> one(Connection connection, UUID organizationId, UUID id) throws SQLException {
        return withAllocations(connection, organizationId, new Select(COLUMNS, FROM, "p.org_id", organizationId).where("p.id = ?", id)
                .all(connection, "p.id", PaymentQueries::payment)).stream().findFirst();
    }

    private static List<Payment> withAllocations(Connection connection, UUID organizationId, List<Select.Parent<Payment, PaymentAllocation>> payments)
            throws SQLException {
        return new Select("pa.payment_id, pa.id, pa.invoice_id, i.invoice_number, pa.bill_id, bl.bill_number, pa.allocated_on, pa.amount", """
                accounting.payment_allocations pa
                  LEFT JOIN accounting.invoices i ON i.org_id = pa.org_id AND i.id = pa.invoice_id
                  LEFT JOIN accounting.bills bl ON bl.org_id = pa.org_id AND bl.id = pa.bill_id""", "pa.org_id", organizationId)
                .children(connection, payments, "pa.payment_id", "coalesce(i.invoice_number, bl.bill_number), pa.id", rs -> new PaymentAllocation(
                        rs.getObject("id", UUID.class), rs.getObject("invoice_id", UUID.class), rs.getString("invoice_number"),
                        rs.getObject("bill_id", UUID.class), rs.getString("bill_number"), rs.getObject("allocated_on", LocalDate.class),
                        rs.getBigDecimal("amount")));
    }

    private static Select.Parent<Payment, PaymentAllocation> payment(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String number = rs.getString("payment_number");
        String direction = rs.getString("direction");
        UUID customerId = rs.getObject("customer_id", UUID.class);
        String customerName = rs.getString("customer_name");
        UUID vendorId = rs.getObject("vendor_id", UUID.class);
        String vendorName = rs.getString("vendor_name");
        UUID bankAccountId = rs.getObject("bank_account_id", UUID.class);
        String bankAccountName = rs.getString("bank_account_name");
        LocalDate paidOn = rs.getObject("paid_on", LocalDate.class);
        BigDecimal amount = rs.getBigDecimal("amount");
        String currency = rs.getString("currency");
        String method = rs.getString("method");
        String reference = rs.getString("reference");
        UUID entryId = rs.getObject("entry_id", UUID.class);
        String entryNumber = rs.getString("entry_number");
        Instant createdAt = Select.instant(rs, "created_at");
        return new Select.Parent<>(id, allocations -> new Payment(id, number, direction, customerId, customerName, vendorId, vendorName,
                bankAccountId, bankAccountName, paidOn, amount, currency, method, reference, entryId, entryNumber,
                direction.equals(PaymentDirection.REFUND.name()) ? Amounts.ZERO
                        : amount.subtract(allocations.stream().map(PaymentAllocation::amount).reduce(BigDecimal.ZERO, BigDecimal::add)),
                createdAt, allocations));
    }
}
