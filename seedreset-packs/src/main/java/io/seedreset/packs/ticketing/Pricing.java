package io.seedreset.packs.ticketing;

import io.seedreset.pack.Draw;
import io.seedreset.packs.ticketing.Catalog.Format;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * How tickets are priced and sold: the general-admission price of a format, the early-bird and
 * VIP tiers derived from it, the house's share of each tier, the service fee, the admissions tax,
 * and how far an event has sold.
 */
final class Pricing {

    enum Tier { EARLY_BIRD, GENERAL, VIP }

    /** VIP packages cost two to five times general admission. */
    private static final List<BigDecimal> VIP_MULTIPLES = List.of(new BigDecimal("2"), new BigDecimal("2.5"),
            new BigDecimal("3"), new BigDecimal("4"), new BigDecimal("5"));
    /** Early-bird tickets are 10, 15 or 20% off general admission. */
    private static final List<Integer> EARLY_BIRD_PERCENT_OFF = List.of(10, 15, 20);
    /** Service fees between 10 and 15% of the ticket price, the range buyers see at checkout. */
    private static final List<BigDecimal> FEE_RATES = List.of(new BigDecimal("0.10"), new BigDecimal("0.11"),
            new BigDecimal("0.12"), new BigDecimal("0.125"), new BigDecimal("0.13"), new BigDecimal("0.14"), new BigDecimal("0.15"));

    /**
     * Shares of capacity per tier, in percent: the early bird is a small first allocation and
     * VIP a premium few; what is left (3%) is held back for comps and production holds, as box
     * offices do, so a sold-out event never quite reaches its capacity in tickets sold.
     */
    private static final int EARLY_BIRD_SHARE = 10;
    private static final int VIP_SHARE = 5;
    private static final int HELD_BACK_SHARE = 3;

    private Pricing() {
    }

    static BigDecimal generalPrice(Draw draw, Format format) {
        return draw.money(format.minPrice, format.maxPrice, format.priceStep);
    }

    static BigDecimal earlyBirdPrice(Draw draw, BigDecimal general) {
        int percentOff = draw.pick(EARLY_BIRD_PERCENT_OFF);
        return general.multiply(BigDecimal.valueOf(100 - percentOff)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    static BigDecimal vipPrice(Draw draw, BigDecimal general) {
        return general.multiply(draw.pick(VIP_MULTIPLES)).setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal feeRate(Draw draw) {
        return draw.pick(FEE_RATES);
    }

    /** The tiers an event offers: general admission and VIP, and with three tiers an early bird first. */
    static List<Tier> tiers(int count) {
        return count >= 3 ? List.of(Tier.EARLY_BIRD, Tier.GENERAL, Tier.VIP) : List.of(Tier.GENERAL, Tier.VIP);
    }

    /** How many tickets of a tier an event of that capacity puts on sale. */
    static int quantity(Tier tier, int capacity, boolean withEarlyBird) {
        int general = 100 - VIP_SHARE - HELD_BACK_SHARE - (withEarlyBird ? EARLY_BIRD_SHARE : 0);
        int share = switch (tier) {
            case EARLY_BIRD -> EARLY_BIRD_SHARE;
            case GENERAL -> general;
            case VIP -> VIP_SHARE;
        };
        return Math.max(1, capacity * share / 100);
    }

    /**
     * The share of an event's tickets sold by the anchor. Events on sale mostly stand at 60 to 80%,
     * some are just starting and a few are close to selling out; completed shows sold nearly
     * everything; cancelled ones were cancelled halfway; announced and draft events have not sold.
     */
    static double sellThrough(Draw draw, Calendar.Status status) {
        return switch (status) {
            case ON_SALE -> {
                double roll = draw.random().nextDouble();
                yield roll < 0.7 ? between(draw, 0.60, 0.80) : roll < 0.85 ? between(draw, 0.35, 0.60) : between(draw, 0.80, 0.95);
            }
            case SOLD_OUT -> 1.0;
            case COMPLETED -> between(draw, 0.85, 1.0);
            case CANCELLED -> between(draw, 0.30, 0.60);
            case PUBLISHED, DRAFT -> 0.0;
        };
    }

    /** The usual sell-through of an event on sale, for the flagship show scenarios build on. */
    static double typicalSellThrough(Draw draw) {
        return between(draw, 0.60, 0.80);
    }

    static BigDecimal fees(BigDecimal subtotal, BigDecimal rate) {
        return subtotal.multiply(rate).setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal tax(BigDecimal taxable, BigDecimal rate) {
        return taxable.multiply(rate).setScale(2, RoundingMode.HALF_UP);
    }

    private static double between(Draw draw, double min, double max) {
        return min + (max - min) * draw.random().nextDouble();
    }
}
