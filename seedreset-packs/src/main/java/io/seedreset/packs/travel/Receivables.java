package io.seedreset.packs.travel;

import io.seedreset.pack.Draw;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.Row;
import io.seedreset.pack.RowSink;
import io.seedreset.packs.travel.Counterparties.Customer;
import io.seedreset.packs.travel.Counterparties.Kind;
import io.seedreset.packs.travel.Payments.Allocation;
import io.seedreset.packs.travel.Payments.Direction;
import io.seedreset.packs.travel.Payments.Payment;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.time.Month;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What customers owe and pay: the invoices of every month (as many as the season and the company's
 * size make), and the payments against them, each customer paying the way its kind does. Then the
 * aging a prospect expects to see as of the anchor: most invoices paid, the recent ones current,
 * some 1-30, 31-60, 61-90 and 90+ days overdue, a few partly paid, and one overpayment refunded.
 */
final class Receivables {

    /** Invoice keys per month: {@code 1000 * age + k}. The largest mode issues about 500 in its busiest month. */
    static final int KEYS_PER_MONTH = 1_000;
    /** Lines per invoice key: {@code 8 * key + l}. */
    private static final int LINES_PER_INVOICE = 8;
    /** Instalments per invoice key: a receipt's key is {@code 4 * invoice key + n}. */
    static final int INSTALMENTS_PER_INVOICE = 4;

    /** Shares of the invoices issued by kind: corporate accounts are billed most often, groups bring the largest. */
    private static final double CORPORATE_SHARE = 0.45;
    private static final double GROUP_SHARE = 0.15;

    /**
     * The share of the invoices that fell due 1-30, 31-60 and 61-90 days before the anchor left
     * unpaid (at least one each), and of those that fell due 91 to 365 days before, left unpaid
     * 90+ days. Corporate accounts paying late leave some 1-30 (and 31-60) days overdue anyway.
     */
    private static final double[] LEFT_OPEN = {0.20, 0.10, 0.07, 0.015};
    /** The oldest an invoice left open goes: a receivable older than this would have been written off. */
    private static final int OLDEST_OPEN_DAYS = 270;

    record Line(String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount, boolean taxed, String account,
                BigDecimal tax) {
    }

    /**
     * A trip an invoice sells: where to, departing when, for how many and how long; its suppliers'
     * bills ({@link Payables}) are for the same place and month. {@code group} names a group trip.
     */
    record Trip(Catalog.Place place, YearMonth departs, int travellers, int nights, String group) {
    }

    static final class Invoice {
        final int key;
        final int age;
        final UUID id;
        final Customer customer;
        final LocalDate issued;
        final LocalDate due;
        final Instant createdAt;
        final String memo;
        final List<Line> lines;
        /** Travellers on the invoice: each gets a welcome kit and luggage tags ({@link Inventory}). */
        final int travellers;
        final List<Trip> trips;
        final BigDecimal subtotal;
        final BigDecimal tax;
        final BigDecimal total;
        String number;
        Books.Entry entry;
        BigDecimal allocated = Money.ZERO;

        Invoice(int key, int age, UUID id, Customer customer, LocalDate issued, Instant createdAt, String memo, List<Line> lines,
                int travellers, List<Trip> trips) {
            this.key = key;
            this.age = age;
            this.id = id;
            this.customer = customer;
            this.issued = issued;
            this.due = issued.plusDays(customer.termsDays());
            this.createdAt = createdAt;
            this.memo = memo;
            this.lines = lines;
            this.travellers = travellers;
            this.trips = trips;
            this.subtotal = Money.sum(lines.stream().map(Line::amount).toList());
            this.tax = Money.sum(lines.stream().map(Line::tax).toList());
            this.total = subtotal.add(tax);
        }

        BigDecimal balance() {
            return total.subtract(allocated);
        }

        String status() {
            return balance().signum() == 0 ? "PAID" : allocated.signum() == 0 ? "ISSUED" : "PARTIALLY_PAID";
        }

        /** What the company passes on to airlines, hotels and tour operators: everything but its own fees. */
        BigDecimal travelCost() {
            return Money.sum(lines.stream().filter(l -> !l.taxed()).map(Line::amount).toList());
        }
    }

    /** One payment a customer makes (or plans to) on one invoice. */
    private record Instalment(Invoice invoice, int n, LocalDate date, BigDecimal amount, String method) {

        int key() {
            return invoice.key * INSTALMENTS_PER_INVOICE + n;
        }
    }

    private final PackContext ctx;
    private final Calendar calendar;
    private final Books books;
    private final Counterparties parties;
    final List<Invoice> invoices = new ArrayList<>();
    /** When each customer booked so far, and what: nobody buys the same tour twice in a few weeks. */
    private final Map<Customer, List<LocalDate>> booked = new HashMap<>();
    private final Map<Customer, Set<String>> taken = new HashMap<>();

    Receivables(PackContext ctx, Calendar calendar, Books books, Counterparties parties) {
        this.ctx = ctx;
        this.calendar = calendar;
        this.books = books;
        this.parties = parties;
    }

    // ---------------------------------------------------------------- invoicing

    /**
     * Issues every month's invoices, numbered in date order, and posts each: Dr 1100 the total,
     * Cr each line's revenue account its amount, Cr 2100 the tax.
     */
    void issue(int invoicesPerMonth) {
        for (int age : calendar.ages()) {
            int count = (int) Math.round(invoicesPerMonth * calendar.season(age) * calendar.growth(age) * calendar.elapsed(age));
            YearMonth month = calendar.month(age);
            LocalDate last = calendar.lastHappenedDay(age);
            int[] issued = new int[Kind.values().length];
            for (int k = 0; k < count; k++) {
                Kind kind = nextKind(issued, k);
                invoices.add(invoice(age * KEYS_PER_MONTH + k, age, kind, month.atDay(1), last));
            }
        }
        invoices.sort(Comparator.comparing((Invoice i) -> i.issued).thenComparingInt(i -> i.key));
        for (int n = 0; n < invoices.size(); n++) {
            Invoice invoice = invoices.get(n);
            invoice.number = "INV-" + (10_001 + n);
            // The owner raises some of the corporate invoices herself; the accountant the rest.
            String by = ctx.draw("invoice_entry", invoice.key).chance(0.25) ? Personas.OWNER.email() : Personas.ACCOUNTANT.email();
            Books.Entry entry = books.entry("invoice", invoice.key, invoice.issued, invoice.createdAt, Books.Source.INVOICE,
                    "Invoice " + invoice.number + " to " + invoice.customer.name(), by)
                    .debit(Chart.RECEIVABLES, invoice.total, invoice.number);
            for (Line line : invoice.lines) {
                entry.credit(line.account(), line.amount(), line.description());
            }
            invoice.entry = entry.credit(Chart.SALES_TAX, invoice.tax, "Sales tax on service fees").post();
        }
    }

    /**
     * The kind of a month's k-th invoice: whichever kind is furthest behind its share so far. Every
     * month then holds its shares to within one invoice; drawn at random, the few large group trips
     * of a month would swing its revenue more than the seasons do.
     */
    private static Kind nextKind(int[] issued, int k) {
        double[] shares = {CORPORATE_SHARE, GROUP_SHARE, 1 - CORPORATE_SHARE - GROUP_SHARE};
        Kind behind = Kind.CORPORATE;
        double most = Double.NEGATIVE_INFINITY;
        for (Kind kind : Kind.values()) {
            double deficit = shares[kind.ordinal()] * (k + 1) - issued[kind.ordinal()];
            if (deficit > most) {
                most = deficit;
                behind = kind;
            }
        }
        issued[behind.ordinal()]++;
        return behind;
    }

    private Invoice invoice(int key, int age, Kind kind, LocalDate first, LocalDate last) {
        Draw draw = ctx.draw("invoice", key);
        // Offices invoice on weekdays.
        LocalDate day = Calendar.dayBetween(draw, first, last);
        LocalDate weekday = Calendar.weekdayOnOrBefore(day);
        day = weekday.isBefore(first) ? Calendar.earlier(Calendar.weekdayOnOrAfter(day), last) : weekday;
        YearMonth sold = YearMonth.from(day);
        Customer customer = parties.pickCustomer(draw, kind, day, booked);
        booked.computeIfAbsent(customer, c -> new ArrayList<>()).add(day);
        Set<String> before = taken.computeIfAbsent(customer, c -> new HashSet<>());
        List<Line> lines = new ArrayList<>();
        List<Trip> trips = new ArrayList<>();
        int travellers;
        String memo;
        switch (kind) {
            case CORPORATE -> {
                // A month's business trips for the account, booked one by one, and the agency's fee per booking.
                // Fares and rooms are booked at the month's prices: dearer in the peaks.
                double season = calendar.priceLevel(age);
                int count = draw.between(1, 3);
                travellers = 0;
                for (int t = 0; t < count; t++) {
                    int people = draw.between(1, 4);
                    travellers += people;
                    Catalog.Place place = Catalog.place(Catalog.BUSINESS_DESTINATIONS.get(weighted(draw, Catalog.BUSINESS_FREQUENCY)));
                    boolean abroad = place.region() != Catalog.Region.UNITED_STATES;
                    int nights = abroad ? draw.between(3, 6) : draw.between(1, 3);
                    double perTraveller = (place.airfare() + nights * place.roomRate()) * (0.92 + 0.2 * draw.random().nextDouble());
                    trips.add(new Trip(place, sold, people, nights, null));
                    lines.add(line("Business travel: Chicago to " + place.name() + ", air and " + nights + (nights == 1 ? " hotel night" : " hotel nights"),
                            people, Money.scaled(BigDecimal.valueOf(perTraveller), season, 1), false, Chart.CORPORATE_TRAVEL_FEES));
                }
                lines.add(line("Booking service fee", travellers, Money.between(draw, 45, 85, 5), true, Chart.CORPORATE_TRAVEL_FEES));
                memo = "Corporate travel, " + monthName(day);
            }
            case GROUP -> {
                Catalog.GroupTrip trip = Catalog.groupTrip(choose(draw, customer.group().trips(), before, sold, 2, 6,
                        name -> Catalog.groupTrip(name).departs()));
                YearMonth departs = departure(draw, sold, trip.departs(), 2, 6);
                travellers = draw.between(16, 32);
                String when = monthName(departs);
                lines.add(line(trip.name() + ", departing " + when + ", per traveller", travellers,
                        Money.scaled(BigDecimal.valueOf(trip.pricePerTraveller()), premium(departs, 0.4), 1_000), false, Chart.GROUP_TRIPS));
                if (trip.place().byCoach()) {
                    int days = trip.nights() + 1;
                    lines.add(line("Motorcoach from " + customer.city().name() + " (days)", days, Money.between(draw, 1_100, 1_900, 50), false,
                            Chart.GROUP_TRIPS));
                } else if (draw.chance(0.5)) {
                    lines.add(line("Coach transfers to O'Hare and at " + trip.place().name() + " (days)", draw.between(2, 4),
                            Money.between(draw, 1_100, 1_900, 50), false, Chart.GROUP_TRIPS));
                }
                lines.add(line("Group coordination fee", 1, Money.between(draw, 400, 1_500, 50), true, Chart.GROUP_TRIPS));
                trips.add(new Trip(trip.place(), departs, travellers, trip.nights(), trip.name()));
                before.add(trip.name());
                memo = trip.name() + ", " + when;
            }
            default -> {
                List<String> names = Catalog.TOURS.stream().map(Catalog.Tour::name).toList();
                Catalog.Tour tour = Catalog.TOURS.get(names.indexOf(choose(draw, names, before, sold, 1, 5,
                        name -> Catalog.TOURS.get(names.indexOf(name)).departs())));
                YearMonth departs = departure(draw, sold, tour.departs(), 1, 5);
                double size = draw.random().nextDouble();
                travellers = size < 0.2 ? 1 : size < 0.8 ? 2 : size < 0.88 ? 3 : 4;
                String when = monthName(departs);
                // The list price, a little more for a departure in a dear month and for a single traveller's room.
                double single = travellers == 1 ? 1.12 : 1;
                lines.add(line(tour.name() + " (" + tour.nights() + " nights), departing " + when + ", per traveller", travellers,
                        Money.scaled(BigDecimal.valueOf(tour.listPrice()), premium(departs, 0.4) * single, 1_000), false,
                        Chart.TOUR_PACKAGES));
                if (draw.chance(0.4)) {
                    lines.add(line("Travel protection plan", travellers, Money.between(draw, 89, 249, 10), false, Chart.TOUR_PACKAGES));
                }
                lines.add(line("Trip planning fee", 1, Money.between(draw, 75, 250, 25), true, Chart.TOUR_PACKAGES));
                trips.add(new Trip(tour.place(), departs, travellers, tour.nights(), null));
                before.add(tour.name());
                memo = tour.name() + ", " + when;
            }
        }
        return new Invoice(key, age, ctx.id("invoice", key), customer, day, Calendar.atOfficeHours(draw, day), memo, lines, travellers,
                trips);
    }

    /**
     * The trip a customer books: one of {@code options} departing {@code minLead} to {@code maxLead}
     * months after it is sold (a seasonal trip is sold only in the months before its season) and
     * not one it took before; when it took them all, one it took before; when none departs in that
     * window, whichever departs soonest.
     */
    private static String choose(Draw draw, List<String> options, Set<String> before, YearMonth sold, int minLead, int maxLead,
                                 Function<String, Set<Month>> departs) {
        List<String> inSeason = options.stream().filter(o -> firstDeparture(sold, departs.apply(o), minLead, maxLead) != null).toList();
        List<String> fresh = inSeason.stream().filter(o -> !before.contains(o)).toList();
        if (!fresh.isEmpty()) {
            return draw.pick(fresh);
        }
        if (!inSeason.isEmpty()) {
            return draw.pick(inSeason);
        }
        return options.stream().min(Comparator.comparing((String o) -> firstDeparture(sold, departs.apply(o), minLead, 12))).orElseThrow();
    }

    private static YearMonth firstDeparture(YearMonth sold, Set<Month> departs, int minLead, int maxLead) {
        for (int lead = minLead; lead <= maxLead; lead++) {
            if (departs.contains(sold.plusMonths(lead).getMonth())) {
                return sold.plusMonths(lead);
            }
        }
        return null;
    }

    /** A departure month of the trip in the window, drawn among those it departs in (the first after it when none). */
    private static YearMonth departure(Draw draw, YearMonth sold, Set<Month> departs, int minLead, int maxLead) {
        List<YearMonth> months = new ArrayList<>();
        for (int lead = minLead; lead <= maxLead; lead++) {
            if (departs.contains(sold.plusMonths(lead).getMonth())) {
                months.add(sold.plusMonths(lead));
            }
        }
        return months.isEmpty() ? firstDeparture(sold, departs, minLead, 12) : draw.pick(months);
    }

    /** A price's premium for departing in a dear month, {@code steepness} of the way to the season's price level. */
    private static double premium(YearMonth departs, double steepness) {
        return 1 + steepness * (Calendar.priceLevel(departs.getMonth()) - 1);
    }

    /** An index drawn in proportion to the weights. */
    private static int weighted(Draw draw, int[] weights) {
        int roll = draw.between(0, java.util.Arrays.stream(weights).sum() - 1);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static Line line(String description, long quantity, BigDecimal unitPrice, boolean taxed, String account) {
        BigDecimal amount = Money.times(unitPrice, quantity);
        BigDecimal tax = taxed ? Money.share(amount, Chart.SERVICE_FEE_TAX.rate().doubleValue()) : Money.ZERO;
        return new Line(description, BigDecimal.valueOf(quantity).setScale(2), unitPrice, amount, taxed, account, tax);
    }

    private static String monthName(LocalDate day) {
        return monthName(YearMonth.from(day));
    }

    private static String monthName(YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.FULL, Locale.US) + " " + month.getYear();
    }

    /** Sales tax invoiced per month (by age): what the company remits the month after. */
    Map<Integer, BigDecimal> taxByMonth() {
        Map<Integer, BigDecimal> tax = new LinkedHashMap<>();
        for (Invoice invoice : invoices) {
            tax.merge(invoice.age, invoice.tax, BigDecimal::add);
        }
        return tax;
    }

    // ---------------------------------------------------------------- payments

    /**
     * Settles the invoices as of the anchor: each customer's planned payments that fell before today
     * are made, then some are held back to give the aging its buckets, and one traveller pays too
     * much and is refunded. A corporate account pays all invoices falling due by its pay run in one payment.
     */
    void settle(Payments payments) {
        Map<Invoice, List<Instalment>> plans = new LinkedHashMap<>();
        for (Invoice invoice : invoices) {
            plans.put(invoice, plan(invoice).stream().filter(i -> calendar.happened(i.date())).toList());
        }
        holdBackForAging(plans);
        Instalment overpaid = overpaid(plans);
        BigDecimal extra = Money.between(ctx.draw("overpayment", 1), 60, 450, 1);

        // Corporate accounts pay in runs: one payment per account and pay day, with an allocation per invoice.
        Map<String, List<Instalment>> grouped = new LinkedHashMap<>();
        for (List<Instalment> plan : plans.values()) {
            for (Instalment instalment : plan) {
                Customer customer = instalment.invoice().customer;
                String group = customer.kind() == Kind.CORPORATE
                        ? "run/" + customer.ordinal() + "/" + instalment.date() : "single/" + instalment.key();
                grouped.computeIfAbsent(group, g -> new ArrayList<>()).add(instalment);
            }
        }
        Map<Instalment, String> checks = customersChecks(grouped.values());
        for (List<Instalment> group : grouped.values()) {
            Instalment first = group.get(0);
            Customer customer = first.invoice().customer;
            Draw draw = ctx.draw("receipt", first.key());
            List<Allocation> allocations = new ArrayList<>();
            for (Instalment instalment : group) {
                allocations.add(new Allocation(payments.allocationId("receipt", instalment.key()), instalment.invoice().id, null,
                        instalment.amount()));
                instalment.invoice().allocated = instalment.invoice().allocated.add(instalment.amount());
            }
            BigDecimal allocated = Money.sum(allocations.stream().map(Allocation::amount).toList());
            boolean overpays = group.contains(overpaid);
            BigDecimal credit = overpays ? extra : Money.ZERO;
            BigDecimal amount = allocated.add(credit);
            Instant createdAt = Calendar.atOfficeHours(draw, first.date());
            String invoicesPaid = String.join(", ", group.stream().map(i -> i.invoice().number).toList());
            Books.Entry entry = books.entry("receipt", first.key(), first.date(), createdAt, Books.Source.PAYMENT,
                    "Payment from " + customer.name() + " for " + invoicesPaid, Personas.ACCOUNTANT.email())
                    .debit(Chart.OPERATING, amount)
                    .credit(Chart.RECEIVABLES, allocated, invoicesPaid)
                    .credit(Chart.CUSTOMER_CREDITS, credit, "Paid beyond the invoice: owed back")
                    .post();
            LocalDate settles = first.method().equals("CARD")
                    ? Calendar.earlier(first.date().plusDays(draw.between(1, 2)), calendar.yesterday()) : first.date();
            payments.add(new Payment("receipt", first.key(), payments.id("receipt", first.key()), Direction.RECEIVED, customer.id(), null,
                    customer.name(), first.date(), settles, amount, first.method(), reference(customer, first, checks, draw), createdAt, entry,
                    allocations));
            if (overpays) {
                refund(payments, customer, overpaid, extra, reference(customer, first, checks, draw));
            }
        }
    }

    /**
     * What the statement shows of a receipt: a traveller pays with the same card each time, a group
     * writes its checks in number order from its own checkbook; transfers carry the bank's reference.
     */
    private String reference(Customer customer, Instalment first, Map<Instalment, String> checks, Draw draw) {
        return switch (first.method()) {
            case "CARD" -> Payments.reference(ctx.draw("card", customer.ordinal()), "CARD");
            case "CHECK" -> checks.get(first);
            default -> Payments.reference(draw, first.method());
        };
    }

    /** Each paying customer's checks, numbered from its checkbook in the order it wrote them. */
    private Map<Instalment, String> customersChecks(Collection<List<Instalment>> receipts) {
        Map<Instalment, String> checks = new HashMap<>();
        Map<Customer, Integer> next = new HashMap<>();
        receipts.stream().map(r -> r.get(0)).filter(i -> i.method().equals("CHECK"))
                .sorted(Comparator.comparing(Instalment::date).thenComparingInt(Instalment::key))
                .forEach(i -> {
                    Customer customer = i.invoice().customer;
                    int number = next.computeIfAbsent(customer, c -> ctx.draw("checkbook", c.ordinal()).between(1_001, 7_500));
                    next.put(customer, number + checksBetween(i));
                    checks.put(i, "Check " + number);
                });
        return checks;
    }

    /** How many checks a group wrote to others between two of its payments to the company. */
    private int checksBetween(Instalment instalment) {
        return ctx.draw("checks_between", instalment.key()).between(1, 9);
    }

    /** How a customer pays an invoice, if nothing holds it back. */
    private List<Instalment> plan(Invoice invoice) {
        Draw draw = ctx.draw("receipt_plan", invoice.key);
        Customer customer = invoice.customer;
        return switch (customer.kind()) {
            case INDIVIDUAL -> {
                // Travellers mostly pay by card when they book; some by bank, close to the due date.
                if (draw.chance(0.85)) {
                    yield List.of(new Instalment(invoice, 0, Calendar.earlier(invoice.issued.plusDays(draw.between(0, 3)), invoice.due),
                            invoice.total, "CARD"));
                }
                yield List.of(new Instalment(invoice, 0, Calendar.later(invoice.issued, invoice.due.minusDays(draw.between(0, 5))),
                        invoice.total, "ACH"));
            }
            case CORPORATE -> {
                // Paid in the account's next pay run after the due date, give or take its habits.
                LocalDate target = invoice.due.plusDays(draw.between(-4, customer.lateDays()));
                LocalDate run = target.withDayOfMonth(customer.payDay());
                yield List.of(new Instalment(invoice, 0, run.isBefore(target) ? run.plusMonths(1) : run, invoice.total, "ACH"));
            }
            case GROUP -> {
                String method = draw.chance(0.4) ? "CHECK" : "BANK_TRANSFER";
                if (draw.chance(0.5)) {
                    // A deposit soon after booking, the balance before the due date.
                    BigDecimal deposit = Money.share(invoice.total, draw.between(30, 50) / 100.0);
                    LocalDate depositOn = Calendar.earlier(invoice.issued.plusDays(draw.between(2, 10)), invoice.due);
                    LocalDate balanceOn = Calendar.later(depositOn.plusDays(1), invoice.due.minusDays(draw.between(0, 6)));
                    yield List.of(new Instalment(invoice, 0, depositOn, deposit, "BANK_TRANSFER"),
                            new Instalment(invoice, 1, balanceOn, invoice.total.subtract(deposit), method));
                }
                yield List.of(new Instalment(invoice, 0, Calendar.later(invoice.issued, invoice.due.plusDays(draw.between(-6, 8))),
                        invoice.total, method));
            }
        };
    }

    /**
     * Leaves unpaid, in each overdue bucket, the share of its invoices {@link #LEFT_OPEN} asks for:
     * corporate accounts' and groups' first (travellers pay by card when they book), chosen by each
     * invoice's own draw. Every third one held back is partly paid instead: a deposit is in, or part
     * of the amount, and the rest is outstanding.
     */
    private void holdBackForAging(Map<Invoice, List<Instalment>> plans) {
        List<List<Invoice>> buckets = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        int dueLastYear = 0;
        for (Invoice invoice : invoices) {
            long overdue = ChronoUnit.DAYS.between(invoice.due, calendar.today);
            if (overdue >= 91 && overdue <= 365) {
                dueLastYear++;
            }
            int bucket = overdue <= 0 ? -1 : overdue <= 30 ? 0 : overdue <= 60 ? 1 : overdue <= 90 ? 2 : overdue <= OLDEST_OPEN_DAYS ? 3 : -1;
            if (bucket >= 0) {
                buckets.get(bucket).add(invoice);
            }
        }
        int held = 0;
        // The older buckets first, so the partial payments fall among the long overdue.
        for (int bucket : new int[] {1, 2, 3, 0}) {
            List<Invoice> members = buckets.get(bucket);
            int base = bucket == 3 ? dueLastYear : members.size();
            long open = members.stream().filter(i -> planned(plans.get(i)).compareTo(i.total) < 0).count();
            long wanted = Math.max(1, Math.round(LEFT_OPEN[bucket] * base));
            Map<Invoice, Double> lottery = new LinkedHashMap<>();
            members.forEach(i -> lottery.put(i, ctx.draw("aging", i.key).random().nextDouble()));
            List<Invoice> candidates = members.stream().filter(i -> planned(plans.get(i)).compareTo(i.total) == 0)
                    .sorted(Comparator.comparing((Invoice i) -> i.customer.kind() == Kind.INDIVIDUAL).thenComparingDouble(lottery::get))
                    .toList();
            for (int c = 0; c < Math.min(candidates.size(), wanted - open); c++) {
                Invoice invoice = candidates.get(c);
                List<Instalment> plan = plans.get(invoice);
                if (held++ % 3 == 0) {
                    plans.put(invoice, List.of(partly(invoice, plan)));
                } else {
                    plans.put(invoice, List.of());
                }
            }
        }
    }

    private Instalment partly(Invoice invoice, List<Instalment> plan) {
        if (plan.size() > 1) {
            return plan.get(0);
        }
        Draw draw = ctx.draw("aging", invoice.key);
        LocalDate on = Calendar.dayBetween(draw, invoice.issued.plusDays(3), Calendar.earlier(invoice.due.plusDays(10), calendar.yesterday()));
        String method = plan.isEmpty() ? "ACH" : plan.get(0).method();
        return new Instalment(invoice, 0, on, Money.share(invoice.total, draw.between(25, 60) / 100.0), method);
    }

    private static BigDecimal planned(List<Instalment> plan) {
        return Money.sum(plan.stream().map(Instalment::amount).toList());
    }

    /**
     * The one overpayment: a traveller who paid a tour by card a few months ago and paid more than
     * the invoice. Chosen by a draw among those, or among any invoice paid at once when there are none.
     */
    private Instalment overpaid(Map<Invoice, List<Instalment>> plans) {
        List<Instalment> paidAtOnce = plans.values().stream().filter(p -> p.size() == 1 && p.get(0).amount().compareTo(p.get(0).invoice().total) == 0)
                .map(p -> p.get(0)).filter(i -> i.date().isBefore(calendar.today.minusDays(30))).toList();
        List<Instalment> travellers = paidAtOnce.stream().filter(i -> i.invoice().customer.kind() == Kind.INDIVIDUAL)
                .filter(i -> i.date().isAfter(calendar.today.minusDays(200))).toList();
        List<Instalment> options = travellers.isEmpty() ? paidAtOnce : travellers;
        if (options.isEmpty()) {
            throw new IllegalStateException("no invoice paid at once more than a month before the anchor to overpay");
        }
        return options.get(ctx.draw("overpayment", 0).between(0, options.size() - 1));
    }

    /** Gives the overpayment back the way it came: to the card (or account) it was paid from. */
    private void refund(Payments payments, Customer customer, Instalment overpaid, BigDecimal extra, String paidFrom) {
        Draw draw = ctx.draw("refund", 0);
        LocalDate on = Calendar.weekdayOnOrAfter(overpaid.date().plusDays(draw.between(5, 12)));
        Instant createdAt = Calendar.atOfficeHours(draw, on);
        Books.Entry entry = books.entry("refund", 0, on, createdAt, Books.Source.PAYMENT,
                "Refund to " + customer.name() + " of the overpayment on " + overpaid.invoice().number, Personas.ACCOUNTANT.email())
                .debit(Chart.CUSTOMER_CREDITS, extra)
                .credit(Chart.OPERATING, extra)
                .post();
        payments.add(new Payment("refund", 0, payments.id("refund", 0), Direction.REFUND, customer.id(), null, customer.name(), on, on, extra,
                overpaid.method(), paidFrom, createdAt, entry, List.of()));
    }

    // ---------------------------------------------------------------- rows

    void write(RowSink sink) {
        for (Invoice invoice : invoices) {
            sink.add("accounting.invoices", Row.withId(invoice.id)
                    .set("invoice_number", invoice.number)
                    .set("customer_id", invoice.customer.id())
                    .set("issue_date", invoice.issued)
                    .set("due_date", invoice.due)
                    .set("status", invoice.status())
                    .set("currency", Money.USD)
                    .set("subtotal", invoice.subtotal)
                    .set("tax", invoice.tax)
                    .set("total", invoice.total)
                    .set("balance", invoice.balance())
                    .set("entry_id", invoice.entry.id)
                    .set("memo", invoice.memo)
                    .set("created_at", invoice.createdAt));
        }
        for (Invoice invoice : invoices) {
            for (int l = 0; l < invoice.lines.size(); l++) {
                Line line = invoice.lines.get(l);
                sink.add("accounting.invoice_lines", Row.withId(ctx.id("invoice_line", invoice.key * LINES_PER_INVOICE + l))
                        .set("invoice_id", invoice.id)
                        .set("line_no", l + 1)
                        .set("description", line.description())
                        .set("quantity", line.quantity())
                        .set("unit_price", line.unitPrice())
                        .set("amount", line.amount())
                        .set("tax_rate_id", line.taxed() ? books.serviceFeeTax : books.exempt)
                        .set("tax", line.tax())
                        .set("account_id", books.account(line.account())));
            }
        }
    }
}
