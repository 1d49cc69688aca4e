package io.seedreset.packs.ticketing;

import io.seedreset.api.PackRequest;
import io.seedreset.pack.SeedPack;
import io.seedreset.testing.TestTenant;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A fresh database with the reference platform and one demo organization for the ticketing packs. */
final class TicketingTenant extends TestTenant {

    static final Instant ANCHOR = Instant.parse("2026-11-21T09:00:00Z");
    static final long SEED = 20261121L;
    static final String ORG = "encore-demo";

    /** The module's tables, parents first. */
    static final List<String> TABLES = List.of("ticketing.companies", "ticketing.venues", "ticketing.users",
            "ticketing.notification_preferences", "ticketing.events", "ticketing.ticket_types", "ticketing.promo_codes",
            "ticketing.scanners", "ticketing.orders", "ticketing.order_items", "ticketing.tickets",
            "ticketing.ticket_transfers", "ticketing.scan_logs", "ticketing.notifications");

    /** The personas' emails, fixed whatever the seed; every other user is generated. */
    static final Set<String> PERSONA_EMAILS = Stream.concat(Personas.STAFF.stream(), Personas.CUSTOMERS.stream())
            .map(Personas.Spec::email).collect(Collectors.toUnmodifiableSet());

    private TicketingTenant(SeedPack... extraPacks) {
        super(TestTenant.builder().organization(ORG, "Encore Ticketing (demo)").clock(ANCHOR).actor("ticketing-test")
                .packs(true, extraPacks));
    }

    static TicketingTenant create(SeedPack... extraPacks) {
        return new TicketingTenant(extraPacks);
    }

    static PackRequest request() {
        return PackRequest.of(TicketingDemoPack.ID, ORG).seed(SEED).anchor(ANCHOR);
    }

    long count(String table) {
        return queryForLong("SELECT count(*) FROM " + table);
    }

    Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : TABLES) {
            counts.put(table, count(table));
        }
        return counts;
    }
}
