package io.seedreset.packs.travel;

import io.seedreset.pack.Draw;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.Row;
import io.seedreset.pack.RowSink;
import io.seedreset.packs.travel.Catalog.Trade;
import io.seedreset.packs.travel.Counterparties.Vendor;
import io.seedreset.packs.travel.Receivables.Trip;
import io.seedreset.packs.travel.Payments.Allocation;
import io.seedreset.packs.travel.Payments.Direction;
import io.seedreset.packs.travel.Payments.Payment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntUnaryOperator;

/**
 * What the company owes its suppliers and pays them: every month the airlines, hotels, coach and
 * tour operators bill for the trips it sold (about three quarters of what travellers paid), the
 * landlord, software, utilities, accountants and printers bill the overheads, and the printers the
 * stock ({@link Inventory}). The company pays on the due date, a few bills late; those that fall due
 * after the anchor are still open, a handful of them next week.
 */
final class Payables {

    /** Bill keys per month, {@code 1000 * age + k}: k below 800 for the trips' costs, 800+ overheads, 900+ stock. */
    private static final int OVERHEADS = 800;
    static final int PURCHASES = 900;
    private static final int LINES_PER_BILL = 8;

    /** What the suppliers charge for the trips, as a share of what the travellers paid for them (fees aside). */
    private static final double COST_OF_TRAVEL = 0.75;

    /** How the cost of a trip splits among the trades. */
    private record Share(Trade trade, double share) {
    }

    private static final List<Share> TRAVEL_COSTS = List.of(
            new Share(Trade.AIRLINE, 0.42), new Share(Trade.HOTEL, 0.36), new Share(Trade.TOUR_OPERATOR, 0.12), new Share(Trade.COACH, 0.10));

    /** What a motorcoach and its driver cost a day, in dollars at an average season. */
    private static final int COACH_DAY = 1_350;

    record Line(String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount, BigDecimal tax, String account,
                UUID itemId) {
    }

    static final class Bill {
        final int key;
        final UUID id;
        final Vendor vendor;
        final LocalDate issued;
        LocalDate due;
        final Instant createdAt;
        final String memo;
        final List<Line> lines;
        final BigDecimal subtotal;
        final BigDecimal tax;
        final BigDecimal total;
        String number;
        Books.Entry entry;
        BigDecimal allocated = Money.ZERO;
        /** Due next week: the company pays on the due date, so it is still open. */
        boolean dueNextWeek;

        Bill(int key, UUID id, Vendor vendor, LocalDate issued, Instant createdAt, String memo, List<Line> lines) {
            this.key = key;
            this.id = id;
            this.vendor = vendor;
            this.issued = issued;
            this.due = issued.plusDays(vendor.spec().trade().termsDays);
            this.createdAt = createdAt;
            this.memo = memo;
            this.lines = lines;
            this.subtotal = Money.sum(lines.stream().map(Line::amount).toList());
            this.tax = Money.sum(lines.stream().map(Line::tax).toList());
            this.total = subtotal.add(tax);
        }

        BigDecimal balance() {
            return total.subtract(allocated);
        }

        String status() {
            return balance().signum() == 0 ? "PAID" : allocated.signum() == 0 ? "OPEN" : "PARTIALLY_PAID";
        }
    }

    private final PackContext ctx;
    private final Calendar calendar;
    private final Books books;
    private final Counterparties parties;
    final List<Bill> bills = new ArrayList<>();

    Payables(PackContext ctx, Calendar calendar, Books books, Counterparties parties) {
        this.ctx = ctx;
        this.calendar = calendar;
        this.books = books;
        this.parties = parties;
    }

    // ---------------------------------------------------------------- the trips' costs

    /**
     * The suppliers' bills for each month's trips: about half as many bills as invoices, split among
     * the trades by their share of a trip's cost, each bill's amount a random part of its trade's.
     * Each bill is for trips sold that month ({@code trips}, by age), from a supplier working where
     * they go, at that place's fares and room rates: the number of passengers or nights is what the
     * amount buys there.
     */
    void travelCosts(Map<Integer, BigDecimal> travelSold, Map<Integer, Integer> invoicesIssued, Map<Integer, List<Trip>> trips) {
        for (int age : calendar.ages()) {
            BigDecimal sold = travelSold.getOrDefault(age, Money.ZERO);
            LocalDate first = calendar.month(age).atDay(1);
            LocalDate last = calendar.lastHappenedDay(age);
            if (!Money.positive(sold) || last.isBefore(first)) {
                continue;
            }
            int billsThisMonth = Math.max(4, (int) Math.round(0.5 * invoicesIssued.get(age)));
            int k = 0;
            for (Share share : TRAVEL_COSTS) {
                List<Trip> billable = billable(share.trade(), trips.getOrDefault(age, List.of()), calendar.month(age));
                // At least two a trade: a month's trips travel with more than one airline, hotel, coach and tour operator.
                int count = Math.max(2, (int) Math.round(billsThisMonth * share.share()));
                double[] weights = new double[count];
                double sum = 0;
                for (int b = 0; b < count; b++) {
                    weights[b] = 0.5 + ctx.draw("bill_weight", age * Receivables.KEYS_PER_MONTH + k + b).random().nextDouble();
                    sum += weights[b];
                }
                double tradeCost = sold.doubleValue() * COST_OF_TRAVEL * share.share();
                for (int b = 0; b < count; b++, k++) {
                    int key = age * Receivables.KEYS_PER_MONTH + k;
                    Draw draw = ctx.draw("bill", key);
                    Vendor vendor = parties.nextVendor(share.trade(), billable.stream().map(t -> costPlace(share.trade(), t)).toList());
                    List<Trip> ofVendor = billable.stream().filter(t -> vendor.spec().serves(costPlace(share.trade(), t))).toList();
                    Trip trip = draw.pick(ofVendor);
                    LocalDate day = weekday(Calendar.dayBetween(draw, first, last), first, last);
                    bills.add(new Bill(key, ctx.id("bill", key), vendor, day, Calendar.atOfficeHours(draw, day), null,
                            travelLines(draw, share.trade(), trip, ofVendor, tradeCost * weights[b] / sum)));
                }
            }
        }
    }

    /**
     * The month's trips a trade bills for: the flights of those that fly, the rooms where a hotel
     * group has hotels (abroad the land package houses travellers), the touring where an operator
     * works, the coaches of the groups. A month without any (a small mode's quiet month) bills for
     * the trips a corporate account's staff take most.
     */
    private List<Trip> billable(Trade trade, List<Trip> sold, YearMonth month) {
        List<Trip> billable = sold.stream().filter(t -> switch (trade) {
            case AIRLINE -> !t.place().byCoach() && parties.served(trade, t.place());
            case COACH -> t.group() != null;
            default -> parties.served(trade, t.place());
        }).toList();
        if (!billable.isEmpty()) {
            return billable;
        }
        String usual = switch (trade) {
            case COACH -> "Chicago";
            case TOUR_OPERATOR -> "Sedona";
            default -> "New York";
        };
        return List.of(new Trip(Catalog.place(usual), month, 1, 2, trade == Trade.COACH ? "Airport transfers" : null));
    }

    /** Where a trade's bill for a trip is: the coach of a group that flies takes it to O'Hare and back. */
    private static Catalog.Place costPlace(Trade trade, Trip trip) {
        return trade == Trade.COACH && !trip.place().byCoach() ? Catalog.HOME : trip.place();
    }

    /**
     * A bill's lines: the trip it is for, and up to two more of the month's trips the same supplier
     * serves, each at its place's price that season (a little either way, as negotiated), as many
     * units as the line's share of the amount buys.
     */
    private static List<Line> travelLines(Draw draw, Trade trade, Trip first, List<Trip> ofVendor, double amount) {
        int count = amount < 1_500 ? 1 : draw.between(1, 3);
        List<Trip> trips = new ArrayList<>(List.of(first));
        for (int l = 1; l < count; l++) {
            Trip next = draw.pick(ofVendor);
            if (trips.stream().noneMatch(t -> t.place().equals(next.place()) && t.departs().equals(next.departs()))) {
                trips.add(next);
            }
        }
        double[] weights = new double[trips.size()];
        double sum = 0;
        for (int l = 0; l < trips.size(); l++) {
            weights[l] = 0.5 + draw.random().nextDouble();
            sum += weights[l];
        }
        List<Line> lines = new ArrayList<>();
        for (int l = 0; l < trips.size(); l++) {
            Trip trip = trips.get(l);
            Catalog.Place place = trip.place();
            String when = trip.departs().getMonth().getDisplayName(TextStyle.FULL, Locale.US) + " " + trip.departs().getYear();
            // Suppliers' prices follow the season as the agency's do (Receivables#premium), a little either way as negotiated.
            double level = (1 + 0.5 * (Calendar.priceLevel(trip.departs().getMonth()) - 1)) * (0.95 + 0.1 * draw.random().nextDouble());
            double typical;
            String description;
            switch (trade) {
                case AIRLINE -> {
                    typical = place.airfare();
                    description = "Airfare: Chicago to " + place.name() + ", " + when + ", per passenger";
                }
                case HOTEL -> {
                    typical = place.roomRate();
                    description = "Room nights: " + place.name() + ", " + when;
                }
                case TOUR_OPERATOR -> {
                    // Abroad the operator sells the land package (hotels, guides, transfers); at home, the guiding.
                    boolean landPackage = place.region() != Catalog.Region.UNITED_STATES;
                    typical = landPackage ? trip.nights() * (0.6 * place.roomRate() + 80) : 60 + 25.0 * trip.nights();
                    description = (landPackage ? "Land package: " : "Guided touring and entrance fees: ") + place.name() + ", " + when
                            + ", per traveller";
                }
                default -> {
                    typical = COACH_DAY;
                    description = place.byCoach()
                            ? "Motorcoach charter days: Chicago to " + place.name() + ", " + when
                            : "Coach transfers to and from O'Hare (days): " + trip.group() + ", " + when;
                }
            }
            BigDecimal unit = BigDecimal.valueOf(typical * level).setScale(2, RoundingMode.HALF_UP);
            long quantity = Math.max(1, Math.round(amount * weights[l] / sum / unit.doubleValue()));
            lines.add(line(description, quantity, unit, false, trade.account, null));
        }
        return lines;
    }

    // ---------------------------------------------------------------- overheads

    /**
     * The monthly overheads: rent (a lease on the office, up 3% at its anniversary a year before the
     * anchor), software by the seat, energy and telephone, print advertising; the accountants each
     * quarter and for the annual return. {@code headcount} gives the staff of each month.
     */
    void overheads(int employees, IntUnaryOperator headcount) {
        BigDecimal rent = roundTo50(2_400 + 520.0 * employees);
        for (int age : calendar.ages()) {
            YearMonth month = calendar.month(age);
            String name = month.getMonth().getDisplayName(TextStyle.FULL, Locale.US) + " " + month.getYear();
            int staff = headcount.applyAsInt(age);
            int slot = 0;
            overhead(age, slot++, Catalog.LANDLORD, 1, List.of(line("Office rent, " + name, 1,
                    age >= 12 ? rent : roundTo50(rent.doubleValue() * 1.03), false, Chart.RENT, null)));
            Draw draw = ctx.draw("overheads", age);
            overhead(age, slot++, parties.vendors(Trade.SOFTWARE).get(0).ordinal(), 2,
                    List.of(line("Booking platform seats, " + name, staff, Money.dollars(89), true, Chart.SOFTWARE, null)));
            overhead(age, slot++, parties.vendors(Trade.SOFTWARE).get(1).ordinal(), 2,
                    List.of(line("Office suite licences, " + name, staff, Money.dollars(22), true, Chart.SOFTWARE, null)));
            // Air conditioning in summer, heating in winter.
            int energy = switch (month.getMonth()) {
                case JUNE, JULY, AUGUST, DECEMBER, JANUARY, FEBRUARY -> draw.between(520, 640);
                default -> draw.between(360, 480);
            };
            overhead(age, slot++, Catalog.ENERGY, 8, List.of(line("Electricity and gas, " + name, 1,
                    Money.cents(energy * 100L + draw.between(0, 99)), false, Chart.UTILITIES, null)));
            overhead(age, slot++, Catalog.TELECOM, 12, List.of(line("Phone lines and internet, " + name, 1,
                    Money.cents(draw.between(41_500, 47_900)), false, Chart.UTILITIES, null)));
            Month m = month.getMonth();
            if (m == Month.JANUARY || m == Month.APRIL || m == Month.JULY || m == Month.OCTOBER) {
                YearMonth reviewed = month.minusMonths(1);
                overhead(age, slot, Catalog.ACCOUNTANTS, 20, List.of(line("Quarterly bookkeeping review, Q" + ((reviewed.getMonthValue() - 1) / 3 + 1)
                        + " " + reviewed.getYear(), 1, Money.between(draw, 2_400, 3_200, 50), false, Chart.PROFESSIONAL_FEES, null)));
            } else if (m == Month.MARCH) {
                overhead(age, slot, Catalog.ACCOUNTANTS, 20, List.of(line("Annual tax return preparation, " + (month.getYear() - 1), 1,
                        Money.between(draw, 4_500, 5_500, 100), false, Chart.PROFESSIONAL_FEES, null)));
            }
            slot++;
            overhead(age, slot, Catalog.BROCHURE_PRINTER, 15, List.of(line("Print advertising and mailers, " + name, 1,
                    Money.dollars(Math.round(draw.between(500, 900) * calendar.season(age) / 25.0) * 25), true, Chart.MARKETING, null)));
        }
    }

    private void overhead(int age, int slot, int vendor, int dayOfMonth, List<Line> lines) {
        LocalDate day = calendar.month(age).atDay(dayOfMonth);
        if (!calendar.happened(day) || day.isBefore(calendar.start)) {
            return;
        }
        int key = age * Receivables.KEYS_PER_MONTH + OVERHEADS + slot;
        bills.add(new Bill(key, ctx.id("bill", key), parties.vendor(vendor), day, Calendar.atOfficeHours(ctx.draw("bill", key), day),
                null, lines));
    }

    /** A bill for stock, from {@link Inventory}: lines on 1200 naming their item, untaxed (the stock is for resale). */
    Bill purchase(int age, int slot, int vendor, LocalDate day, List<Line> lines) {
        int key = age * Receivables.KEYS_PER_MONTH + PURCHASES + slot;
        Bill bill = new Bill(key, ctx.id("bill", key), parties.vendor(vendor), day, Calendar.atOfficeHours(ctx.draw("bill", key), day),
                "Stock order", lines);
        bills.add(bill);
        return bill;
    }

    static Line line(String description, long quantity, BigDecimal unitPrice, boolean taxed, String account, UUID itemId) {
        BigDecimal amount = Money.times(unitPrice, quantity);
        BigDecimal tax = taxed ? Money.share(amount, Chart.SERVICE_FEE_TAX.rate().doubleValue()) : Money.ZERO;
        return new Line(description, BigDecimal.valueOf(quantity).setScale(2), unitPrice, amount, tax, account, itemId);
    }

    private static BigDecimal roundTo50(double dollars) {
        return Money.dollars(Math.round(dollars / 50) * 50);
    }

    private static LocalDate weekday(LocalDate day, LocalDate first, LocalDate last) {
        LocalDate before = Calendar.weekdayOnOrBefore(day);
        return before.isBefore(first) ? Calendar.earlier(Calendar.weekdayOnOrAfter(day), last) : before;
    }

    // ---------------------------------------------------------------- posting and paying

    /**
     * Numbers every bill as its supplier does, picks the bills due next week, and posts each bill:
     * Dr each line's account its amount and tax (no input tax is recovered), Cr 2000 the total.
     * {@code dueNextWeek} is how many bills of the last month's trips must fall due in the next seven days.
     */
    void post(int dueNextWeek) {
        bills.sort(Comparator.comparing((Bill b) -> b.issued).thenComparingInt(b -> b.key));
        Map<Vendor, Integer> sequence = new LinkedHashMap<>();
        for (Bill bill : bills) {
            int base = ctx.draw("vendor_bill_numbers", bill.vendor.ordinal()).between(1_000, 60_000);
            int n = sequence.merge(bill.vendor, 1, Integer::sum);
            bill.number = bill.vendor.spec().billPrefix() + (base + n);
        }
        scheduleNextWeek(dueNextWeek);
        for (Bill bill : bills) {
            Books.Entry entry = books.entry("bill", bill.key, bill.issued, bill.createdAt, Books.Source.BILL,
                    "Bill " + bill.number + " from " + bill.vendor.spec().name(), Personas.ACCOUNTANT.email());
            for (Line line : bill.lines) {
                entry.debit(line.account(), line.amount().add(line.tax()), line.description());
            }
            bill.entry = entry.credit(Chart.PAYABLES, bill.total, bill.number).post();
        }
    }

    /**
     * Suppliers of the trips sold last month bill on 14 to 30 days; those whose due date falls in the
     * next seven days are the ones the cash report warns of. Where too few fall there by chance, the
     * latest bills get a due date next week (terms a supplier agreed for that booking).
     */
    private void scheduleNextWeek(int wanted) {
        LocalDate from = calendar.today.plusDays(1);
        LocalDate to = calendar.today.plusDays(7);
        List<Bill> recent = bills.stream()
                .filter(b -> b.key % Receivables.KEYS_PER_MONTH < OVERHEADS && !b.issued.isBefore(calendar.today.minusDays(30)))
                .sorted(Comparator.comparing((Bill b) -> b.issued).reversed().thenComparingInt(b -> b.key))
                .toList();
        int scheduled = 0;
        for (Bill bill : recent) {
            if (!bill.due.isBefore(from) && !bill.due.isAfter(to)) {
                bill.dueNextWeek = true;
                scheduled++;
            }
        }
        for (Bill bill : recent) {
            if (scheduled >= wanted) {
                break;
            }
            if (!bill.dueNextWeek) {
                bill.due = from.plusDays(ctx.draw("due_next_week", bill.key).between(0, 6));
                bill.dueNextWeek = true;
                scheduled++;
            }
        }
    }

    /**
     * Pays each bill on its due date (the weekday before, when it falls on a weekend), a day or two
     * early now and then and one in twelve late; what falls on or after today is still owed.
     */
    void settle(Payments payments) {
        Map<Bill, LocalDate> paidOn = new LinkedHashMap<>();
        for (Bill bill : bills) {
            if (bill.dueNextWeek) {
                continue;
            }
            Draw draw = ctx.draw("supplier_payment", bill.key);
            LocalDate on = draw.chance(1 / 12.0) ? bill.due.plusDays(draw.between(3, 12))
                    : Calendar.weekdayOnOrBefore(bill.due).minusDays(draw.between(0, 2));
            on = Calendar.later(Calendar.weekdayOnOrBefore(on), bill.issued);
            if (calendar.happened(on)) {
                paidOn.put(bill, on);
            }
        }
        // The company's checkbook: its checks go out in number order.
        Map<Bill, String> checks = new LinkedHashMap<>();
        int nextCheck = ctx.draw("company_checks", 0).between(1_001, 3_000);
        for (Bill bill : paidOn.keySet().stream().filter(b -> b.vendor.spec().trade().method.equals("CHECK"))
                .sorted(Comparator.comparing((Bill b) -> paidOn.get(b)).thenComparingInt(b -> b.key)).toList()) {
            checks.put(bill, "Check " + nextCheck++);
        }
        for (Map.Entry<Bill, LocalDate> paid : paidOn.entrySet()) {
            Bill bill = paid.getKey();
            LocalDate on = paid.getValue();
            Draw draw = ctx.draw("supplier_payment", bill.key);
            String method = bill.vendor.spec().trade().method;
            Instant createdAt = Calendar.atOfficeHours(draw, on);
            Books.Entry entry = books.entry("supplier", bill.key, on, createdAt, Books.Source.PAYMENT,
                    "Payment to " + bill.vendor.spec().name() + " for " + bill.number, Personas.ACCOUNTANT.email())
                    .debit(Chart.PAYABLES, bill.total, bill.number)
                    .credit(Chart.OPERATING, bill.total)
                    .post();
            bill.allocated = bill.total;
            String reference = checks.containsKey(bill) ? checks.get(bill) : Payments.reference(draw, method);
            payments.add(new Payment("supplier", bill.key, payments.id("supplier", bill.key), Direction.SENT, null, bill.vendor.id(),
                    bill.vendor.spec().name(), on, on,
                    bill.total, method, reference, createdAt, entry,
                    List.of(new Allocation(payments.allocationId("supplier", bill.key), null, bill.id, bill.total))));
        }
    }

    // ---------------------------------------------------------------- rows

    void write(RowSink sink) {
        for (Bill bill : bills) {
            sink.add("accounting.bills", Row.withId(bill.id)
                    .set("bill_number", bill.number)
                    .set("vendor_id", bill.vendor.id())
                    .set("issue_date", bill.issued)
                    .set("due_date", bill.due)
                    .set("status", bill.status())
                    .set("currency", Money.USD)
                    .set("subtotal", bill.subtotal)
                    .set("tax", bill.tax)
                    .set("total", bill.total)
                    .set("balance", bill.balance())
                    .set("entry_id", bill.entry.id)
                    .set("memo", bill.memo)
                    .set("created_at", bill.createdAt));
        }
        for (Bill bill : bills) {
            for (int l = 0; l < bill.lines.size(); l++) {
                Line line = bill.lines.get(l);
                sink.add("accounting.bill_lines", Row.withId(ctx.id("bill_line", bill.key * LINES_PER_BILL + l))
                        .set("bill_id", bill.id)
                        .set("line_no", l + 1)
                        .set("description", line.description())
                        .set("quantity", line.quantity())
                        .set("unit_price", line.unitPrice())
                        .set("amount", line.amount())
                        .set("tax", line.tax())
                        .set("account_id", books.account(line.account()))
                        .set("inventory_item_id", line.itemId()));
            }
        }
    }
}
