package io.seedreset.platform.ticketing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * What an order costs, by the rules the ticketing-demo pack seeds its orders with (its Pricing and
 * Promotion classes; {@code PlatformRulesTest} in seedreset-packs pins that both agree on every seeded order):
 * the subtotal is the items' prices, the service fee a rate of the subtotal, the admissions tax a rate of the
 * subtotal less the discount, and the total {@code subtotal + fees + tax - discount}; every amount to the cent,
 * half up.
 *
 * <p>The packs compile against the pack API alone (they never depend on the platform), so the rules are written
 * twice, and the test holds the two copies together.
 */
public final class OrderPricing {

    /**
     * The service fee of an event that has no orders to read its rate from: the middle of the 10 to 15% the
     * pack charges. The schema keeps no rate per event; see {@link #feeRateOf}.
     */
    public static final BigDecimal STANDARD_FEE_RATE = new BigDecimal("0.125");
    /** The average order, in dollars, above which a rate read back from orders is exact (see {@link #feeRateOf}). */
    static final BigDecimal LEAST_AVERAGE_ORDER_FOR_A_RATE = BigDecimal.TEN;

    /**
     * The admissions tax per city the platform sells in ("City, ST"): California and Oregon tax no admissions,
     * the others at their local rate. A city not listed is not taxed.
     */
    private static final Map<String, BigDecimal> ADMISSIONS_TAX = Map.of(
            "New York, NY", new BigDecimal("0.08875"),
            "Los Angeles, CA", BigDecimal.ZERO,
            "Chicago, IL", new BigDecimal("0.09"),
            "Austin, TX", new BigDecimal("0.0825"),
            "Nashville, TN", new BigDecimal("0.0925"),
            "Portland, OR", BigDecimal.ZERO);

    private OrderPricing() {
    }

    /** The service fee on a subtotal at the event's rate. */
    public static BigDecimal fees(BigDecimal subtotal, BigDecimal rate) {
        return subtotal.multiply(rate).setScale(2, RoundingMode.HALF_UP);
    }

    /** The admissions tax on what is taxable (the subtotal less the discount). */
    public static BigDecimal tax(BigDecimal taxable, BigDecimal rate) {
        return taxable.multiply(rate).setScale(2, RoundingMode.HALF_UP);
    }

    /** A promo code's discount on a subtotal: a percentage of it, or a fixed amount never above it. */
    public static BigDecimal discount(String discountType, BigDecimal value, BigDecimal subtotal) {
        return switch (discountType) {
            case "PERCENTAGE" -> subtotal.multiply(value).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
            case "FIXED" -> value.min(subtotal).setScale(2, RoundingMode.HALF_UP);
            default -> throw new IllegalArgumentException("no discount type " + discountType);
        };
    }

    /** What the holder paid for one ticket: its price less its share of the order's discount. */
    public static BigDecimal pricePaid(BigDecimal unitPrice, BigDecimal subtotal, BigDecimal discount) {
        return discount.signum() == 0 ? unitPrice
                : unitPrice.multiply(subtotal.subtract(discount)).divide(subtotal, 2, RoundingMode.HALF_UP);
    }

    /** The order's total. */
    public static BigDecimal total(BigDecimal subtotal, BigDecimal fees, BigDecimal tax, BigDecimal discount) {
        return subtotal.add(fees).add(tax).subtract(discount);
    }

    /** The admissions tax rate of a venue's city. */
    public static BigDecimal admissionsTaxRate(String city, String state) {
        return ADMISSIONS_TAX.getOrDefault(city + ", " + state, BigDecimal.ZERO);
    }

    /**
     * An event's service fee rate, read back from the fees and subtotals of {@code orders} of its orders, summed.
     * The pack gives each event one rate (to a tenth of a percent) and charges it on every order, so the sums give
     * it back exactly: each fee is off by at most half a cent, so the sums' ratio is off by less than half a tenth
     * of a percent while the orders average more than ten dollars. An event without such orders charges
     * {@link #STANDARD_FEE_RATE}; the orders the platform places charge the rate they read, so it stays the event's.
     */
    public static BigDecimal feeRateOf(BigDecimal fees, BigDecimal subtotals, long orders) {
        if (orders == 0 || fees == null || subtotals == null
                || subtotals.compareTo(LEAST_AVERAGE_ORDER_FOR_A_RATE.multiply(BigDecimal.valueOf(orders))) <= 0) {
            return STANDARD_FEE_RATE;
        }
        return fees.divide(subtotals, 3, RoundingMode.HALF_UP);
    }
}
