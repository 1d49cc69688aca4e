package io.seedreset.packs.travel;

import io.seedreset.pack.Draw;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.Row;
import io.seedreset.pack.RowSink;
import io.seedreset.packs.travel.Counterparties.Kind;
import io.seedreset.packs.travel.Receivables.Invoice;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of the pack: the company's history worked out in memory first, then written. The books
 * are a web of references (a payment settles invoices and posts an entry that a bank line matches),
 * and several totals are known only once everything after them happened (a bank balance, an
 * invoice's balance, the stock on hand), so nothing is written until the whole history is known;
 * then the tables go out parents first.
 *
 * <p>The order of the history matters where one part feeds another: the month's sales decide the
 * suppliers' bills and the kits handed out; the payments decide the card fees; everything decides
 * the bank statements that are reconciled last.
 */
final class Generation {

    private final PackContext ctx;
    private final Calendar calendar;
    private final Books books;
    private final Counterparties parties;
    private final Banking banking;
    private final Payments payments;
    private final Receivables receivables;
    private final Payables payables;
    private final Inventory inventory;
    private final Payroll payroll;

    Generation(PackContext ctx) {
        this.ctx = ctx;
        int employees = ctx.integer(DemoTravelCoPack.EMPLOYEES);
        int invoicesPerMonth = ctx.integer(DemoTravelCoPack.INVOICES_PER_MONTH);
        this.calendar = new Calendar(ctx.anchor(), ctx.integer(DemoTravelCoPack.MONTHS));
        this.books = new Books(ctx, calendar);
        this.parties = new Counterparties(ctx, calendar, ctx.integer(DemoTravelCoPack.CUSTOMERS));
        // Opening cash covers a few months of payroll and rent; the savings grow with the business.
        Draw opening = ctx.draw("opening", 1);
        this.banking = new Banking(ctx, calendar, books, Money.dollars(60_000 + employees * 10_000L + opening.between(0, 99) * 100L),
                Money.dollars(120_000 + invoicesPerMonth * 3_000L + opening.between(0, 49) * 1_000L));
        this.payments = new Payments(ctx, banking.operatingId());
        this.receivables = new Receivables(ctx, calendar, books, parties);
        this.payables = new Payables(ctx, calendar, books, parties);
        this.inventory = new Inventory(ctx, calendar, books, invoicesPerMonth / 30.0);
        this.payroll = new Payroll(ctx, calendar, books, employees);
    }

    Generation run() {
        int employees = ctx.integer(DemoTravelCoPack.EMPLOYEES);
        int invoicesPerMonth = ctx.integer(DemoTravelCoPack.INVOICES_PER_MONTH);
        BigDecimal equipment = Money.dollars(12_000 + employees * 3_800L);
        books.open(banking.accounts.get(Banking.OPERATING).opening(), banking.accounts.get(Banking.RESERVE).opening(), equipment,
                Money.share(equipment, 0.35), Money.dollars(100_000));

        receivables.issue(invoicesPerMonth);
        Map<Integer, BigDecimal> travelSold = new LinkedHashMap<>();
        Map<Integer, Integer> invoicesIssued = new LinkedHashMap<>();
        Map<Integer, Integer> travellers = new LinkedHashMap<>();
        Map<Integer, List<Receivables.Trip>> trips = new LinkedHashMap<>();
        for (Invoice invoice : receivables.invoices) {
            trips.computeIfAbsent(invoice.age, a -> new ArrayList<>()).addAll(invoice.trips);
            travelSold.merge(invoice.age, invoice.travelCost(), BigDecimal::add);
            invoicesIssued.merge(invoice.age, 1, Integer::sum);
            if (invoice.customer.kind() != Kind.CORPORATE) {
                travellers.merge(invoice.age, invoice.travellers, Integer::sum);
            }
        }
        payables.travelCosts(travelSold, invoicesIssued, trips);
        payables.overheads(employees, age -> payroll.paidIn(age).size());
        inventory.move(travellers, payables);
        payables.post(Math.max(2, Math.round(invoicesPerMonth / 8f)));

        payroll.pay(banking);
        receivables.settle(payments);
        payables.settle(payments);
        banking.payments(payments.all);
        banking.salesTax(receivables.taxByMonth());
        banking.monthEnds();
        banking.reconcile();
        return this;
    }

    /** Every table, parents before the rows that refer to them. */
    void write(RowSink sink) {
        writeLogins(sink);
        parties.writeVendors(sink);
        books.writeChart(sink);
        books.writeJournal(sink);
        parties.writeCustomers(sink);
        receivables.write(sink);
        inventory.writeItems(sink);
        payables.write(sink);
        banking.writeAccounts(sink);
        payments.write(sink);
        banking.writeStatements(sink);
        inventory.writeMovements(sink);
        payroll.writeEmployees(sink);
        payroll.writeRuns(sink);
    }

    /** The owner set the books up on the platform before the history began; the accountant joined after. */
    private void writeLogins(RowSink sink) {
        List<Personas.Spec> logins = Personas.ALL;
        for (int i = 0; i < logins.size(); i++) {
            Personas.Spec spec = logins.get(i);
            sink.add("identity.users", Row.withId(ctx.id("user", i))
                    .set("email", spec.email())
                    .set("password_hash", Personas.DEMO_PASSWORD_HASH)
                    .set("name", spec.name())
                    .set("role", spec.role())
                    .set("active", true)
                    .set("created_at", Calendar.atOfficeHours(ctx.draw("user", i), calendar.start.minusDays(spec.since()))));
        }
    }
}
