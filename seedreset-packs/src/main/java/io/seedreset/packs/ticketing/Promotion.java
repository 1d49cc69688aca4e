package io.seedreset.packs.ticketing;

import io.seedreset.pack.Draw;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.Row;
import io.seedreset.pack.RowSink;
import io.seedreset.packs.ticketing.Calendar.Show;
import io.seedreset.packs.ticketing.Calendar.Status;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * A promo code, and how often the seeded orders have redeemed it. {@code usedCount} counts every
 * redemption (box office and partners too), so the orders use a code only while they stay below it.
 */
final class Promotion {

    /** The kinds of code a tenant has, with their share in percent. */
    enum Kind {
        ACTIVE(60), EXPIRED(20), DISABLED(10), EVENT(10);

        final int weight;

        Kind(int weight) {
            this.weight = weight;
        }
    }

    enum DiscountType { PERCENTAGE, FIXED }

    private record Offer(String word, DiscountType type, int value, String description) {
    }

    /**
     * The codes marketing teams actually run. A tenant with more codes than offers runs them again
     * at a deeper discount (STUDENT15, then STUDENT20), which keeps every code unique.
     */
    private static final List<Offer> OFFERS = List.of(
            new Offer("EARLYBIRD", DiscountType.PERCENTAGE, 10, "Early-bird discount for the first weeks of sales"),
            new Offer("STUDENT", DiscountType.PERCENTAGE, 15, "Students with a valid student ID"),
            new Offer("GROUP", DiscountType.PERCENTAGE, 20, "Groups of eight or more"),
            new Offer("VIP", DiscountType.FIXED, 50, "$50 off for VIP club members"),
            new Offer("WELCOME", DiscountType.FIXED, 5, "Welcome offer for new customers"),
            new Offer("FRIENDS", DiscountType.PERCENTAGE, 10, "Bring-a-friend offer"),
            new Offer("LOYALTY", DiscountType.PERCENTAGE, 15, "Thank-you for returning customers"),
            new Offer("MILITARY", DiscountType.PERCENTAGE, 20, "Active-duty service members and veterans"),
            new Offer("TEACHER", DiscountType.PERCENTAGE, 15, "Teachers and school staff"),
            new Offer("FLASH", DiscountType.PERCENTAGE, 25, "48-hour flash sale"),
            new Offer("LOCALS", DiscountType.PERCENTAGE, 10, "Residents' night"),
            new Offer("SAVE", DiscountType.FIXED, 10, "$10 off any order"),
            new Offer("MEMBER", DiscountType.PERCENTAGE, 20, "Venue members' presale"),
            new Offer("RADIO", DiscountType.PERCENTAGE, 15, "Radio partner giveaway"),
            new Offer("NEWSLETTER", DiscountType.FIXED, 15, "Newsletter subscribers"));

    private static final List<Integer> MAX_USES = Arrays.asList(100, 250, 500, 1_000, null);
    private static final List<Integer> EVENT_MAX_USES = List.of(50, 100, 200);
    private static final List<Integer> EVENT_PERCENT_OFF = List.of(10, 15, 20, 25);

    final UUID id;
    final DiscountType type;
    final BigDecimal value;
    final Instant validFrom;
    final Instant validTo;
    final boolean active;
    final UUID eventId;
    final int usedCount;
    /** Redemptions by the seeded orders so far. */
    int uses;

    private Promotion(UUID id, DiscountType type, BigDecimal value, Instant validFrom, Instant validTo,
                      boolean active, UUID eventId, int usedCount) {
        this.id = id;
        this.type = type;
        this.value = value;
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.active = active;
        this.eventId = eventId;
        this.usedCount = usedCount;
    }

    /** Whether an order for that event placed at that moment could redeem the code. */
    boolean redeemableFor(UUID event, Instant at) {
        return active && !at.isBefore(validFrom) && !at.isAfter(validTo) && (eventId == null || eventId.equals(event))
                && uses < usedCount;
    }

    /** The discount on a subtotal: a percentage of it, or a fixed amount never above it. */
    BigDecimal discount(BigDecimal subtotal) {
        return type == DiscountType.PERCENTAGE
                ? subtotal.multiply(value).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP)
                : value.min(subtotal);
    }

    /** Writes {@code count} codes in exact shares of kind; event codes belong to events on sale. */
    static List<Promotion> write(PackContext ctx, RowSink sink, int count, List<Show> shows) {
        List<Show> onSale = shows.stream().filter(s -> s.status() == Status.ON_SALE).toList();
        int[] kinds = Allocation.shuffled(Allocation.of(count, Arrays.stream(Kind.values()).mapToInt(k -> k.weight).toArray()),
                ctx.draw("promo_plan", 0).random());
        Instant today = ctx.anchor().truncatedTo(ChronoUnit.DAYS);
        Set<String> codes = new HashSet<>();
        List<Promotion> promotions = new ArrayList<>(count);
        int eventCodes = 0;
        for (int i = 0; i < count; i++) {
            Kind kind = Kind.values()[kinds[i]];
            Draw draw = ctx.draw("promo_code", i);
            Offer offer = OFFERS.get(i % OFFERS.size());
            int round = i / OFFERS.size();
            String code;
            String description;
            DiscountType type;
            int value;
            Instant from;
            Instant to;
            Integer maxUses;
            Show event = null;
            if (kind == Kind.EVENT) {
                event = onSale.get(eventCodes++ % onSale.size());
                type = DiscountType.PERCENTAGE;
                value = draw.pick(EVENT_PERCENT_OFF);
                code = unique(headline(event.name()) + value, codes);
                description = value + "% off " + event.name();
                from = event.salesStart();
                to = event.startsAt();
                maxUses = draw.pick(EVENT_MAX_USES);
            } else {
                type = offer.type();
                value = offer.value() + 5 * round;
                code = unique(offer.word() + value, codes);
                description = offer.description();
                maxUses = draw.pick(MAX_USES);
                switch (kind) {
                    case EXPIRED -> {
                        from = today.minus(Duration.ofDays(draw.between(120, 240)));
                        to = endOfDay(today.minus(Duration.ofDays(draw.between(5, 60))));
                    }
                    case DISABLED -> {
                        from = today.minus(Duration.ofDays(draw.between(10, 60)));
                        to = endOfDay(today.plus(Duration.ofDays(draw.between(10, 60))));
                    }
                    default -> {
                        from = today.minus(Duration.ofDays(draw.between(7, 90)));
                        to = endOfDay(today.plus(Duration.ofDays(draw.between(14, 120))));
                    }
                }
            }
            int usedCount = used(draw, kind, maxUses);
            boolean active = kind != Kind.DISABLED;
            UUID id = sink.add("ticketing.promo_codes", Row.withId(ctx.id("promo_code", i))
                    .set("event_id", event == null ? null : event.id())
                    .set("code", code)
                    .set("description", description)
                    .set("discount_type", type.name())
                    .set("discount_value", BigDecimal.valueOf(value).setScale(2, RoundingMode.UNNECESSARY))
                    .set("valid_from", from)
                    .set("valid_to", to)
                    .set("max_uses", maxUses)
                    .set("used_count", usedCount)
                    .set("active", active)
                    .set("created_at", from.minus(Duration.ofDays(draw.between(1, 14)))));
            promotions.add(new Promotion(id, type, BigDecimal.valueOf(value), from, to, active,
                    event == null ? null : event.id(), usedCount));
        }
        return promotions;
    }

    /** Redemptions so far: expired codes ran their course, disabled ones were stopped early. */
    private static int used(Draw draw, Kind kind, Integer maxUses) {
        int[] percent = switch (kind) {
            case EXPIRED -> new int[] {30, 100};
            case DISABLED -> new int[] {0, 20};
            case EVENT -> new int[] {10, 60};
            case ACTIVE -> new int[] {10, 70};
        };
        int ceiling = maxUses == null ? 600 : maxUses;
        return ceiling * draw.between(percent[0], percent[1]) / 100;
    }

    /** The first long word of an event's name, as in JUNIPER20 for "Juniper Vale: Northern Lights Tour". */
    private static String headline(String name) {
        return Arrays.stream(name.split("[^A-Za-z]+")).filter(w -> w.length() >= 4 && !w.equalsIgnoreCase("the"))
                .findFirst().orElse("SHOW").toUpperCase(Locale.ROOT);
    }

    private static String unique(String code, Set<String> taken) {
        String candidate = code;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = code + "-" + n;
        }
        return candidate;
    }

    private static Instant endOfDay(Instant startOfDay) {
        return startOfDay.plus(Duration.ofDays(1)).minusSeconds(1);
    }
}
