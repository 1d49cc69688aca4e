package io.seedreset.packs.travel;

import io.seedreset.pack.ActivityPack;
import io.seedreset.pack.Invariant;
import io.seedreset.pack.Mode;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.PackDescriptor;
import io.seedreset.pack.Parameter;
import io.seedreset.pack.Persona;
import io.seedreset.pack.RowSink;
import io.seedreset.pack.Total;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Demo Travel Co, a Chicago travel agency (tours, group trips, corporate travel) whose books look
 * lived-in: 12 to 18 months of double-entry history ending at the anchor, with a summer and a
 * holiday peak, a January lull and a business that grows; customers who come back, recurring
 * suppliers (invented airlines, hotels, coach and tour operators), invoices most of which are paid
 * and some 30/60/90+ days overdue, a few partial payments and one refunded overpayment, bills due
 * next week, two bank accounts reconciled up to the end of last month, stock of brochures and
 * travel kits that moves, monthly payroll, and quarters closed up to the last complete one. The
 * owner and the accountant sign in ({@link Personas}).
 *
 * <p>Scenario packs find its rows with {@code context.idOf("demo-travel-co", entity, ordinal)}.
 * A month's <em>age</em> {@code a} counts back from the anchor's month (0 is the anchor's own,
 * partial month), so a key stays with its calendar month whatever the length of the history.
 * <ul>
 *   <li>{@code user} 0 the owner, 1 the accountant ({@link Personas});</li>
 *   <li>{@code vendor} i: the order of {@link Catalog#SUPPLIERS} (0-3 airlines, 4-9 hotels, 10-12 coach
 *       operators, 13-16 tour operators, 17 the landlord, 18 the accountants, 19-20 printers,
 *       21-22 software, 23-24 utilities and telephone);</li>
 *   <li>{@code account} i: the order of {@link Chart#ACCOUNTS} (0 is 1000 Operating Account);
 *       {@code tax_rate} 0 sales tax on service fees, 1 exempt; {@code bank_account} 0 Operating,
 *       1 Reserve Savings; {@code period} q: the q-th quarter of the history, oldest first;</li>
 *   <li>{@code customer} i: corporate accounts first, then groups, then individuals
 *       ({@link Counterparties});</li>
 *   <li>{@code invoice} 1000a+k: the k-th invoice issued in month a; its {@code invoice_line} 8(1000a+k)+l;</li>
 *   <li>{@code bill} 1000a+k: in month a, k &lt; 800 the suppliers' bills for the trips sold,
 *       800+j the overheads (rent, software, utilities, accountants, marketing), 900+j the stock
 *       bought from printers; its {@code bill_line} 8(1000a+k)+l;</li>
 *   <li>{@code payment/receipt} 4i+n: the n-th instalment received on invoice i (one payment may
 *       settle several invoices of a corporate account: it takes the key of its first), its
 *       {@code allocation/receipt} 4i+n; {@code payment/supplier} b and {@code allocation/supplier} b:
 *       bill b paid; {@code payment/refund} 0: the one overpayment returned;</li>
 *   <li>{@code bank_transaction/...}: a payment's transaction shares the payment's entity and key
 *       ({@code bank_transaction/receipt} 4i+n); {@code bank_transaction/payroll} a (net pay),
 *       {@code /withholding} a, {@code /sales_tax} a, {@code /account_fee} a, {@code /card_fees} a,
 *       {@code /interest} a; {@code reconciliation} 100b+a for bank account b and month a;</li>
 *   <li>{@code item} i: the order of {@link Catalog#ITEMS}; {@code movement/purchase} and
 *       {@code movement/issue} 100a+i;</li>
 *   <li>{@code employee} i: 0 the owner, 1 the accountant, then drawn; {@code payroll_run} a and
 *       {@code payroll_line} 100a+i;</li>
 *   <li>{@code entry/KIND} key, with {@code entry_line/KIND} 16key+n: the journal entry a document
 *       posted, KIND naming the document and key being its key (see {@link Books}).</li>
 * </ul>
 */
public final class DemoTravelCoPack implements ActivityPack {

    public static final String ID = "demo-travel-co";

    static final String MONTHS = "months";
    static final String CUSTOMERS = "customers";
    static final String INVOICES_PER_MONTH = "invoices_per_month";
    static final String EMPLOYEES = "employees";

    private static final PackDescriptor DESCRIPTOR = new PackDescriptor(
            ID,
            "1.0.0",
            "Demo Travel Co (accounting)",
            "The books of Demo Travel Co, a Chicago travel agency selling tours, group trips and corporate travel, "
                    + "kept by double entry over the last 12 to 18 months: a chart of accounts, invoices to corporate "
                    + "accounts, groups and travellers (most paid, some current, some 30, 60 and 90+ days overdue, a few "
                    + "partly paid, one overpayment refunded), bills from invented airlines, hotels, coach and tour "
                    + "operators (some due next week), two bank accounts reconciled to the end of last month, brochures "
                    + "and travel kits in stock, monthly payroll, and quarters closed up to the last complete one. "
                    + "Summer and holiday peaks, a January lull and growth over the period. Logins for the owner and the "
                    + "accountant (one published demo password). Every date is relative to the anchor.",
            List.of("suppliers", "accounting", "identity"),
            List.of(
                    Mode.of("default", "A year and a half of books for a sales demo: 18 months, 120 customers, about 30 "
                            + "invoices a month, 12 employees", sizes(18, 120, 30, 12)),
                    Mode.of("minimal", "One year of a smaller agency: 12 months, 40 customers, about 20 invoices a month, "
                            + "8 employees", sizes(12, 40, 20, 8)),
                    Mode.of("full", "A busy agency for QA and reporting: 18 months, 300 customers, about 80 invoices a "
                            + "month, 20 employees", sizes(18, 300, 80, 20))),
            List.of(
                    Parameter.integer(MONTHS, "months of history, ending with the anchor's own (partial) month", 18, 12, 18),
                    Parameter.integer(CUSTOMERS, "customers: about a sixth corporate accounts, a fifth groups, the rest "
                            + "individual travellers", 120, 10, 2_000),
                    Parameter.integer(INVOICES_PER_MONTH, "invoices issued in a month of average season at the end of the "
                            + "history; seasons and the company's growth make other months busier or quieter", 30, 5, 300),
                    Parameter.integer(EMPLOYEES, "employees on the payroll, the owner and the accountant included; about "
                            + "a quarter of them joined during the history", 12, 4, 60)),
            List.of());

    private static final List<Total> TOTALS = List.of(
            new Total("revenue (invoiced, before tax)", "accounting.invoices", "subtotal"),
            new Total("receivables (owed by customers)", "accounting.invoices", "balance"),
            new Total("payables (owed to suppliers)", "accounting.bills", "balance"),
            new Total("cash (bank balances)", "accounting.bank_accounts", "balance"));

    private static Map<String, Object> sizes(long months, long customers, long invoicesPerMonth, long employees) {
        return Map.of(MONTHS, months, CUSTOMERS, customers, INVOICES_PER_MONTH, invoicesPerMonth, EMPLOYEES, employees);
    }

    @Override
    public PackDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void generate(PackContext context, RowSink sink) {
        new Generation(context).run().write(sink);
    }

    /** A business day's new invoice and a customer's payment of an open one, with their entries ({@link Activity}). */
    @Override
    public void activity(PackContext context, LocalDate day, RowSink sink) {
        new Activity(context, day, sink).run();
    }

    @Override
    public List<Invariant> invariants() {
        return ValidationRules.ALL;
    }

    /** The owner and the accountant, the same in every mode and for every seed. */
    @Override
    public List<Persona> personas(PackContext context) {
        return Personas.ALL.stream().map(Personas.Spec::persona).toList();
    }

    @Override
    public List<Total> totals() {
        return TOTALS;
    }
}
