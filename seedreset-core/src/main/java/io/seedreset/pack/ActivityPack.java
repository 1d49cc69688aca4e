package io.seedreset.pack;

import java.time.LocalDate;

/**
 * A pack that can also post synthetic activity: a day's plausible new transactions (orders, scans,
 * invoices, deals) on top of the rows it seeded, so that a demo organization looks alive on the
 * day it is shown. The engine runs it for each day asked, in one transaction per organization,
 * records what it wrote in the ledger as an application of its own (reset drops it, teardown
 * removes it) and runs the pack's validation rules before commit.
 *
 * <p>The same determinism as {@link #generate}: every value comes from the context and the day.
 * Draw and id keys carry the day ({@link #key}), so one day's rows never collide with another
 * day's or with the pack's own, and the same seed and day give the same rows. The pack may read
 * the organization's rows ({@link PackContext#query}) to find what the day's activity builds on
 * (upcoming events, open invoices); changes to existing rows go through {@link RowSink#update},
 * whose before-images teardown puts back.
 */
public interface ActivityPack extends SeedPack {

    /**
     * Emits the activity of one day (UTC), dated within that day. Called once per day asked,
     * oldest first; each call sees the rows the calls before it wrote.
     */
    void activity(PackContext context, LocalDate day, RowSink sink);

    /** The key of a day's {@code entity} for {@link PackContext#id} and {@link PackContext#draw}: never one of the pack's own. */
    static String key(LocalDate day, String entity) {
        return "activity/" + day + "/" + entity;
    }
}
