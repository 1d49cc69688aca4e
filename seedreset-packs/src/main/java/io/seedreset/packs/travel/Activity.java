package io.seedreset.packs.travel;

import io.seedreset.pack.ActivityPack;
import io.seedreset.pack.Draw;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.Row;
import io.seedreset.pack.RowSink;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One business day of demo-travel-co's books on top of the seeded history: a new invoice to a corporate
 * account (business travel, untaxed, and the agency's booking fees, taxed), now and then an expense (a rush
 * print job billed by its printer) and a customer paying an open
 * invoice in full into the Operating Account, each with its journal entry as the books post them (the
 * trial balance and every document's entry stay right), numbered after the organization's last invoice,
 * payment and entry ({@link ScenarioJournal}), the payment on the bank's statement and in the account's
 * balance. Weekends and days in a closed period have none: offices invoice on weekdays, and a closed
 * quarter's books stay as they were closed.
 */
final class Activity {

    private static final int MIN_TRIPS = 1;
    private static final int MAX_TRIPS = 3;
    private static final int LINES_PER_DOCUMENT = 16;
    /** The invoices a customer may pay today: the few longest due, as accounts receivable chases them first. */
    private static final int OLDEST_OPEN = 5;
    /** The share of weekdays with a rush print job. */
    private static final double EXPENSE_RATE = 0.4;
    private static final List<String> PRINT_JOBS = List.of("flyers for the travel show", "client itinerary booklets",
            "window posters", "trade fair banners", "direct-mail postcards");

    private record Line(String description, long quantity, BigDecimal unitPrice, BigDecimal amount, UUID taxRate, BigDecimal tax) {
    }

    private final PackContext ctx;
    private final LocalDate day;
    private final RowSink sink;

    Activity(PackContext ctx, LocalDate day, RowSink sink) {
        this.ctx = ctx;
        this.day = day;
        this.sink = sink;
    }

    void run() {
        if (!Calendar.weekdayOnOrAfter(day).equals(day) || !inOpenPeriod()) {
            return;
        }
        List<Map<String, Object>> banks = ctx.query("""
                SELECT b.id, b.balance FROM accounting.bank_accounts b
                  JOIN accounting.accounts a ON a.org_id = b.org_id AND a.id = b.account_id
                 WHERE b.org_id = :org AND a.code = ? ORDER BY b.id""", Chart.OPERATING);
        List<Map<String, Object>> customers = ctx.query("""
                SELECT id, name, payment_terms_days FROM accounting.customers
                 WHERE org_id = :org AND kind = 'CORPORATE' AND created_at < ? ORDER BY id""", day.atStartOfDay(Calendar.ZONE).toInstant());
        if (banks.isEmpty() || customers.isEmpty()) {
            return;
        }
        // The documents' numbers before the entries', in the order the accounting API locks them (ScenarioJournal.lastNumber).
        long lastInvoice = ScenarioJournal.lastNumber(ctx, "accounting.invoices", "invoice_number", "INV-");
        long lastPayment = ScenarioJournal.lastNumber(ctx, "accounting.payments", "payment_number", "PMT-");
        ScenarioJournal journal = new ScenarioJournal(ctx);
        Map<String, Object> open = openInvoice();
        invoice(journal, customers, "INV-" + (lastInvoice + 1));
        expense(journal);
        if (open != null) {
            payment(journal, open, banks.get(0), String.format(java.util.Locale.ROOT, "PMT-%06d", lastPayment + 1));
        }
        journal.write(sink);
        written.forEach(Runnable::run);
    }

    /** Documents are written after the journal's entries, which they reference. */
    private final List<Runnable> written = new ArrayList<>();

    /**
     * Whether the day falls in an open period. A day after the books' last period (the organization's clock went
     * ahead: time travel) opens its quarter first, as the accountant would on its first working day.
     */
    private boolean inOpenPeriod() {
        List<Map<String, Object>> periods = ctx.query("""
                SELECT status FROM accounting.periods WHERE org_id = :org AND ? BETWEEN starts_on AND ends_on""", day);
        if (!periods.isEmpty()) {
            return "OPEN".equals(periods.get(0).get("status"));
        }
        boolean books = !ctx.query("SELECT 1 AS any FROM accounting.periods WHERE org_id = :org AND ends_on < ? LIMIT 1", day).isEmpty();
        if (!books) {
            return false; // before the books began
        }
        LocalDate starts = day.withMonth((day.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
        Calendar.Quarter quarter = new Calendar.Quarter(0, starts, starts.plusMonths(3).minusDays(1));
        sink.add("accounting.periods", Row.withId(ctx.id(ActivityPack.key(starts, "period"), 0))
                .set("name", quarter.name())
                .set("starts_on", quarter.startsOn())
                .set("ends_on", quarter.endsOn())
                .set("status", "OPEN")
                .set("closed_at", null)
                .set("closed_by", null));
        return true;
    }

    // ---------------------------------------------------------------- the day's invoice

    private void invoice(ScenarioJournal journal, List<Map<String, Object>> customers, String number) {
        Draw draw = ctx.draw(ActivityPack.key(day, "invoice"), 0);
        Map<String, Object> customer = draw.pick(customers);
        BigDecimal feeRate = (BigDecimal) ctx.query("SELECT rate FROM accounting.tax_rates WHERE org_id = :org AND id = ?",
                serviceFeeTax()).get(0).get("rate");
        List<Line> lines = new ArrayList<>();
        int travellers = 0;
        for (int trip = draw.between(MIN_TRIPS, MAX_TRIPS); trip > 0; trip--) {
            int people = draw.between(1, 4);
            travellers += people;
            BigDecimal unit = Money.withCents(draw, 900, 2_400);
            lines.add(new Line("Business travel: Chicago to " + draw.pick(Catalog.BUSINESS_DESTINATIONS) + ", air and hotel", people, unit,
                    Money.times(unit, people), exemptTax(), Money.ZERO));
        }
        BigDecimal fee = Money.between(draw, 45, 85, 5);
        BigDecimal fees = Money.times(fee, travellers);
        lines.add(new Line("Booking service fee", travellers, fee, fees, serviceFeeTax(), fees.multiply(feeRate).setScale(2, RoundingMode.HALF_UP)));
        BigDecimal subtotal = Money.sum(lines.stream().map(Line::amount).toList());
        BigDecimal tax = Money.sum(lines.stream().map(Line::tax).toList());
        BigDecimal total = subtotal.add(tax);
        Instant createdAt = Calendar.atOfficeHours(draw, day);
        String customerName = (String) customer.get("name");
        ScenarioJournal.Entry entry = journal.entry(ActivityPack.key(day, "invoice"), 0, day, createdAt, "INVOICE",
                "Invoice " + number + " to " + customerName).debit(Chart.RECEIVABLES, total, number);
        for (Line line : lines) {
            entry.credit(Chart.CORPORATE_TRAVEL_FEES, line.amount(), line.description());
        }
        entry.credit(Chart.SALES_TAX, tax, "Sales tax on service fees").post();

        UUID invoice = ctx.id(ActivityPack.key(day, "invoice"), 0);
        int terms = ((Number) customer.get("payment_terms_days")).intValue();
        written.add(() -> {
            sink.add("accounting.invoices", Row.withId(invoice)
                    .set("invoice_number", number)
                    .set("customer_id", customer.get("id"))
                    .set("issue_date", day)
                    .set("due_date", day.plusDays(terms))
                    .set("status", "ISSUED")
                    .set("currency", Money.USD)
                    .set("subtotal", subtotal)
                    .set("tax", tax)
                    .set("total", total)
                    .set("balance", total)
                    .set("entry_id", entry.id)
                    .set("memo", "Corporate travel booked " + day)
                    .set("created_at", createdAt));
            for (int l = 0; l < lines.size(); l++) {
                Line line = lines.get(l);
                sink.add("accounting.invoice_lines", Row.withId(ctx.id(ActivityPack.key(day, "invoice_line"), l))
                        .set("invoice_id", invoice)
                        .set("line_no", l + 1)
                        .set("description", line.description())
                        .set("quantity", BigDecimal.valueOf(line.quantity()).setScale(2))
                        .set("unit_price", line.unitPrice())
                        .set("amount", line.amount())
                        .set("tax_rate_id", line.taxRate())
                        .set("tax", line.tax())
                        .set("account_id", journal.account(Chart.CORPORATE_TRAVEL_FEES)));
            }
        });
    }

    private UUID serviceFeeTax() {
        return ctx.id("tax_rate", Chart.TAX_RATES.indexOf(Chart.SERVICE_FEE_TAX));
    }

    private UUID exemptTax() {
        return ctx.id("tax_rate", Chart.TAX_RATES.indexOf(Chart.EXEMPT));
    }

    // ---------------------------------------------------------------- the day's expense

    /**
     * Now and then a rush print job for the marketing team, billed by demo-travel-co's printer as its other
     * bills are (its prefix, the number after its last one, its terms): Dr 6200 the amount and the sales tax
     * on it (no input tax is recovered), Cr 2000 the total; open until paid.
     */
    private void expense(ScenarioJournal journal) {
        Draw draw = ctx.draw(ActivityPack.key(day, "bill"), 0);
        UUID vendor = ctx.id("vendor", Catalog.BROCHURE_PRINTER);
        if (!draw.chance(EXPENSE_RATE)
                || ctx.query("SELECT 1 AS known FROM suppliers.vendors WHERE org_id = :org AND id = ?", vendor).isEmpty()) {
            return;
        }
        Catalog.Supplier printer = Catalog.SUPPLIERS.get(Catalog.BROCHURE_PRINTER);
        Object last = ctx.query("""
                SELECT max(substring(bill_number FROM '([0-9]+)$')::bigint) AS last FROM accounting.bills
                 WHERE org_id = :org AND vendor_id = ? AND bill_number ~ '[0-9]+$'""", vendor).get(0).get("last");
        String number = printer.billPrefix() + (last == null ? 1_001 : ((Number) last).longValue() + 1);
        String description = "Rush print job: " + draw.pick(PRINT_JOBS);
        Payables.Line line = Payables.line(description, 1, Money.between(draw, 180, 650, 5), true, Chart.MARKETING, null);
        BigDecimal total = line.amount().add(line.tax());
        Instant createdAt = Calendar.atOfficeHours(draw, day);
        ScenarioJournal.Entry entry = journal.entry(ActivityPack.key(day, "bill"), 0, day, createdAt, "BILL",
                        "Bill " + number + " from " + printer.name())
                .debit(Chart.MARKETING, total, description)
                .credit(Chart.PAYABLES, total, number)
                .post();
        UUID bill = ctx.id(ActivityPack.key(day, "bill"), 0);
        written.add(() -> {
            sink.add("accounting.bills", Row.withId(bill)
                    .set("bill_number", number)
                    .set("vendor_id", vendor)
                    .set("issue_date", day)
                    .set("due_date", day.plusDays(printer.trade().termsDays))
                    .set("status", "OPEN")
                    .set("currency", Money.USD)
                    .set("subtotal", line.amount())
                    .set("tax", line.tax())
                    .set("total", total)
                    .set("balance", total)
                    .set("entry_id", entry.id)
                    .set("memo", description)
                    .set("created_at", createdAt));
            sink.add("accounting.bill_lines", Row.withId(ctx.id(ActivityPack.key(day, "bill_line"), 0))
                    .set("bill_id", bill)
                    .set("line_no", 1)
                    .set("description", line.description())
                    .set("quantity", line.quantity())
                    .set("unit_price", line.unitPrice())
                    .set("amount", line.amount())
                    .set("tax", line.tax())
                    .set("account_id", journal.account(Chart.MARKETING))
                    .set("inventory_item_id", null));
        });
    }

    // ---------------------------------------------------------------- the day's payment

    /** One of the invoices issued before today, open in full, that have been due longest; none when there is none. */
    private Map<String, Object> openInvoice() {
        List<Map<String, Object>> open = ctx.query("""
                SELECT i.id, i.invoice_number, i.customer_id, i.balance, c.name FROM accounting.invoices i
                  JOIN accounting.customers c ON c.org_id = i.org_id AND c.id = i.customer_id
                 WHERE i.org_id = :org AND i.status = 'ISSUED' AND i.balance > 0 AND i.issue_date < ?
                 ORDER BY i.due_date, i.id LIMIT ?""", day, OLDEST_OPEN);
        return open.isEmpty() ? null : ctx.draw(ActivityPack.key(day, "payment"), 0).pick(open);
    }

    /** The customer pays the invoice's balance by ACH into the Operating Account: Dr 1000, Cr 1100. */
    private void payment(ScenarioJournal journal, Map<String, Object> invoice, Map<String, Object> bank, String number) {
        Draw draw = ctx.draw(ActivityPack.key(day, "payment"), 1);
        BigDecimal amount = (BigDecimal) invoice.get("balance");
        String invoiceNumber = (String) invoice.get("invoice_number");
        String customer = (String) invoice.get("name");
        Instant paidAt = Calendar.atOfficeHours(draw, day);
        ScenarioJournal.Entry entry = journal.entry(ActivityPack.key(day, "payment"), 0, day, paidAt, "PAYMENT",
                        "Payment from " + customer + " for " + invoiceNumber)
                .debit(Chart.OPERATING, amount, null)
                .credit(Chart.RECEIVABLES, amount, invoiceNumber)
                .post();
        UUID payment = ctx.id(ActivityPack.key(day, "payment"), 0);
        UUID bankAccount = (UUID) bank.get("id");
        String reference = Payments.reference(draw, "ACH");
        written.add(() -> {
            sink.add("accounting.payments", Row.withId(payment)
                    .set("payment_number", number)
                    .set("direction", "RECEIVED")
                    .set("customer_id", invoice.get("customer_id"))
                    .set("vendor_id", null)
                    .set("bank_account_id", bankAccount)
                    .set("paid_on", day)
                    .set("amount", amount)
                    .set("currency", Money.USD)
                    .set("method", "ACH")
                    .set("reference", reference)
                    .set("entry_id", entry.id)
                    .set("created_at", paidAt));
            sink.add("accounting.payment_allocations", Row.withId(ctx.id(ActivityPack.key(day, "allocation"), 0))
                    .set("payment_id", payment)
                    .set("invoice_id", invoice.get("id"))
                    .set("bill_id", null)
                    .set("amount", amount)
                    .set("allocated_on", day));
            sink.add("accounting.bank_transactions", Row.withId(ctx.id(ActivityPack.key(day, "bank_transaction"), 0))
                    .set("bank_account_id", bankAccount)
                    .set("posted_on", day)
                    .set("description", "Deposit: " + customer)
                    .set("amount", amount)
                    .set("payment_id", payment)
                    .set("entry_id", null)
                    .set("reconciliation_id", null)
                    .set("created_at", paidAt));
            sink.update("accounting.invoices", Row.withId((UUID) invoice.get("id")).set("status", "PAID").set("balance", Money.ZERO));
            sink.update("accounting.bank_accounts", Row.withId(bankAccount).set("balance", ((BigDecimal) bank.get("balance")).add(amount)));
        });
    }
}
