package io.seedreset.pack;

import java.util.List;

/**
 * A seed pack: versioned code that generates realistic rows deterministically.
 *
 * <p>Implementations are discovered with {@link java.util.ServiceLoader} (list them in
 * {@code META-INF/services/io.seedreset.pack.SeedPack}) or registered explicitly with
 * {@code SeedReset.configure().packs(...)}. A pack must derive every value from the
 * {@link PackContext}: it never reads the system clock or an unseeded random source, so
 * that plan and apply write the same rows and a seed from a bug report reproduces them.
 */
public interface SeedPack {

    PackDescriptor descriptor();

    /** Emits the pack's rows, parents before children. Called once by plan and once by apply. */
    void generate(PackContext context, RowSink sink);

    /** Checks run inside the apply transaction before commit; any offending row rolls it back. */
    default List<Invariant> invariants() {
        return List.of();
    }

    /** The logins the pack creates, printed by apply; derived from the same context as the rows. */
    default List<Persona> personas(PackContext context) {
        return List.of();
    }

    /** Sums that plan previews, e.g. the value of the seeded sales pipeline. */
    default List<Total> totals() {
        return List.of();
    }
}
