package io.seedreset.packs.travel;

import io.seedreset.pack.Draw;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/** Dollars and cents as the books keep them: BigDecimal at scale 2, rounded half up, never a double in a row. */
final class Money {

    static final String USD = "USD";
    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Money() {
    }

    static BigDecimal cents(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    static BigDecimal dollars(long dollars) {
        return BigDecimal.valueOf(dollars).setScale(2);
    }

    /** A share of an amount, to the cent: a tax, a deposit, a withholding. */
    static BigDecimal share(BigDecimal amount, double share) {
        return amount.multiply(BigDecimal.valueOf(share)).setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal times(BigDecimal unit, long quantity) {
        return unit.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP);
    }

    /** An amount in whole dollars in [min, max], in steps of {@code step} dollars. */
    static BigDecimal between(Draw draw, long min, long max, long step) {
        return draw.money(min, max, step);
    }

    /** An amount with cents in [min, max] dollars: a price as a supplier quotes it. */
    static BigDecimal withCents(Draw draw, long min, long max) {
        long minCents = min * 100;
        long maxCents = max * 100;
        return cents(minCents + (long) (draw.random().nextDouble() * (maxCents - minCents)));
    }

    /** A price at another level (a season's), rounded to {@code stepCents}: 500 keeps a tour's price in round five dollars. */
    static BigDecimal scaled(BigDecimal price, double level, long stepCents) {
        long cents = Math.round(price.doubleValue() * 100 * level / stepCents) * stepCents;
        return cents(Math.max(stepCents, cents));
    }

    static BigDecimal sum(Collection<BigDecimal> amounts) {
        return amounts.stream().reduce(ZERO, BigDecimal::add);
    }

    static boolean positive(BigDecimal amount) {
        return amount.signum() > 0;
    }
}
