package io.seedreset.packs.ticketing;

import io.seedreset.pack.Draw;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.Row;
import io.seedreset.pack.RowSink;
import io.seedreset.packs.ticketing.Catalog.Booking;
import io.seedreset.packs.ticketing.Catalog.Format;
import io.seedreset.packs.ticketing.Generation.Company;
import io.seedreset.packs.ticketing.Generation.Venue;
import io.seedreset.packs.ticketing.Pricing.Tier;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The events and their ticket inventory. Statuses and how far ahead events are come from exact
 * allocations; the day, the hour, the act and the prices come from each event's own draw. Event 0
 * is always the flagship: a major concert on sale at the stadium of venue 0.
 */
final class Calendar {

    /** Event statuses with their share of the calendar, in percent. */
    enum Status {
        ON_SALE(40), PUBLISHED(20), SOLD_OUT(15), COMPLETED(10), DRAFT(10), CANCELLED(5);

        final int weight;

        Status(int weight) {
            this.weight = weight;
        }

        /** Whether tickets were ever sold: announced and draft events have not gone on sale yet. */
        boolean hadSales() {
            return this != PUBLISHED && this != DRAFT;
        }

        /** How soon an event of this status tends to be: sold-out shows are the next ones, drafts the furthest. */
        double nearness() {
            return switch (this) {
                case SOLD_OUT -> 0;
                case ON_SALE -> 0.5;
                case CANCELLED -> 1;
                case PUBLISHED -> 1.5;
                case DRAFT, COMPLETED -> 2;
            };
        }
    }

    /**
     * How far from the anchor an event starts, in days, and the share of upcoming events in each
     * window. The windows stay a day or two inside "7 to 30 days", "1 to 3 months" and "3 to 6
     * months" so that no time zone moves an event across a boundary. Completed events, and only
     * they, are in the past.
     */
    enum Horizon {
        NEAR(8, 29, 30), MID(32, 88, 50), FAR(93, 178, 15), PAST(-60, -6, 0);

        final int fromDay;
        final int toDay;
        final int weight;

        Horizon(int fromDay, int toDay, int weight) {
            this.fromDay = fromDay;
            this.toDay = toDay;
            this.weight = weight;
        }
    }

    /** A ticket type's inventory and how much of it the seeded online orders have used. */
    static final class Inventory {
        final UUID id;
        final Tier tier;
        final int sold;
        final int available;
        final BigDecimal price;
        /** Tickets of paid orders issued against {@link #sold}. */
        int issued;
        /** Tickets in pending orders, held against {@link #available}. */
        int held;

        Inventory(UUID id, Tier tier, BigDecimal price, int sold, int available) {
            this.id = id;
            this.tier = tier;
            this.price = price;
            this.sold = sold;
            this.available = available;
        }
    }

    /** One event as the orders see it. */
    record Show(int ordinal, UUID id, String name, Status status, Horizon horizon, Format format, Venue venue,
                ZoneId zone, Instant startsAt, Instant endsAt, Instant salesStart, Instant cancelledAt,
                BigDecimal feeRate, List<Inventory> inventory) {

        Inventory tier(Tier tier) {
            return inventory.stream().filter(i -> i.tier == tier).findFirst().orElse(null);
        }
    }

    private record Slot(LocalDate firstDay, int days, LocalTime starts, LocalTime ends) {
    }

    private static final LocalTime ON_SALE_TIME = LocalTime.of(10, 0);
    private static final List<LocalTime> EVENING_STARTS = List.of(LocalTime.of(19, 0), LocalTime.of(19, 30),
            LocalTime.of(20, 0), LocalTime.of(20, 30), LocalTime.of(21, 0));
    private static final List<LocalTime> CURTAIN_TIMES = List.of(LocalTime.of(19, 30), LocalTime.of(20, 0));
    /** Attempts at a free date before a venue takes a second event on a day it is already booked. */
    private static final int BOOKING_ATTEMPTS = 12;

    private final PackContext ctx;
    private final RowSink sink;
    private final List<Venue> venues;
    private final List<Company> companies;
    private final List<Tier> tiers;
    private final Map<Integer, Set<LocalDate>> bookedDays = new HashMap<>();
    private final Set<String> slugs = new HashSet<>();

    Calendar(PackContext ctx, RowSink sink, List<Venue> venues, List<Company> companies, int tierCount) {
        this.ctx = ctx;
        this.sink = sink;
        this.venues = venues;
        this.companies = companies;
        this.tiers = Pricing.tiers(tierCount);
    }

    /** Writes {@code count} events, each followed by its ticket types, and returns them for the orders. */
    List<Show> write(int count) {
        Draw plan = ctx.draw("event_plan", 0);
        Status[] statuses = statuses(plan, count);
        Horizon[] horizons = horizons(plan, statuses);
        List<Show> shows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            shows.add(event(i, statuses[i], horizons[i]));
        }
        return shows;
    }

    /** Exact counts per status; event 0 is on sale, the others get the rest in a seeded order. */
    private static Status[] statuses(Draw plan, int count) {
        Status[] all = Status.values();
        int[] counts = Allocation.of(count, Arrays.stream(all).mapToInt(s -> s.weight).toArray());
        counts[Status.ON_SALE.ordinal()]--;
        int[] rest = Allocation.shuffled(counts, plan.random());
        Status[] statuses = new Status[count];
        statuses[0] = Status.ON_SALE;
        for (int i = 1; i < count; i++) {
            statuses[i] = all[rest[i - 1]];
        }
        return statuses;
    }

    /**
     * Completed events are in the past; the others fill the upcoming windows in exact proportions,
     * the nearest windows going to the statuses that tend to be soonest, with enough randomness
     * that a draft can be next month and a sold-out show in the spring.
     */
    private static Horizon[] horizons(Draw plan, Status[] statuses) {
        Horizon[] horizons = new Horizon[statuses.length];
        List<Integer> upcoming = new ArrayList<>();
        Map<Integer, Double> keys = new HashMap<>();
        for (int i = 0; i < statuses.length; i++) {
            if (statuses[i] == Status.COMPLETED) {
                horizons[i] = Horizon.PAST;
            } else {
                upcoming.add(i);
                keys.put(i, statuses[i].nearness() + 2 * plan.random().nextDouble());
            }
        }
        upcoming.sort(Comparator.comparingDouble(keys::get));
        int[] counts = Allocation.of(upcoming.size(), Horizon.NEAR.weight, Horizon.MID.weight, Horizon.FAR.weight);
        Horizon[] windows = {Horizon.NEAR, Horizon.MID, Horizon.FAR};
        int next = 0;
        for (int w = 0; w < windows.length; w++) {
            for (int j = 0; j < counts[w]; j++) {
                horizons[upcoming.get(next++)] = windows[w];
            }
        }
        return horizons;
    }

    private Show event(int ordinal, Status status, Horizon horizon) {
        Draw draw = ctx.draw("event", ordinal);
        boolean flagship = ordinal == 0;
        Venue venue = flagship ? venues.get(0) : draw.pick(venues);
        Format format = flagship ? Format.MAJOR_CONCERT : booking(draw, venue);
        Company promoter = companies.get(format.promoters.stream().filter(c -> c < companies.size()).findFirst().orElse(0));
        ZoneId zone = venue.spec().city().zone();
        LocalDate today = LocalDate.ofInstant(ctx.anchor(), zone);

        Slot slot = book(draw, venue, format, horizon, today);
        Instant startsAt = ZonedDateTime.of(slot.firstDay(), slot.starts(), zone).toInstant();
        Instant endsAt = slot.days() == 1 ? startsAt.plus(Duration.ofHours(format.hours))
                : ZonedDateTime.of(slot.firstDay().plusDays(slot.days() - 1L), slot.ends(), zone).toInstant();

        Instant salesStart;
        Instant createdAt;
        if (status.hadSales()) {
            // Shows go on sale at 10 a.m. one to four months ahead; everything sold has had at least five days.
            LocalDate onSale = slot.firstDay().minusDays(draw.between(30, 120));
            if (onSale.isAfter(today.minusDays(5))) {
                onSale = today.minusDays(draw.between(5, 14));
            }
            salesStart = ZonedDateTime.of(onSale, ON_SALE_TIME, zone).toInstant();
            createdAt = officeHours(draw, onSale.minusDays(draw.between(5, 30)), zone);
        } else {
            // Announced or still in draft: sales open within two weeks, and before the show.
            long daysAhead = ChronoUnit.DAYS.between(today, slot.firstDay());
            salesStart = ZonedDateTime.of(today.plusDays(draw.between(1, (int) Math.min(14, daysAhead - 2))), ON_SALE_TIME, zone)
                    .toInstant();
            createdAt = officeHours(draw, today.minusDays(draw.between(1, 20)), zone);
        }
        Instant cancelledAt = status == Status.CANCELLED
                ? draw.instantBetween(salesStart.plus(Duration.ofDays(2)), ctx.anchor().minus(Duration.ofDays(1))) : null;
        int capacity = format == Format.CONFERENCE
                ? Math.max(50, venue.spec().capacity() * draw.between(40, 70) / 100 / 50 * 50) : venue.spec().capacity();

        Lineup.Listing listing = Lineup.listing(draw, format, venue.spec(), slot.firstDay());
        String slug = uniqueSlug(listing.name() + " " + venue.spec().city().name() + " " + slot.firstDay());

        UUID id = sink.add("ticketing.events", Row.withId(ctx.id("event", ordinal))
                .set("promoter_company_id", promoter.id())
                .set("venue_id", venue.id())
                .set("name", listing.name())
                .set("slug", slug)
                .set("category", format.category.name())
                .set("tags", listing.tags().toArray(String[]::new))
                .set("description", listing.description())
                .set("starts_at", startsAt)
                .set("ends_at", endsAt)
                .set("timezone", zone.getId())
                .set("status", status.name())
                .set("sales_start", salesStart)
                .set("sales_end", startsAt)
                .set("capacity", capacity)
                .set("created_at", createdAt));
        double sellThrough = flagship ? Pricing.typicalSellThrough(draw) : Pricing.sellThrough(draw, status);
        List<Inventory> inventory = ticketTypes(draw, ordinal, id, format, status, capacity, sellThrough);
        return new Show(ordinal, id, listing.name(), status, horizon, format, venue, zone, startsAt, endsAt, salesStart,
                cancelledAt, Pricing.feeRate(draw), inventory);
    }

    private static Format booking(Draw draw, Venue venue) {
        List<Booking> bookings = Catalog.bookings(venue.spec().kind());
        int roll = draw.between(1, bookings.stream().mapToInt(Booking::weight).sum());
        for (Booking booking : bookings) {
            roll -= booking.weight();
            if (roll <= 0) {
                return booking.format();
            }
        }
        throw new IllegalStateException("booking weights of " + venue.spec().kind() + " do not add up");
    }

    /**
     * Ticket types, priced from general admission, and how many of each are sold: the early bird
     * goes first and sells out as soon as anything sells, VIP sells about as well as the event.
     */
    private List<Inventory> ticketTypes(Draw draw, int event, UUID eventId, Format format, Status status, int capacity,
                                        double sellThrough) {
        boolean earlyBird = tiers.contains(Tier.EARLY_BIRD);
        BigDecimal general = Pricing.generalPrice(draw, format);
        int[] totals = new int[tiers.size()];
        int offered = 0;
        for (int t = 0; t < tiers.size(); t++) {
            totals[t] = Pricing.quantity(tiers.get(t), capacity, earlyBird);
            offered += totals[t];
        }
        int[] sold = new int[tiers.size()];
        int soldSoFar = 0;
        for (int t = 0; t < tiers.size(); t++) {
            if (tiers.get(t) == Tier.EARLY_BIRD) {
                sold[t] = sellThrough > 0 ? totals[t] : 0;
            } else if (tiers.get(t) == Tier.VIP) {
                double vip = Math.max(0, Math.min(1, sellThrough + (draw.random().nextDouble() - 0.5) / 5));
                sold[t] = status == Status.SOLD_OUT ? totals[t] : sellThrough == 0 ? 0 : (int) Math.round(totals[t] * vip);
            }
            soldSoFar += sold[t];
        }
        int generalIndex = tiers.indexOf(Tier.GENERAL);
        sold[generalIndex] = status == Status.SOLD_OUT ? totals[generalIndex]
                : (int) Math.max(0, Math.min(totals[generalIndex], Math.round(sellThrough * offered) - soldSoFar));

        List<Inventory> inventory = new ArrayList<>(tiers.size());
        for (int t = 0; t < tiers.size(); t++) {
            Tier tier = tiers.get(t);
            BigDecimal price = switch (tier) {
                case EARLY_BIRD -> Pricing.earlyBirdPrice(draw, general);
                case GENERAL -> general;
                case VIP -> Pricing.vipPrice(draw, general);
            };
            String name = switch (tier) {
                case EARLY_BIRD -> format.earlyBirdTier;
                case GENERAL -> format.generalTier;
                case VIP -> format.vipTier;
            };
            UUID id = sink.add("ticketing.ticket_types", Row.withId(ctx.id("ticket_type", event * Tier.values().length + tier.ordinal()))
                    .set("event_id", eventId)
                    .set("tier", tier.name())
                    .set("name", name)
                    .set("price", price)
                    .set("quantity_total", totals[t])
                    .set("quantity_sold", sold[t])
                    .set("quantity_available", totals[t] - sold[t]));
            inventory.add(new Inventory(id, tier, price, sold[t], totals[t] - sold[t]));
        }
        return inventory;
    }

    /** A slot in the horizon the venue has free, as the format schedules it. */
    private Slot book(Draw draw, Venue venue, Format format, Horizon horizon, LocalDate today) {
        Set<LocalDate> booked = bookedDays.computeIfAbsent(venue.ordinal(), v -> new HashSet<>());
        Slot slot = null;
        for (int attempt = 0; attempt < BOOKING_ATTEMPTS; attempt++) {
            slot = slot(draw, format, horizon, today);
            if (days(slot).stream().noneMatch(booked::contains)) {
                break;
            }
        }
        booked.addAll(days(slot));
        return slot;
    }

    private static List<LocalDate> days(Slot slot) {
        return slot.firstDay().datesUntil(slot.firstDay().plusDays(slot.days())).toList();
    }

    /**
     * When a format's show happens: a day in the horizon moved forward to the format's usual
     * weekday (a week is kept free at the end of the window for that), at its usual local time.
     */
    private static Slot slot(Draw draw, Format format, Horizon horizon, LocalDate today) {
        LocalDate base = today.plusDays(draw.between(horizon.fromDay, horizon.toDay - 6));
        return switch (format.timing) {
            case WEEKEND_EVENING -> new Slot(base.with(TemporalAdjusters.nextOrSame(eveningDay(draw))), 1,
                    draw.pick(EVENING_STARTS), null);
            case EVENING_OR_MATINEE -> draw.chance(0.25)
                    ? new Slot(base.with(TemporalAdjusters.nextOrSame(draw.chance(0.5) ? DayOfWeek.WEDNESDAY : DayOfWeek.THURSDAY)),
                    1, LocalTime.of(14, 0), null)
                    : new Slot(base.with(TemporalAdjusters.nextOrSame(draw.chance(0.5) ? DayOfWeek.FRIDAY : DayOfWeek.SATURDAY)),
                    1, draw.pick(CURTAIN_TIMES), null);
            case WEEKDAY_DAYTIME -> new Slot(base.with(TemporalAdjusters.nextOrSame(
                    draw.chance(0.5) ? DayOfWeek.TUESDAY : DayOfWeek.WEDNESDAY)), draw.between(2, 3), LocalTime.of(9, 0),
                    LocalTime.of(17, 0));
            case WEEKEND_DAYS -> draw.chance(0.5)
                    ? new Slot(base.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY)), 3, LocalTime.of(12, 0), LocalTime.of(23, 0))
                    : new Slot(base.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY)), 2, LocalTime.of(12, 0), LocalTime.of(23, 0));
        };
    }

    /** Friday or Saturday night, and now and then a Thursday. */
    private static DayOfWeek eveningDay(Draw draw) {
        double roll = draw.random().nextDouble();
        return roll < 0.45 ? DayOfWeek.FRIDAY : roll < 0.9 ? DayOfWeek.SATURDAY : DayOfWeek.THURSDAY;
    }

    private String uniqueSlug(String text) {
        String slug = Contacts.slug(text);
        String candidate = slug;
        for (int n = 2; !slugs.add(candidate); n++) {
            candidate = slug + "-" + n;
        }
        return candidate;
    }

    static Instant officeHours(Draw draw, LocalDate day, ZoneId zone) {
        return ZonedDateTime.of(day, LocalTime.of(draw.between(9, 17), draw.between(0, 59)), zone).toInstant();
    }
}
