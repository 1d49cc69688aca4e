package io.seedreset.platform.accounting;

import io.seedreset.platform.identity.Person;
import io.seedreset.platform.sql.Sql;
import io.seedreset.platform.sql.Transactions;
import io.seedreset.platform.workflow.WorkflowRefused;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The owner or an accountant records money received from a customer into a bank account, settling all or part of
 * one or more of the customer's invoices, in one transaction: the payment (RECEIVED, numbered after the latest
 * payment) and its allocations; each invoice's balance falls by what it is allocated and its status follows (PAID at
 * zero, else PARTIALLY_PAID); the entry (Dr the bank's cash account the amount; Cr receivables what is allocated; Cr
 * customer credits, the account marked CUSTOMER_CREDIT, the rest); the bank transaction of the payment on its day;
 * and the bank account's balance. Every refusal writes nothing.
 *
 * <p>The invoices are locked in id order before anything is read of them, so that two payments of one invoice settle
 * one after the other, the second seeing the balance the first left: an invoice is never allocated more than it owes.
 *
 * <p>The checks, in order: the caller keeps the books (403); the request is well formed (400: no customer, bank account,
 * amount or method, an amount not above zero or finer than a cent, an allocation without an invoice or not above zero,
 * an invoice twice, allocations above the amount, a day after today); the customer, the bank account and each invoice
 * exist (404); each invoice is the customer's, in the bank account's currency, issued on or before the payment (400);
 * each is open (409 {@code invoice_not_open}) and owes at least its allocation (409 {@code over_allocation}); the day is
 * not before the bank account opened (400), nor before the books start (409 {@code before_books}), and in no closed
 * period (409 {@code period_closed}).
 */
public final class PaymentReceiving {

    /**
     * A payment received.
     *
     * @param paidOn      the day the money came in, the payment's entry's and its bank transaction's; null for today
     * @param method      one of {@link PaymentMethod}
     * @param allocations the invoices it settles and how much of each; none (or less than the amount) leaves the rest
     *                    as the customer's credit
     */
    public record PaymentRequest(UUID customerId, UUID bankAccountId, BigDecimal amount, LocalDate paidOn, String method, String reference,
                                 List<Allocation> allocations) {
    }

    /** What of the payment settles one invoice. */
    public record Allocation(UUID invoiceId, BigDecimal amount) {
    }

    private record BankAccount(UUID id, String name, UUID accountId, String currency, LocalDate openingDate) {
    }

    private record Invoice(UUID id, String number, UUID customerId, String status, String currency, LocalDate issueDate, BigDecimal balance) {
    }

    private final DataSource dataSource;
    private final Clock clock;

    public PaymentReceiving(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public PaymentQueries.Payment receive(Person person, PaymentRequest request) throws SQLException {
        Bookkeeper books = Bookkeeper.of(person);
        LocalDate today = Today.of(dataSource, clock, person.organizationId());
        Map<UUID, BigDecimal> allocations = wellFormed(request, today);
        BigDecimal amount = request.amount().setScale(2);
        LocalDate paidOn = request.paidOn() == null ? today : request.paidOn();
        return Transactions.inTransaction(dataSource, connection -> {
            UUID org = books.organizationId();
            Instant now = clock.instant();
            String customer = customerName(connection, org, request.customerId());
            BankAccount bank = bankAccount(connection, org, request.bankAccountId());
            if (paidOn.isBefore(bank.openingDate())) {
                throw WorkflowRefused.invalid("paidOn " + paidOn + " is before the bank account " + bank.name() + " opened (" + bank.openingDate()
                        + "): money comes into an account on or after its opening day");
            }
            Map<UUID, Invoice> invoices = lockInvoices(connection, org, allocations.keySet());
            for (Map.Entry<UUID, BigDecimal> allocation : allocations.entrySet()) {
                settleable(invoices.get(allocation.getKey()), allocation.getValue(), request.customerId(), customer, bank, paidOn);
            }

            BigDecimal allocated = allocations.values().stream().reduce(Amounts.ZERO, BigDecimal::add);
            BigDecimal credit = amount.subtract(allocated);
            String number = DocumentNumbers.next(connection, org, DocumentNumbers.Sequence.PAYMENTS);
            String memo = "Payment " + number + " from " + customer;
            List<Journal.Line> lines = new ArrayList<>();
            lines.add(Journal.Line.debit(bank.accountId(), amount, memo));
            if (allocated.signum() > 0) {
                lines.add(Journal.Line.credit(Chart.control(connection, org, "RECEIVABLES", "record payments of invoices").id(), allocated, memo));
            }
            if (credit.signum() > 0) {
                lines.add(Journal.Line.credit(Chart.control(connection, org, "CUSTOMER_CREDIT", "record a payment beyond its invoices").id(),
                        credit, "Credit of " + customer));
            }
            Journal.PostedEntry entry = Journal.post(connection, org, new Journal.Posting(paidOn, "PAYMENT", memo, bank.currency(), books.email(),
                    now, lines));

            UUID id = UUID.randomUUID();
            Sql.execute(connection, """
                    INSERT INTO accounting.payments (org_id, id, payment_number, direction, customer_id, vendor_id, bank_account_id, paid_on,
                                                     amount, currency, method, reference, entry_id, created_at)
                    VALUES (?, ?, ?, 'RECEIVED', ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    org, id, number, request.customerId(), bank.id(), paidOn, amount, bank.currency(), request.method(),
                    request.reference() == null || request.reference().isBlank() ? null : request.reference().strip(), entry.id(), now);
            for (Map.Entry<UUID, BigDecimal> allocation : allocations.entrySet()) {
                Sql.execute(connection, """
                        INSERT INTO accounting.payment_allocations (org_id, id, payment_id, invoice_id, bill_id, amount, allocated_on)
                        VALUES (?, ?, ?, ?, NULL, ?, ?)""", org, UUID.randomUUID(), id, allocation.getKey(), allocation.getValue(), paidOn);
                Sql.execute(connection, """
                        UPDATE accounting.invoices SET balance = balance - ?,
                               status = CASE WHEN balance - ? = 0 THEN 'PAID' ELSE 'PARTIALLY_PAID' END
                         WHERE org_id = ? AND id = ?""", allocation.getValue(), allocation.getValue(), org, allocation.getKey());
            }
            Sql.execute(connection, """
                    INSERT INTO accounting.bank_transactions (org_id, id, bank_account_id, posted_on, description, amount, payment_id, entry_id,
                                                              reconciliation_id, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?)""", org, UUID.randomUUID(), bank.id(), paidOn, memo, amount, id, now);
            Sql.execute(connection, "UPDATE accounting.bank_accounts SET balance = balance + ? WHERE org_id = ? AND id = ?", amount, org, bank.id());
            return PaymentQueries.one(connection, org, id).orElseThrow();
        });
    }

    /** The request, checked on its own; answers the allocations by invoice, in the request's order. */
    private static Map<UUID, BigDecimal> wellFormed(PaymentRequest request, LocalDate today) {
        if (request == null || request.customerId() == null) {
            throw WorkflowRefused.invalid("customerId is required: the customer who paid");
        }
        if (request.bankAccountId() == null) {
            throw WorkflowRefused.invalid("bankAccountId is required: the bank account the money came into");
        }
        BigDecimal amount = Amounts.positive(request.amount(), "amount");
        if (request.method() == null || Arrays.stream(PaymentMethod.values()).noneMatch(method -> method.name().equals(request.method()))) {
            throw WorkflowRefused.invalid("method " + (request.method() == null ? "is required" : "'" + request.method() + "' is unknown")
                    + ": one of " + Arrays.stream(PaymentMethod.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
        if (request.paidOn() != null && request.paidOn().isAfter(today)) {
            throw WorkflowRefused.invalid("paidOn " + request.paidOn() + " is after today (" + today + "): record a payment once it has come in");
        }
        Map<UUID, BigDecimal> allocations = new LinkedHashMap<>();
        List<Allocation> asked = request.allocations() == null ? List.of() : request.allocations();
        for (int i = 0; i < asked.size(); i++) {
            Allocation allocation = asked.get(i);
            String field = "allocations[" + i + "]";
            if (allocation == null || allocation.invoiceId() == null) {
                throw WorkflowRefused.invalid(field + ".invoiceId is required: the invoice it settles");
            }
            BigDecimal share = Amounts.positive(allocation.amount(), field + ".amount");
            if (allocations.put(allocation.invoiceId(), share) != null) {
                throw WorkflowRefused.invalid("invoice " + allocation.invoiceId() + " is allocated twice: give its amount once");
            }
        }
        BigDecimal allocated = allocations.values().stream().reduce(Amounts.ZERO, BigDecimal::add);
        if (allocated.compareTo(amount) > 0) {
            throw WorkflowRefused.invalid("the allocations come to " + Amounts.text(allocated) + ", more than the payment's amount "
                    + Amounts.text(amount) + ": allocate at most what was paid");
        }
        return allocations;
    }

    /** Refuses an allocation the invoice cannot take. */
    private static void settleable(Invoice invoice, BigDecimal share, UUID customerId, String customer, BankAccount bank, LocalDate paidOn) {
        if (!invoice.customerId().equals(customerId)) {
            throw WorkflowRefused.invalid("invoice " + invoice.number() + " is another customer's, not " + customer
                    + "'s: a payment settles its own customer's invoices");
        }
        if (!invoice.currency().equals(bank.currency())) {
            throw WorkflowRefused.invalid("invoice " + invoice.number() + " is in " + invoice.currency() + ", the bank account " + bank.name()
                    + " in " + bank.currency() + ": pay it into an account of its currency");
        }
        if (invoice.issueDate().isAfter(paidOn)) {
            throw WorkflowRefused.invalid("invoice " + invoice.number() + " was issued on " + invoice.issueDate() + ", after paidOn " + paidOn
                    + ": a payment settles invoices issued by its day");
        }
        Map<String, String> details = Map.of("invoiceId", invoice.id().toString(), "invoiceNumber", invoice.number(),
                "balance", invoice.balance().toPlainString());
        if (!invoice.status().equals(InvoiceStatus.ISSUED.name()) && !invoice.status().equals(InvoiceStatus.PARTIALLY_PAID.name())) {
            throw WorkflowRefused.conflict("invoice_not_open", "invoice " + invoice.number() + " is " + invoice.status()
                    + ": only an issued, unpaid or partly paid invoice takes a payment", details);
        }
        if (share.compareTo(invoice.balance()) > 0) {
            throw WorkflowRefused.conflict("over_allocation", "invoice " + invoice.number() + " has " + Amounts.text(invoice.balance())
                    + " left to pay: " + Amounts.text(share) + " cannot be allocated to it", details);
        }
    }

    /** Locks the invoices in id order, the one order every payment takes them in; an invoice not there is a 404. */
    private static Map<UUID, Invoice> lockInvoices(Connection connection, UUID org, Set<UUID> ids) throws SQLException {
        Map<UUID, Invoice> invoices = new HashMap<>();
        if (ids.isEmpty()) {
            return invoices;
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT id, invoice_number, customer_id, status, currency, issue_date, balance FROM accounting.invoices
                 WHERE org_id = ? AND id = ANY (?) ORDER BY id FOR UPDATE""")) {
            Array array = connection.createArrayOf("uuid", ids.toArray());
            statement.setObject(1, org);
            statement.setArray(2, array);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Invoice invoice = new Invoice(rs.getObject("id", UUID.class), rs.getString("invoice_number"), rs.getObject("customer_id", UUID.class),
                            rs.getString("status"), rs.getString("currency"), rs.getObject("issue_date", LocalDate.class), rs.getBigDecimal("balance"));
                    invoices.put(invoice.id(), invoice);
                }
            }
        }
        Set<UUID> missing = new HashSet<>(ids);
        missing.removeAll(invoices.keySet());
        if (!missing.isEmpty()) {
            throw WorkflowRefused.notFound("invoice", missing.iterator().next());
        }
        return invoices;
    }

    private static String customerName(Connection connection, UUID org, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT name FROM accounting.customers WHERE org_id = ? AND id = ?")) {
            statement.setObject(1, org);
            statement.setObject(2, id);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw WorkflowRefused.notFound("customer", id);
                }
                return rs.getString(1);
            }
        }
    }

    private static BankAccount bankAccount(Connection connection, UUID org, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT id, name, account_id, currency, opening_date FROM accounting.bank_accounts WHERE org_id = ? AND id = ?""")) {
            statement.setObject(1, org);
            statement.setObject(2, id);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw WorkflowRefused.notFound("bank account", id);
                }
                return new BankAccount(id, rs.getString("name"), rs.getObject("account_id", UUID.class), rs.getString("currency"),
                        rs.getObject("opening_date", LocalDate.class));
            }
        }
    }
}
