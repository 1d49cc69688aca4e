package io.seedreset.packs.travel;

import io.seedreset.pack.Draw;
import io.seedreset.pack.Mode;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.PackDescriptor;
import io.seedreset.pack.PackFailure;
import io.seedreset.pack.Row;
import io.seedreset.pack.RowSink;
import io.seedreset.pack.SeedPack;
import io.seedreset.packs.travel.Catalog.Trade;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Scenario {@code cash-crunch}: Demo Travel Co is about to run out of cash. Two to three weeks ago
 * its main airline, hotel and tour-operator suppliers billed the coming peak season's allotments
 * (group seats, room blocks, land packages: Dr 1300 Prepaid Supplier Deposits, Cr 2000), the
 * company paid each a deposit out of the Operating Account (SENT payments with their bank lines and
 * entries), and the balances fall due in the next 3 to 10 days. Meanwhile a few of its biggest
 * corporate accounts and groups have not paid large invoices issued 45 to 75 days ago (posted as
 * demo-travel-co posts its invoices), so the receivables that would have covered the bills are
 * overdue. The Operating Account ends at a small fraction of what falls due in the next two weeks:
 * the cash report (money in and out over the last month, the closing balance) and the aged payables
 * and receivables tell the story.
 *
 * <p>Every document is dated in the open periods before the anchor (a closed quarter's books stay as
 * they were closed: after quarter-close, the allotments and the slipped invoices move into the
 * quarter still open, the invoices still a week past due); the scenario refuses, saying so, when the
 * open periods begin too close to the anchor for that.
 *
 * <p>The amounts come from the books: the deposits take the Operating Account's balance down to a
 * fraction of what it then owes within two weeks (the bills demo-travel-co already has due plus the
 * allotments' balances). Numbers carry on the organization's sequences (entries, payments, invoices,
 * each supplier's own bill numbers). Everything is an added row but the bank account's balance, an
 * update: tearing the scenario down restores the organization as it was. Without an anchor of its
 * own it takes demo-travel-co's (the engine does that for scenarios).
 */
public final class CashCrunchPack implements SeedPack {

    public static final String ID = "cash-crunch";

    /** Prepaid Supplier Deposits in the contract's chart: travel paid for before it departs. */
    static final String PREPAID_DEPOSITS = "1300";

    /** The trades whose peak-season allotments take deposits, in the order the allotments go round them. */
    private static final List<Trade> ALLOTMENT_TRADES = List.of(Trade.AIRLINE, Trade.HOTEL, Trade.TOUR_OPERATOR);
    /** One allotment per this much cash in the Operating Account, within {@link #MIN_ALLOTMENTS} and {@link #MAX_ALLOTMENTS}. */
    private static final long CASH_PER_ALLOTMENT = 150_000;
    private static final int MIN_ALLOTMENTS = 3;
    private static final int MAX_ALLOTMENTS = 6;
    /** The biggest corporate accounts and groups that each leave one large invoice unpaid. */
    private static final int SLIPPED_PER_KIND = 2;
    /** Business trips on a corporate invoice at most: with the booking fee and the tax the entry stays within its 16 lines. */
    private static final int MAX_TRIPS = 12;
    private static final int LINES_PER_DOCUMENT = 16;

    private static final PackDescriptor DESCRIPTOR = new PackDescriptor(
            ID,
            "1.0.0",
            "Cash crunch",
            "Demo Travel Co runs short of cash: its main airline, hotel and tour-operator suppliers billed the coming peak "
                    + "season's allotments two to three weeks ago, deposits on them went out of the Operating Account, and the "
                    + "balances fall due in the next 3 to 10 days; big corporate and group invoices issued 45 to 75 days ago are "
                    + "still unpaid. The Operating Account ends at a small fraction of what falls due in the next two weeks, as the "
                    + "cash report and the aged payables and receivables show. Amounts come from the books; tearing it down "
                    + "restores them.",
            List.of("accounting"),
            List.of(Mode.of("default", "deposits take the Operating Account down to 5-10% of what falls due within two weeks",
                    Map.of())),
            List.of(),
            List.of(DemoTravelCoPack.ID));

    /** A supplier of a travel trade with its own bill numbering ("HAA" and 8740: its next bill is HAA8741). */
    private record Supplier(UUID id, String name, Trade trade, String billPrefix, long lastBillNumber) {
    }

    /** A corporate account or group, with the largest invoice it has had so far. */
    private record Customer(UUID id, String name, String kind, int termsDays, BigDecimal largest) {
    }

    /** demo-travel-co's two tax rates: on the agency's service fees, and exempt (travel itself). */
    private record TaxRates(UUID serviceFees, BigDecimal serviceFeeRate, UUID exempt) {
    }

    private record Line(String description, long quantity, BigDecimal unitPrice, BigDecimal amount, UUID taxRate, BigDecimal tax,
                        String account) {
    }

    /** One supplier's allotment: its bill, the deposit paid on it and the balance due. */
    private record Allotment(int key, Supplier supplier, String number, LocalDate issued, LocalDate due, Instant createdAt, int depositPercent,
                             List<Line> lines, BigDecimal total, BigDecimal deposit, LocalDate paidOn, Instant paidAt, String reference,
                             String memo) {
    }

    /** An invoice that slipped; {@code number} is given once all are made, in date order after the organization's last. */
    private record Invoice(int key, Customer customer, LocalDate issued, LocalDate due, Instant createdAt, String memo, List<Line> lines,
                           BigDecimal subtotal, BigDecimal tax, BigDecimal total, String number) {

        Invoice numbered(String invoiceNumber) {
            return new Invoice(key, customer, issued, due, createdAt, memo, lines, subtotal, tax, total, invoiceNumber);
        }
    }

    @Override
    public PackDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void generate(PackContext context, RowSink sink) {
        LocalDate today = LocalDate.ofInstant(context.anchor(), ZoneOffset.UTC);

        // Everything read first: plan writes nothing, so a read after a write would see other books than apply.
        List<Map<String, Object>> banks = context.query("""
                SELECT b.id, b.balance FROM accounting.bank_accounts b
                  JOIN accounting.accounts a ON a.org_id = b.org_id AND a.id = b.account_id
                 WHERE b.org_id = :org AND a.code = ?""", Chart.OPERATING);
        if (banks.isEmpty()) {
            throw new PackFailure("the books here have no bank account on " + Chart.OPERATING + " (the Operating Account): apply "
                    + DemoTravelCoPack.ID + " first");
        }
        UUID operating = (UUID) banks.get(0).get("id");
        BigDecimal balance = (BigDecimal) banks.get(0).get("balance");
        LocalDate lastStatement = (LocalDate) context.query("""
                SELECT max(statement_date) AS last_statement FROM accounting.reconciliations
                 WHERE org_id = :org AND bank_account_id = ?""", operating).get(0).get("last_statement");
        BigDecimal owedSoon = (BigDecimal) context.query("""
                SELECT coalesce(sum(balance), 0) AS owed FROM accounting.bills
                 WHERE org_id = :org AND status IN ('OPEN', 'PARTIALLY_PAID') AND due_date <= ?""", today.plusDays(14)).get(0).get("owed");
        LocalDate openSince = openSince(context, today);
        List<Supplier> suppliers = suppliers(context);
        List<Customer> customers = customers(context, today);
        TaxRates taxRates = taxRates(context);
        // The documents' numbers before the entries', in the order the accounting API locks them (ScenarioJournal.lastNumber).
        long lastInvoice = ScenarioJournal.lastNumber(context, "accounting.invoices", "invoice_number", "INV-");
        long lastPayment = ScenarioJournal.lastNumber(context, "accounting.payments", "payment_number", "PMT-");
        ScenarioJournal journal = new ScenarioJournal(context);

        List<Allotment> allotments = allotments(context, today, openSince, lastStatement, balance, owedSoon, suppliers);
        BigDecimal deposits = Money.sum(allotments.stream().map(Allotment::deposit).toList());
        if (deposits.compareTo(balance) >= 0) {
            throw new IllegalStateException("deposits of " + deposits + " would overdraw the Operating Account's " + balance);
        }
        List<Invoice> invoices = slipped(context, today, openSince, customers, taxRates, lastInvoice);

        for (Allotment allotment : allotments) {
            post(journal, allotment);
        }
        for (Invoice invoice : invoices) {
            post(journal, invoice);
        }
        journal.write(sink);
        for (Invoice invoice : invoices) {
            writeInvoice(context, sink, invoice, journal);
        }
        for (Allotment allotment : allotments) {
            writeBill(context, sink, allotment, journal);
        }
        List<Allotment> byPayment = allotments.stream().sorted(Comparator.comparing(Allotment::paidOn).thenComparing(Allotment::paidAt)
                .thenComparingInt(Allotment::key)).toList();
        for (int n = 0; n < byPayment.size(); n++) {
            writeDeposit(context, sink, byPayment.get(n), String.format(Locale.ROOT, "PMT-%06d", lastPayment + n + 1), operating, journal);
        }
        sink.update("accounting.bank_accounts", Row.withId(operating).set("balance", balance.subtract(deposits)));
    }

    // ---------------------------------------------------------------- reading the books

    /**
     * The first day from which every day up to {@code today} lies in an OPEN period: the start of the
     * run of open periods that holds today. Every document the scenario writes is dated from then on,
     * so that it never lands in a quarter already closed (by demo-travel-co, or by quarter-close
     * applied before it): a closed quarter's books stay as they were closed. The documents are
     * recorded on their dates, which are all in those open periods and before the anchor, as a person
     * entering them on the day would have.
     */
    private static LocalDate openSince(PackContext context, LocalDate today) {
        LocalDate since = null;
        for (Map<String, Object> period : context.query("""
                SELECT name, starts_on, ends_on, status FROM accounting.periods
                 WHERE org_id = :org AND starts_on <= ? ORDER BY starts_on DESC""", today)) {
            boolean open = "OPEN".equals(period.get("status"));
            LocalDate startsOn = (LocalDate) period.get("starts_on");
            LocalDate endsOn = (LocalDate) period.get("ends_on");
            if (since == null) {
                if (!open || endsOn.isBefore(today)) {
                    throw new PackFailure("the books here have no open period holding the anchor's date " + today + " (the latest, "
                            + period.get("name") + ", is " + period.get("status") + "): give an --anchor in an open quarter of "
                            + DemoTravelCoPack.ID);
                }
            } else if (!open || !endsOn.plusDays(1).equals(since)) {
                break;
            }
            since = startsOn;
        }
        if (since == null) {
            throw new PackFailure("the books here have no period holding the anchor's date " + today + ": apply " + DemoTravelCoPack.ID + " first");
        }
        return since;
    }

    /**
     * demo-travel-co's airlines, hotels and tour operators that have billed it, the biggest first
     * within each trade, with their latest bill number.
     */
    private static List<Supplier> suppliers(PackContext context) {
        UUID[] ids = new UUID[Catalog.SUPPLIERS.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = context.idOf(DemoTravelCoPack.ID, "vendor", i);
        }
        List<Supplier> suppliers = new ArrayList<>();
        for (Map<String, Object> row : context.query("""
                SELECT v.id, v.name, v.category, sum(b.total) AS billed,
                       max(substring(b.bill_number FROM '([0-9]+)$')::bigint) AS last_number,
                       (array_agg(regexp_replace(b.bill_number, '[0-9]+$', '')
                                  ORDER BY substring(b.bill_number FROM '([0-9]+)$')::bigint DESC, b.id))[1] AS prefix
                  FROM suppliers.vendors v
                  JOIN accounting.bills b ON b.org_id = v.org_id AND b.vendor_id = v.id AND b.bill_number ~ '[0-9]+$'
                 WHERE v.org_id = :org AND v.id = ANY (?) AND v.category = ANY (?)
                 GROUP BY v.id, v.name, v.category
                 ORDER BY billed DESC, v.id""", ids, ALLOTMENT_TRADES.stream().map(t -> t.category).toArray(String[]::new))) {
            Trade trade = ALLOTMENT_TRADES.stream().filter(t -> t.category.equals(row.get("category"))).findFirst().orElseThrow();
            suppliers.add(new Supplier((UUID) row.get("id"), (String) row.get("name"), trade, (String) row.get("prefix"),
                    ((Number) row.get("last_number")).longValue()));
        }
        if (suppliers.size() < MIN_ALLOTMENTS) {
            throw new PackFailure("the books here have " + suppliers.size() + " airline, hotel or tour-operator supplier(s) of "
                    + DemoTravelCoPack.ID + " with bills, not the " + MIN_ALLOTMENTS + " whose allotments come due: apply "
                    + DemoTravelCoPack.ID + " first");
        }
        return suppliers;
    }

    /**
     * The organization's corporate accounts and groups that have been invoiced, the biggest first,
     * that were customers before the slipped invoices' dates and whose terms leave those invoices overdue.
     */
    private static List<Customer> customers(PackContext context, LocalDate today) {
        Instant before = today.minusDays(75).atStartOfDay().toInstant(ZoneOffset.UTC);
        List<Customer> customers = new ArrayList<>();
        for (Map<String, Object> row : context.query("""
                SELECT c.id, c.name, c.kind, c.payment_terms_days, c.created_at, sum(i.total) AS invoiced, max(i.total) AS largest
                  FROM accounting.customers c
                  JOIN accounting.invoices i ON i.org_id = c.org_id AND i.customer_id = c.id
                 WHERE c.org_id = :org AND c.kind IN ('CORPORATE', 'GROUP') AND c.payment_terms_days <= 60
                 GROUP BY c.id, c.name, c.kind, c.payment_terms_days, c.created_at
                 ORDER BY invoiced DESC, c.id""")) {
            if (((Instant) row.get("created_at")).isBefore(before)) {
                customers.add(new Customer((UUID) row.get("id"), (String) row.get("name"), (String) row.get("kind"),
                        ((Number) row.get("payment_terms_days")).intValue(), (BigDecimal) row.get("largest")));
            }
        }
        if (customers.isEmpty()) {
            throw new PackFailure("the books here have no corporate account or group invoiced before " + today.minusDays(75)
                    + " to leave a large invoice unpaid: apply " + DemoTravelCoPack.ID + " first");
        }
        return customers;
    }

    /** demo-travel-co's tax rates as the books hold them (the rate on service fees is read, not assumed). */
    private static TaxRates taxRates(PackContext context) {
        UUID serviceFees = context.idOf(DemoTravelCoPack.ID, "tax_rate", Chart.TAX_RATES.indexOf(Chart.SERVICE_FEE_TAX));
        UUID exempt = context.idOf(DemoTravelCoPack.ID, "tax_rate", Chart.TAX_RATES.indexOf(Chart.EXEMPT));
        List<Map<String, Object>> rates = context.query("SELECT id, rate FROM accounting.tax_rates WHERE org_id = :org AND id = ANY (?)",
                (Object) new UUID[] {serviceFees, exempt});
        if (rates.size() != 2) {
            throw new PackFailure("the books here lack " + DemoTravelCoPack.ID + "'s tax rates (sales tax on service fees, exempt "
                    + "travel): apply " + DemoTravelCoPack.ID + " first");
        }
        BigDecimal serviceFeeRate = rates.stream().filter(r -> r.get("id").equals(serviceFees)).map(r -> (BigDecimal) r.get("rate"))
                .findFirst().orElseThrow();
        return new TaxRates(serviceFees, serviceFeeRate, exempt);
    }

    // ---------------------------------------------------------------- the allotments

    /**
     * The peak season's allotments, sized so that once their deposits are paid the Operating Account
     * holds a fraction {@code f} of everything due within two weeks: what was already owed by then
     * ({@code owedSoon}) plus the allotments' balances. With deposits of share {@code p_i} on
     * allotment shares {@code w_i}, the balances are {@code R} times the deposits, {@code R = sum
     * w_i (1 - p_i) / p_i}; the cash left {@code T} then solves {@code T = f (owedSoon + (B - T) R)}.
     * Quantities are whole seats, room-nights and travellers, rounded down, so the deposits never
     * take more than that.
     */
    private static List<Allotment> allotments(PackContext context, LocalDate today, LocalDate openSince, LocalDate lastStatement,
                                              BigDecimal balance, BigDecimal owedSoon, List<Supplier> suppliers) {
        // A bill on a weekday in the open periods and its deposit on a later weekday, both before today.
        LocalDate firstBill = Calendar.weekdayOnOrAfter(openSince);
        if (!Calendar.weekdayOnOrAfter(firstBill.plusDays(1)).isBefore(today)) {
            throw new PackFailure("the books here are open only from " + openSince + ", too close to the anchor's date " + today
                    + " for the allotments' bills and deposits to be dated in an open period: give a later --anchor, or apply "
                    + ID + " before the period is closed");
        }
        double cash = balance.doubleValue();
        int count = (int) Math.max(MIN_ALLOTMENTS, Math.min(Math.min(MAX_ALLOTMENTS, suppliers.size()), Math.round(cash / CASH_PER_ALLOTMENT)));
        List<Supplier> chosen = roundRobin(suppliers, count);
        double[] weights = new double[count];
        int[] percents = new int[count];
        double weightSum = 0;
        for (int i = 0; i < count; i++) {
            Draw draw = context.draw("allotment_share", i);
            weights[i] = 0.7 + 0.6 * draw.random().nextDouble();
            percents[i] = 5 * draw.between(7, 10);
            weightSum += weights[i];
        }
        double ratio = 0;
        for (int i = 0; i < count; i++) {
            ratio += weights[i] / weightSum * (100.0 - percents[i]) / percents[i];
        }
        double left = context.draw("cash_left", 0).between(5, 10) / 100.0;
        double target = left * (owedSoon.doubleValue() + cash * ratio) / (1 + left * ratio);
        double depositsTarget = cash - target;
        if (depositsTarget < 1_000.0 * count) {
            throw new PackFailure("the Operating Account holds " + balance + " against " + owedSoon + " due within two weeks: it is "
                    + "already short, with no cash left to run low");
        }

        String season = today.getMonthValue() <= 5 ? "summer " + today.getYear() : "holiday season " + today.getYear();
        List<Allotment> allotments = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Supplier supplier = chosen.get(i);
            Draw draw = context.draw("allotment", i);
            double totalTarget = depositsTarget * weights[i] / weightSum * 100 / percents[i];
            int lineCount = draw.between(1, 2);
            List<Line> lines = new ArrayList<>();
            for (int l = 0; l < lineCount; l++) {
                lines.add(allotmentLine(draw, supplier.trade(), season, totalTarget / lineCount));
            }
            BigDecimal total = Money.sum(lines.stream().map(Line::amount).toList());
            BigDecimal deposit = total.multiply(BigDecimal.valueOf(percents[i])).divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
            LocalDate issued = weekdayBetween(draw, Calendar.later(today.minusDays(21), openSince), Calendar.later(today.minusDays(14), openSince));
            LocalDate due = today.plusDays(draw.between(3, 10));
            // Deposits go out a day or three after the bill, on a weekday; after the last statement
            // the accountant reconciled where the month allows, so that statement stays as it was.
            LocalDate paid = issued.plusDays(draw.between(1, 3));
            if (lastStatement != null && !paid.isAfter(lastStatement)) {
                paid = lastStatement.plusDays(1);
            }
            paid = Calendar.weekdayOnOrAfter(paid);
            if (!paid.isBefore(today)) {
                paid = Calendar.later(Calendar.weekdayOnOrBefore(today.minusDays(1)), issued);
            }
            String method = supplier.trade().method;
            String memo = capitalized(season) + " allotment: " + percents[i] + "% deposit on confirmation, balance due " + due;
            allotments.add(new Allotment(i, supplier, supplier.billPrefix() + (supplier.lastBillNumber() + 1), issued, due,
                    Calendar.atOfficeHours(draw, issued), percents[i], lines, total, deposit, paid,
                    Calendar.atOfficeHours(context.draw("deposit", i), paid), Payments.reference(context.draw("deposit_reference", i), method),
                    memo));
        }
        return allotments;
    }

    /** The first supplier of each trade in turn, then the second of each, and so on. */
    private static List<Supplier> roundRobin(List<Supplier> suppliers, int count) {
        List<Supplier> chosen = new ArrayList<>();
        for (int rank = 0; chosen.size() < count; rank++) {
            for (Trade trade : ALLOTMENT_TRADES) {
                List<Supplier> ofTrade = suppliers.stream().filter(s -> s.trade() == trade).toList();
                if (rank < ofTrade.size() && chosen.size() < count) {
                    chosen.add(ofTrade.get(rank));
                }
            }
        }
        return chosen;
    }

    /** A line of an allotment worth about {@code target}: seats, room-nights or travellers at the trade's peak-season price. */
    private static Line allotmentLine(Draw draw, Trade trade, String season, double target) {
        String description;
        BigDecimal unit;
        switch (trade) {
            case AIRLINE -> {
                description = "Group seats, " + season + " departures: Chicago to " + draw.pick(Catalog.DESTINATIONS);
                unit = Money.withCents(draw, 520, 1_180);
            }
            case HOTEL -> {
                description = "Room block, " + season + ": " + draw.pick(Catalog.DESTINATIONS) + " (room-nights)";
                unit = Money.withCents(draw, 165, 340);
            }
            default -> {
                description = "Land packages, " + season + " departures: " + draw.pick(Catalog.TOURS).name() + " (travellers)";
                unit = Money.between(draw, 1_400, 2_600, 25);
            }
        }
        long quantity = Math.max(1, (long) Math.floor(target / unit.doubleValue()));
        return new Line(description, quantity, unit, Money.times(unit, quantity), null, Money.ZERO, PREPAID_DEPOSITS);
    }

    // ---------------------------------------------------------------- the receivables that slipped

    /**
     * One large invoice each from the biggest corporate accounts and groups, issued 45 to 75 days ago
     * and at least a week past its due date: a fifth to a half more travel than the customer's largest
     * invoice so far (more business trips, a bigger group), priced as demo-travel-co prices theirs:
     * travel untaxed, the agency's fees taxed. All are dated in the open periods (from {@code openSince}):
     * when those begin later than 75 days ago, an invoice is issued within them, still a week past due,
     * and a customer whose terms do not leave such an invoice overdue is passed over.
     */
    private static List<Invoice> slipped(PackContext context, LocalDate today, LocalDate openSince, List<Customer> customers,
                                         TaxRates taxRates, long lastInvoice) {
        LocalDate earliest = Calendar.later(today.minusDays(75), openSince);
        List<Customer> chosen = new ArrayList<>();
        for (String kind : List.of("CORPORATE", "GROUP")) {
            customers.stream().filter(c -> c.kind().equals(kind))
                    .filter(c -> !Calendar.weekdayOnOrAfter(earliest).isAfter(latestIssue(today, earliest, c)))
                    .limit(SLIPPED_PER_KIND).forEach(chosen::add);
        }
        if (chosen.isEmpty()) {
            throw new PackFailure("the books here are open only from " + openSince + ": no corporate account or group has terms short "
                    + "enough for an invoice dated since then to be a week overdue by the anchor's date " + today
                    + ": give a later --anchor, or apply " + ID + " before the period is closed");
        }
        List<Invoice> invoices = new ArrayList<>();
        for (int key = 0; key < chosen.size(); key++) {
            Customer customer = chosen.get(key);
            Draw draw = context.draw("slipped_invoice", key);
            LocalDate issued = weekdayBetween(draw, earliest, latestIssue(today, earliest, customer));
            BigDecimal target = customer.largest().multiply(BigDecimal.valueOf(draw.between(120, 150))).movePointLeft(2);
            List<Line> lines = new ArrayList<>();
            String memo;
            if (customer.kind().equals("CORPORATE")) {
                int travellers = 0;
                while (lines.size() < MAX_TRIPS && Money.sum(lines.stream().map(Line::amount).toList()).compareTo(target) < 0) {
                    int people = draw.between(2, 6);
                    travellers += people;
                    lines.add(invoiceLine("Business travel: Chicago to " + draw.pick(Catalog.BUSINESS_DESTINATIONS) + ", air and hotel",
                            people, Money.withCents(draw, 900, 2_400), Chart.CORPORATE_TRAVEL_FEES, taxRates.exempt(), null));
                }
                lines.add(invoiceLine("Booking service fee", travellers, Money.between(draw, 45, 85, 5), Chart.CORPORATE_TRAVEL_FEES,
                        taxRates.serviceFees(), taxRates.serviceFeeRate()));
                memo = "Corporate travel, " + issued.getMonth().getDisplayName(TextStyle.FULL, Locale.US) + " " + issued.getYear();
            } else {
                String trip = draw.pick(Catalog.GROUP_TRIPS);
                BigDecimal perTraveller = Money.between(draw, 1_300, 2_200, 25);
                long travellers = Math.max(30, target.divide(perTraveller, 0, RoundingMode.CEILING).longValue());
                lines.add(invoiceLine(trip + ", per traveller", travellers, perTraveller, Chart.GROUP_TRIPS, taxRates.exempt(), null));
                lines.add(invoiceLine("Private coach transfers (days)", draw.between(3, 6), Money.between(draw, 1_200, 1_900, 50),
                        Chart.GROUP_TRIPS, taxRates.exempt(), null));
                lines.add(invoiceLine("Group coordination fee", 1, Money.between(draw, 800, 1_500, 50), Chart.GROUP_TRIPS,
                        taxRates.serviceFees(), taxRates.serviceFeeRate()));
                memo = trip;
            }
            BigDecimal subtotal = Money.sum(lines.stream().map(Line::amount).toList());
            BigDecimal tax = Money.sum(lines.stream().map(Line::tax).toList());
            invoices.add(new Invoice(key, customer, issued, issued.plusDays(customer.termsDays()), Calendar.atOfficeHours(draw, issued), memo,
                    lines, subtotal, tax, subtotal.add(tax), null));
        }
        List<Invoice> byDate = invoices.stream().sorted(Comparator.comparing(Invoice::issued).thenComparingInt(Invoice::key)).toList();
        List<Invoice> numbered = new ArrayList<>();
        for (int n = 0; n < byDate.size(); n++) {
            numbered.add(byDate.get(n).numbered("INV-" + (lastInvoice + n + 1)));
        }
        return numbered;
    }

    /**
     * The latest a slipped invoice to the customer is issued: 45 days ago, and over a week before today
     * past its terms. When the open periods begin after that ({@code earliest}), any day up to a week
     * past due; before {@code earliest} when even that is too late, and then the customer is passed over.
     */
    private static LocalDate latestIssue(LocalDate today, LocalDate earliest, Customer customer) {
        LocalDate latest = today.minusDays(Math.max(45, customer.termsDays() + 8));
        return latest.isBefore(earliest) ? today.minusDays(customer.termsDays() + 8) : latest;
    }

    /** A line at {@code rate} (null for travel, which is exempt). */
    private static Line invoiceLine(String description, long quantity, BigDecimal unitPrice, String account, UUID taxRate, BigDecimal rate) {
        BigDecimal amount = Money.times(unitPrice, quantity);
        BigDecimal tax = rate == null ? Money.ZERO : amount.multiply(rate).setScale(2, RoundingMode.HALF_UP);
        return new Line(description, quantity, unitPrice, amount, taxRate, tax, account);
    }

    // ---------------------------------------------------------------- posting and writing

    /** The bill (Dr 1300, Cr 2000 its total) and the deposit paid on it (Dr 2000, Cr 1000). */
    private static void post(ScenarioJournal journal, Allotment allotment) {
        String supplier = allotment.supplier().name();
        ScenarioJournal.Entry bill = journal.entry("bill", allotment.key(), allotment.issued(), allotment.createdAt(), "BILL",
                "Bill " + allotment.number() + " from " + supplier);
        for (Line line : allotment.lines()) {
            bill.debit(line.account(), line.amount(), line.description());
        }
        bill.credit(Chart.PAYABLES, allotment.total(), allotment.number()).post();
        journal.entry("supplier", allotment.key(), allotment.paidOn(), allotment.paidAt(), "PAYMENT",
                        "Payment to " + supplier + " for " + allotment.number() + " (" + allotment.depositPercent() + "% deposit)")
                .debit(Chart.PAYABLES, allotment.deposit(), allotment.number())
                .credit(Chart.OPERATING, allotment.deposit(), null)
                .post();
    }

    /** As demo-travel-co posts an issued invoice: Dr 1100 the total, Cr each line's revenue account, Cr 2100 the tax. */
    private static void post(ScenarioJournal journal, Invoice invoice) {
        ScenarioJournal.Entry entry = journal.entry("invoice", invoice.key(), invoice.issued(), invoice.createdAt(), "INVOICE",
                "Invoice " + invoice.number() + " to " + invoice.customer().name())
                .debit(Chart.RECEIVABLES, invoice.total(), invoice.number());
        for (Line line : invoice.lines()) {
            entry.credit(line.account(), line.amount(), line.description());
        }
        entry.credit(Chart.SALES_TAX, invoice.tax(), "Sales tax on service fees").post();
    }

    private static void writeInvoice(PackContext context, RowSink sink, Invoice invoice, ScenarioJournal journal) {
        sink.add("accounting.invoices", Row.withId(context.id("invoice", invoice.key()))
                .set("invoice_number", invoice.number())
                .set("customer_id", invoice.customer().id())
                .set("issue_date", invoice.issued())
                .set("due_date", invoice.due())
                .set("status", "ISSUED")
                .set("currency", Money.USD)
                .set("subtotal", invoice.subtotal())
                .set("tax", invoice.tax())
                .set("total", invoice.total())
                .set("balance", invoice.total())
                .set("entry_id", context.id("entry/invoice", invoice.key()))
                .set("memo", invoice.memo())
                .set("created_at", invoice.createdAt()));
        for (int l = 0; l < invoice.lines().size(); l++) {
            Line line = invoice.lines().get(l);
            sink.add("accounting.invoice_lines", Row.withId(context.id("invoice_line", invoice.key() * LINES_PER_DOCUMENT + l))
                    .set("invoice_id", context.id("invoice", invoice.key()))
                    .set("line_no", l + 1)
                    .set("description", line.description())
                    .set("quantity", BigDecimal.valueOf(line.quantity()).setScale(2))
                    .set("unit_price", line.unitPrice())
                    .set("amount", line.amount())
                    .set("tax_rate_id", line.taxRate())
                    .set("tax", line.tax())
                    .set("account_id", journal.account(line.account())));
        }
    }

    private static void writeBill(PackContext context, RowSink sink, Allotment allotment, ScenarioJournal journal) {
        UUID bill = context.id("bill", allotment.key());
        sink.add("accounting.bills", Row.withId(bill)
                .set("bill_number", allotment.number())
                .set("vendor_id", allotment.supplier().id())
                .set("issue_date", allotment.issued())
                .set("due_date", allotment.due())
                .set("status", "PARTIALLY_PAID")
                .set("currency", Money.USD)
                .set("subtotal", allotment.total())
                .set("tax", Money.ZERO)
                .set("total", allotment.total())
                .set("balance", allotment.total().subtract(allotment.deposit()))
                .set("entry_id", context.id("entry/bill", allotment.key()))
                .set("memo", allotment.memo())
                .set("created_at", allotment.createdAt()));
        for (int l = 0; l < allotment.lines().size(); l++) {
            Line line = allotment.lines().get(l);
            sink.add("accounting.bill_lines", Row.withId(context.id("bill_line", allotment.key() * LINES_PER_DOCUMENT + l))
                    .set("bill_id", bill)
                    .set("line_no", l + 1)
                    .set("description", line.description())
                    .set("quantity", BigDecimal.valueOf(line.quantity()).setScale(2))
                    .set("unit_price", line.unitPrice())
                    .set("amount", line.amount())
                    .set("tax", line.tax())
                    .set("account_id", journal.account(line.account()))
                    .set("inventory_item_id", null));
        }
    }

    /** The deposit: a SENT payment allocated to the bill, and its line on the Operating Account's statement. */
    private static void writeDeposit(PackContext context, RowSink sink, Allotment allotment, String number, UUID operating,
                                     ScenarioJournal journal) {
        UUID payment = context.id("payment/supplier", allotment.key());
        String method = allotment.supplier().trade().method;
        sink.add("accounting.payments", Row.withId(payment)
                .set("payment_number", number)
                .set("direction", "SENT")
                .set("customer_id", null)
                .set("vendor_id", allotment.supplier().id())
                .set("bank_account_id", operating)
                .set("paid_on", allotment.paidOn())
                .set("amount", allotment.deposit())
                .set("currency", Money.USD)
                .set("method", method)
                .set("reference", allotment.reference())
                .set("entry_id", context.id("entry/supplier", allotment.key()))
                .set("created_at", allotment.paidAt()));
        sink.add("accounting.payment_allocations", Row.withId(context.id("allocation/supplier", allotment.key()))
                .set("payment_id", payment)
                .set("invoice_id", null)
                .set("bill_id", context.id("bill", allotment.key()))
                .set("amount", allotment.deposit())
                .set("allocated_on", allotment.paidOn()));
        sink.add("accounting.bank_transactions", Row.withId(context.id("bank_transaction/supplier", allotment.key()))
                .set("bank_account_id", operating)
                .set("posted_on", allotment.paidOn())
                .set("description", statementLine(method, allotment.supplier().name()))
                .set("amount", allotment.deposit().negate())
                .set("payment_id", payment)
                .set("entry_id", null)
                .set("reconciliation_id", null)
                .set("created_at", Calendar.atOfficeHours(context.draw("bank_transaction/supplier", allotment.key()), allotment.paidOn())));
    }

    /** How the bank's statement names money sent, as on demo-travel-co's statements ({@link Banking}). */
    private static String statementLine(String method, String payee) {
        return switch (method) {
            case "ACH" -> "ACH payment to ";
            case "CHECK" -> "Check paid to ";
            case "CARD" -> "Card payment to ";
            default -> "Wire transfer to ";
        } + payee;
    }

    /** A weekday in [from, to]: offices bill and invoice on weekdays. */
    private static LocalDate weekdayBetween(Draw draw, LocalDate from, LocalDate to) {
        LocalDate day = Calendar.weekdayOnOrBefore(Calendar.dayBetween(draw, from, to));
        return day.isBefore(from) ? Calendar.weekdayOnOrAfter(from) : day;
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
