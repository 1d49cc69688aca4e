package io.seedreset.packs.travel;

import io.seedreset.pack.Draw;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.Row;
import io.seedreset.pack.RowSink;
import io.seedreset.packs.people.People;
import io.seedreset.packs.people.People.Person;
import io.seedreset.packs.travel.Catalog.City;
import io.seedreset.packs.travel.Catalog.Supplier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who the company deals with: its suppliers (suppliers.vendors, every one in the catalog, dealt with
 * throughout the history) and its customers. Customers come back: a corporate account is invoiced
 * most months, a club travels a few times a year, a traveller books again now and then. Some were
 * customers before the history began; the others signed up during it, and are invoiced only from then.
 */
final class Counterparties {

    enum Kind { CORPORATE, GROUP, INDIVIDUAL }

    record Vendor(int ordinal, UUID id, Supplier spec) {
    }

    /**
     * A customer. {@code weight} is how much of its kind's business it brings (the largest accounts
     * first); {@code payDay} and {@code lateDays} are a corporate account's habits: the day of the month
     * its payables team pays, and how long after the due date it tends to. {@code group} is what
     * kind of group it is (null for the others).
     */
    record Customer(int ordinal, UUID id, Kind kind, String name, String contactName, String email, String phone, City city,
                    int termsDays, LocalDate since, Instant createdAt, double weight, int payDay, int lateDays, Catalog.GroupKind group) {

        /**
         * The fewest days between two of its trips: a traveller takes one to three a year, a group
         * as often as its kind travels; a corporate account books every month.
         */
        int restDays() {
            return switch (kind) {
                case CORPORATE -> 0;
                case GROUP -> group.restDays();
                case INDIVIDUAL -> 120;
            };
        }
    }



    /** Days-of-month corporate payables teams pay on. */
    private static final int[] PAY_DAYS = {5, 10, 15, 20, 25, 28};

    private final PackContext ctx;
    private final Calendar calendar;
    final List<Vendor> vendors = new ArrayList<>();
    final List<Customer> customers = new ArrayList<>();
    /** Per kind, the customers in the order they signed up, with running sums of their weights for picking. */
    private final Map<Kind, List<Customer>> bySince = new EnumMap<>(Kind.class);
    private final Map<Kind, double[]> runningWeights = new EnumMap<>(Kind.class);
    /** How many bills each supplier of a trade has had so far, in catalog order: whose turn is next. */
    private final Map<Catalog.Trade, int[]> billedByTrade = new EnumMap<>(Catalog.Trade.class);

    Counterparties(PackContext ctx, Calendar calendar, int customerCount) {
        this.ctx = ctx;
        this.calendar = calendar;
        for (int i = 0; i < Catalog.SUPPLIERS.size(); i++) {
            vendors.add(new Vendor(i, ctx.id("vendor", i), Catalog.SUPPLIERS.get(i)));
        }
        // A sixth corporate accounts, a fifth groups (each travels once or twice a year), the rest individual
        // travellers, at least one of each.
        int corporate = Math.max(1, Math.round(customerCount / 6f));
        int groups = Math.max(1, Math.round(customerCount / 5f));
        Contacts.Names names = new Contacts.Names();
        for (Supplier supplier : Catalog.SUPPLIERS) {
            names.claim(supplier.name());
        }
        for (int i = 0; i < customerCount; i++) {
            Kind kind = i < corporate ? Kind.CORPORATE : i < corporate + groups ? Kind.GROUP : Kind.INDIVIDUAL;
            int rank = kind == Kind.CORPORATE ? i : kind == Kind.GROUP ? i - corporate : i - corporate - groups;
            customers.add(customer(i, kind, rank, names));
        }
        for (Kind kind : Kind.values()) {
            List<Customer> ofKind = customers.stream().filter(c -> c.kind() == kind)
                    .sorted(Comparator.comparing(Customer::since).thenComparingInt(Customer::ordinal)).toList();
            double[] sums = new double[ofKind.size()];
            double sum = 0;
            for (int i = 0; i < sums.length; i++) {
                sum += ofKind.get(i).weight();
                sums[i] = sum;
            }
            bySince.put(kind, ofKind);
            runningWeights.put(kind, sums);
        }
    }

    Vendor vendor(int ordinal) {
        return vendors.get(ordinal);
    }

    List<Vendor> vendors(Catalog.Trade trade) {
        return vendors.stream().filter(v -> v.spec().trade() == trade).toList();
    }

    /** Whether any supplier of the trade works at that place. */
    boolean served(Catalog.Trade trade, Catalog.Place place) {
        return vendors(trade).stream().anyMatch(v -> v.spec().serves(place));
    }

    /**
     * The supplier of the trade working at one of those places whose turn it is: each gets its share
     * of the trade's bills over the history (the main airline the most) among the places it serves, every
     * one of them billing again and again. Drawn at random, a small supplier of a small mode could
     * go months without a bill.
     */
    Vendor nextVendor(Catalog.Trade trade, List<Catalog.Place> places) {
        List<Vendor> options = vendors(trade);
        int total = options.stream().mapToInt(v -> v.spec().weight()).sum();
        int[] billed = billedByTrade.computeIfAbsent(trade, t -> new int[options.size()]);
        int turn = Arrays.stream(billed).sum() + 1;
        int behind = -1;
        double most = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < options.size(); i++) {
            double deficit = (double) options.get(i).spec().weight() / total * turn - billed[i];
            Supplier spec = options.get(i).spec();
            if (places.stream().anyMatch(spec::serves) && deficit > most) {
                most = deficit;
                behind = i;
            }
        }
        if (behind < 0) {
            throw new IllegalStateException("no " + trade + " supplier at " + places);
        }
        billed[behind]++;
        return options.get(behind);
    }

    /**
     * A customer of the kind who was a customer by that day and has rested since its trips
     * ({@code booked}, {@link Customer#restDays}), in proportion to its weight: a traveller does not
     * book twice in a month, a club not every few weeks. When none has rested (a small agency's busy
     * month), the one whose nearest trip is furthest from that day. The first customer of each kind
     * predates the history, so there always is one.
     */
    Customer pickCustomer(Draw draw, Kind kind, LocalDate day, Map<Customer, List<LocalDate>> booked) {
        if (kind == Kind.CORPORATE) {
            return pickCustomer(draw, kind, day);
        }
        List<Customer> rested = new ArrayList<>();
        Customer best = null;
        long bestGap = -1;
        for (Customer candidate : bySince.get(kind)) {
            if (candidate.since().isAfter(day)) {
                break;
            }
            long gap = booked.getOrDefault(candidate, List.of()).stream()
                    .mapToLong(d -> Math.abs(ChronoUnit.DAYS.between(d, day))).min().orElse(Long.MAX_VALUE);
            if (gap >= candidate.restDays()) {
                rested.add(candidate);
            } else if (gap > bestGap) {
                best = candidate;
                bestGap = gap;
            }
        }
        if (rested.isEmpty()) {
            return best;
        }
        double roll = draw.random().nextDouble() * rested.stream().mapToDouble(Customer::weight).sum();
        for (Customer candidate : rested) {
            roll -= candidate.weight();
            if (roll < 0) {
                return candidate;
            }
        }
        return rested.get(rested.size() - 1);
    }

    private Customer pickCustomer(Draw draw, Kind kind, LocalDate day) {
        List<Customer> ofKind = bySince.get(kind);
        double[] sums = runningWeights.get(kind);
        int eligible = 0;
        while (eligible < ofKind.size() && !ofKind.get(eligible).since().isAfter(day)) {
            eligible++;
        }
        double roll = draw.random().nextDouble() * sums[eligible - 1];
        int found = Arrays.binarySearch(sums, 0, eligible, roll);
        return ofKind.get(Math.min(found >= 0 ? found : -found - 1, eligible - 1));
    }

    private Customer customer(int ordinal, Kind kind, int rank, Contacts.Names names) {
        Draw draw = ctx.draw("customer", ordinal);
        Person contact = People.adult(draw, ctx.anchor());
        City city;
        String name;
        String email;
        int terms;
        Catalog.GroupKind group = null;
        switch (kind) {
            case CORPORATE -> {
                city = draw.pick(Catalog.MIDWEST);
                name = names.claimFirstFree(() -> companyName(draw));
                email = Contacts.email(contact.firstName(), contact.lastName(), Contacts.domain(name, "com"));
                terms = draw.chance(0.7) ? 30 : 45;
            }
            case GROUP -> {
                city = draw.pick(Catalog.SUBURBS);
                // The kind is drawn with the name: a town's second Rotary Club would be a different kind of group.
                Catalog.GroupKind[] drawn = new Catalog.GroupKind[1];
                name = names.claimFirstFree(() -> {
                    drawn[0] = draw.chance(0.12) ? Catalog.FAMILY_REUNION : draw.pick(Catalog.GROUPS);
                    return groupName(draw, drawn[0], city);
                });
                group = drawn[0];
                email = Contacts.email(contact.firstName(), contact.lastName(), Contacts.domain(name, "org"));
                terms = draw.chance(0.6) ? 21 : 30;
            }
            default -> {
                city = draw.chance(0.3) ? Catalog.CHICAGO : draw.pick(Catalog.SUBURBS);
                name = contact.fullName();
                email = Contacts.email(contact.firstName(), contact.lastName(), draw.pick(Contacts.RESERVED_DOMAINS));
                terms = 14;
            }
        }
        // The first of each kind is an old customer, so every day of the history has one to invoice.
        long historyDays = ChronoUnit.DAYS.between(calendar.start, calendar.yesterday());
        LocalDate since = rank == 0 || draw.chance(0.45)
                ? calendar.start.minusDays(draw.between(30, 900))
                : calendar.start.plusDays((long) (draw.random().nextDouble() * Math.max(1, historyDays - 20)));
        // The largest accounts bring the most business; individuals differ less.
        double weight = kind == Kind.INDIVIDUAL ? 1 : 1 / Math.pow(rank + 1, 0.6);
        int lateDays = draw.chance(0.75) ? draw.between(0, 5) : draw.between(8, 24);
        return new Customer(ordinal, ctx.id("customer", ordinal), kind, name, contact.fullName(), email,
                Contacts.phone(city.areaCode(), draw), city, terms, since, Calendar.atOfficeHours(draw, since), weight,
                PAY_DAYS[draw.between(0, PAY_DAYS.length - 1)], lateDays, group);
    }

    /** "Northfield Logistics", "Kowalski Manufacturing", "Whitaker & Lowe Architects". */
    private static String companyName(Draw draw) {
        String industry = draw.pick(Catalog.INDUSTRIES);
        double roll = draw.random().nextDouble();
        if (roll < 0.5) {
            return draw.pick(Catalog.PLACES) + " " + industry;
        }
        if (roll < 0.8) {
            return People.surname(draw) + " " + industry;
        }
        return People.surname(draw) + " & " + People.surname(draw) + " " + industry;
    }

    /** "Oak Park Garden Club", "Wheaton High School Band Boosters", "Nguyen Family Reunion". */
    private static String groupName(Draw draw, Catalog.GroupKind group, City city) {
        return group == Catalog.FAMILY_REUNION ? People.surname(draw) + " Family Reunion" : group.template().replace("{town}", city.name());
    }

    // ---------------------------------------------------------------- rows

    void writeVendors(RowSink sink) {
        for (Vendor vendor : vendors) {
            Draw draw = ctx.draw("vendor", vendor.ordinal());
            Supplier spec = vendor.spec();
            Person contact = People.adult(draw, ctx.anchor());
            // Suppliers were on the books before the history: the company has dealt with them for years.
            LocalDate since = calendar.start.minusDays(draw.between(60, 1_500));
            sink.add("suppliers.vendors", Row.withId(vendor.id())
                    .set("name", spec.name())
                    .set("category", spec.trade().category)
                    .set("contact_name", contact.fullName())
                    .set("email", Contacts.email(contact.firstName(), contact.lastName(), Contacts.domain(spec.name(), "com")))
                    .set("phone", Contacts.phone(spec.city().areaCode(), draw))
                    .set("city", spec.city().name())
                    .set("state", spec.city().state())
                    .set("rating", draw.chance(0.15) ? null : BigDecimal.valueOf(draw.between(35, 50), 1))
                    .set("created_at", Calendar.atOfficeHours(draw, since)));
        }
    }

    void writeCustomers(RowSink sink) {
        for (Customer customer : customers) {
            sink.add("accounting.customers", Row.withId(customer.id())
                    .set("name", customer.name())
                    .set("kind", customer.kind().name())
                    .set("contact_name", customer.contactName())
                    .set("email", customer.email())
                    .set("phone", customer.phone())
                    .set("city", customer.city().name())
                    .set("state", customer.city().state())
                    .set("payment_terms_days", customer.termsDays())
                    .set("currency", Money.USD)
                    .set("created_at", customer.createdAt()));
        }
    }
}
