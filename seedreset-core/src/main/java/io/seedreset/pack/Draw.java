package io.seedreset.pack;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;

/**
 * Seeded randomness for one row: a {@link Random} and a DataFaker {@link Faker} that share
 * one keyed stream. Obtain it from {@link PackContext#draw(String, int)}.
 */
public final class Draw {

    private final Random random = new Random(0);
    /**
     * Made on first use: building a Faker costs a few hundred milliseconds the first time in a JVM
     * (DataFaker's classes and locale files), and packs that draw only from {@link #random()} never
     * need one. Drawing nothing at construction, it takes the same values from the shared stream
     * whenever it is made.
     */
    private Faker faker;

    Draw() {
    }

    void reseed(long seed) {
        random.setSeed(seed);
    }

    public Faker faker() {
        if (faker == null) {
            faker = new Faker(Locale.US, random);
        }
        return faker;
    }

    public Random random() {
        return random;
    }

    /** A whole number in [min, max]. */
    public int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    public <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** An amount in [min, max] rounded to {@code step} (e.g. 50 for quotes in round fifties). */
    public BigDecimal money(long min, long max, long step) {
        long steps = (max - min) / step;
        return BigDecimal.valueOf(min + step * (long) random.nextInt((int) steps + 1)).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** An instant in [from, to) at whole minutes. */
    public Instant instantBetween(Instant from, Instant to) {
        long minutes = Duration.between(from, to).toMinutes();
        return from.plus(Duration.ofMinutes(minutes <= 0 ? 0 : (long) (random.nextDouble() * minutes)));
    }
}
