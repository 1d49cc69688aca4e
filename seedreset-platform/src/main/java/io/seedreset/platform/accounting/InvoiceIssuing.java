package io.seedreset.platform.accounting;

import io.seedreset.platform.identity.Person;
import io.seedreset.platform.sql.Sql;
import io.seedreset.platform.sql.Transactions;
import io.seedreset.platform.workflow.WorkflowRefused;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The owner or an accountant issues an invoice to a customer, in one transaction: the invoice (ISSUED, its balance its
 * total) and its lines, numbered after the organization's latest invoice, and the entry it posts, numbered after the
 * latest entry: Dr receivables (the account marked RECEIVABLES) the total; Cr each line's revenue account its amount;
 * Cr each tax rate's account the tax charged at it. Every refusal writes nothing.
 *
 * <p>The checks, in order: the caller keeps the books (403); the request is well formed (400: no customer, no lines, a
 * line without a description, a quantity or price below zero or finer than a cent); the customer exists (404); the issue
 * date is not after today and the due date not before the issue date (400); each line's account is an active revenue
 * account of the chart (400) and its tax rate, if any, one of the organization's (404) still active (400); the total is
 * above zero (400); the issue date is not before the books start (409 {@code before_books}) and in no closed period
 * (409 {@code period_closed}).
 *
 * <p>Amounts: a line's amount is quantity times unit price and its tax the amount times the rate, each rounded to the
 * cent (halves up); the invoice's subtotal, tax and total are the lines' sums.
 */
public final class InvoiceIssuing {

    /**
     * What to invoice.
     *
     * @param issueDate the invoice's date, and its entry's; null for today
     * @param dueDate   null for the issue date plus the customer's payment terms
     */
    public record InvoiceRequest(UUID customerId, List<Line> lines, LocalDate issueDate, LocalDate dueDate, String memo) {
    }

    /**
     * One line to invoice.
     *
     * @param accountCode the revenue account it credits (4000, 4100, ...)
     * @param taxRateId   the tax rate it is charged at, or null for none
     */
    public record Line(String description, BigDecimal quantity, BigDecimal unitPrice, String accountCode, UUID taxRateId) {
    }

    /** The largest quantity a line holds: the column is numeric(10,2). */
    private static final BigDecimal MOST_OF_ONE_LINE = new BigDecimal("99999999.99");

    private record Customer(UUID id, String name, int paymentTermsDays, String currency) {
    }

    private record TaxRate(UUID id, String name, BigDecimal rate, UUID accountId, boolean active) {
    }

    /** A line as it will be written: priced, taxed, and its accounts found. */
    private record Priced(Line line, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount, Chart.ChartAccount revenue, TaxRate taxRate,
                          BigDecimal tax) {
    }

    private final DataSource dataSource;
    private final Clock clock;

    public InvoiceIssuing(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public InvoiceQueries.Invoice issue(Person person, InvoiceRequest request) throws SQLException {
        Bookkeeper books = Bookkeeper.of(person);
        wellFormed(request);
        return Transactions.inTransaction(dataSource, connection -> {
            UUID org = books.organizationId();
            Instant now = clock.instant();
            Customer customer = customer(connection, org, request.customerId());
            LocalDate today = Today.of(connection, clock, person.organizationId());
            LocalDate issueDate = request.issueDate() == null ? today : request.issueDate();
            if (issueDate.isAfter(today)) {
                throw WorkflowRefused.invalid("issueDate " + issueDate + " is after today (" + today + "): issue an invoice on or before today");
            }
            LocalDate dueDate = request.dueDate() == null ? issueDate.plusDays(customer.paymentTermsDays()) : request.dueDate();
            if (dueDate.isBefore(issueDate)) {
                throw WorkflowRefused.invalid("dueDate " + dueDate + " is before issueDate " + issueDate + ": an invoice falls due on or after its date");
            }
            List<Priced> lines = new ArrayList<>();
            for (int i = 0; i < request.lines().size(); i++) {
                lines.add(priced(connection, org, request.lines().get(i), "lines[" + i + "]"));
            }
            BigDecimal subtotal = Amounts.fits(lines.stream().map(Priced::amount).reduce(Amounts.ZERO, BigDecimal::add), "the subtotal");
            BigDecimal tax = Amounts.fits(lines.stream().map(Priced::tax).reduce(Amounts.ZERO, BigDecimal::add), "the tax");
            BigDecimal total = Amounts.fits(subtotal.add(tax), "the total");
            if (total.signum() == 0) {
                throw WorkflowRefused.invalid("the invoice's lines come to 0.00: an invoice is for more than nothing");
            }

            String number = DocumentNumbers.next(connection, org, DocumentNumbers.Sequence.INVOICES);
            String memo = "Invoice " + number + " to " + customer.name();
            List<Journal.Line> posting = new ArrayList<>();
            posting.add(Journal.Line.debit(Chart.control(connection, org, "RECEIVABLES", "issue invoices").id(), total, memo));
            Map<UUID, BigDecimal> taxByAccount = new LinkedHashMap<>();
            Map<UUID, String> taxNames = new LinkedHashMap<>();
            for (Priced line : lines) {
                posting.add(Journal.Line.credit(line.revenue().id(), line.amount(), line.line().description().strip()));
                if (line.taxRate() != null) {
                    taxByAccount.merge(line.taxRate().accountId(), line.tax(), BigDecimal::add);
                    taxNames.putIfAbsent(line.taxRate().accountId(), line.taxRate().name());
                }
            }
            taxByAccount.forEach((account, amount) -> posting.add(Journal.Line.credit(account, amount, taxNames.get(account))));
            Journal.PostedEntry entry = Journal.post(connection, org, new Journal.Posting(issueDate, "INVOICE", memo, customer.currency(),
                    books.email(), now, posting));

            UUID id = UUID.randomUUID();
            Sql.execute(connection, """
                    INSERT INTO accounting.invoices (org_id, id, invoice_number, customer_id, issue_date, due_date, status, currency,
                                                     subtotal, tax, total, balance, entry_id, memo, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, 'ISSUED', ?, ?, ?, ?, ?, ?, ?, ?)""",
                    org, id, number, customer.id(), issueDate, dueDate, customer.currency(), subtotal, tax, total, total, entry.id(),
                    blankToNull(request.memo()), now);
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO accounting.invoice_lines (org_id, id, invoice_id, line_no, description, quantity, unit_price, amount,
                                                          tax_rate_id, tax, account_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                int lineNo = 1;
                for (Priced line : lines) {
                    statement.setObject(1, org);
                    statement.setObject(2, UUID.randomUUID());
                    statement.setObject(3, id);
                    statement.setInt(4, lineNo++);
                    statement.setString(5, line.line().description().strip());
                    statement.setBigDecimal(6, line.quantity());
                    statement.setBigDecimal(7, line.unitPrice());
                    statement.setBigDecimal(8, line.amount());
                    statement.setObject(9, line.taxRate() == null ? null : line.taxRate().id());
                    statement.setBigDecimal(10, line.tax());
                    statement.setObject(11, line.revenue().id());
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            return InvoiceQueries.one(connection, org, id).orElseThrow();
        });
    }

    /** The request, checked on its own: a customer and at least one line, each with a description, a quantity and a price. */
    private static void wellFormed(InvoiceRequest request) {
        if (request == null || request.customerId() == null) {
            throw WorkflowRefused.invalid("customerId is required: the customer to invoice");
        }
        if (request.lines() == null || request.lines().isEmpty()) {
            throw WorkflowRefused.invalid("an invoice needs at least one line");
        }
        for (int i = 0; i < request.lines().size(); i++) {
            Line line = request.lines().get(i);
            String field = "lines[" + i + "]";
            if (line == null) {
                throw WorkflowRefused.invalid(field + " is empty: give its description, quantity, unitPrice and accountCode");
            }
            if (line.description() == null || line.description().isBlank()) {
                throw WorkflowRefused.invalid(field + ".description is required");
            }
            if (line.accountCode() == null || line.accountCode().isBlank()) {
                throw WorkflowRefused.invalid(field + ".accountCode is required: the revenue account the line credits");
            }
            if (Amounts.positive(line.quantity(), field + ".quantity").compareTo(MOST_OF_ONE_LINE) > 0) {
                throw WorkflowRefused.invalid(field + ".quantity " + Amounts.shown(line.quantity()) + " is more than a line holds ("
                        + MOST_OF_ONE_LINE.toPlainString() + ")");
            }
            if (line.unitPrice() == null || line.unitPrice().signum() < 0) {
                throw WorkflowRefused.invalid(field + ".unitPrice is required: 0 or more, with at most two decimals");
            }
            Amounts.cents(line.unitPrice(), field + ".unitPrice");
        }
    }

    private static Priced priced(Connection connection, UUID org, Line line, String field) throws SQLException {
        String code = line.accountCode().strip();
        Chart.ChartAccount revenue = Chart.byCode(connection, org, code)
                .orElseThrow(() -> WorkflowRefused.invalid(field + ".accountCode " + code + " is no account of the chart"));
        if (!revenue.type().equals(AccountType.REVENUE.name())) {
            throw WorkflowRefused.invalid(field + ".accountCode " + code + " (" + revenue.name() + ") is " + revenue.type()
                    + ", not a revenue account: an invoice line credits revenue");
        }
        if (!revenue.active()) {
            throw WorkflowRefused.invalid(field + ".accountCode " + code + " (" + revenue.name() + ") is inactive: use an active revenue account");
        }
        BigDecimal quantity = line.quantity().setScale(2);
        BigDecimal unitPrice = Amounts.cents(line.unitPrice(), field + ".unitPrice");
        BigDecimal amount = Amounts.fits(Amounts.rounded(quantity.multiply(unitPrice)), field + "'s amount");
        TaxRate taxRate = line.taxRateId() == null ? null : taxRate(connection, org, line.taxRateId(), field);
        BigDecimal tax = taxRate == null ? Amounts.ZERO : Amounts.rounded(amount.multiply(taxRate.rate()));
        return new Priced(line, quantity, unitPrice, amount, revenue, taxRate, tax);
    }

    private static Customer customer(Connection connection, UUID org, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT id, name, payment_terms_days, currency FROM accounting.customers WHERE org_id = ? AND id = ?""")) {
            statement.setObject(1, org);
            statement.setObject(2, id);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw WorkflowRefused.notFound("customer", id);
                }
                return new Customer(id, rs.getString("name"), rs.getInt("payment_terms_days"), rs.getString("currency"));
            }
        }
    }

    private static TaxRate taxRate(Connection connection, UUID org, UUID id, String field) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT id, name, rate, account_id, active FROM accounting.tax_rates WHERE org_id = ? AND id = ?""")) {
            statement.setObject(1, org);
            statement.setObject(2, id);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw WorkflowRefused.notFound("tax rate", id);
                }
                TaxRate rate = new TaxRate(id, rs.getString("name"), rs.getBigDecimal("rate"), rs.getObject("account_id", UUID.class),
                        rs.getBoolean("active"));
                if (!rate.active()) {
                    throw WorkflowRefused.invalid(field + ".taxRateId: the tax rate " + rate.name() + " is no longer charged; use an active one");
                }
                return rate;
            }
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
