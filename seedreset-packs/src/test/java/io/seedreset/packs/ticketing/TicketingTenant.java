package io.seedreset.packs.ticketing;

import io.seedreset.api.ApplyRequest;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.PackRequest;
import io.seedreset.api.SeedReset;
import io.seedreset.packs.DatabaseReader;
import io.seedreset.pack.SeedPack;
import io.seedreset.testing.TestDatabases;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;

/** A fresh database with the reference platform and one demo organization, and ways to read it back. */
final class TicketingTenant extends DatabaseReader {

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

    final SeedReset seedReset;

    private TicketingTenant(DataSource dataSource, SeedReset seedReset) {
        super(dataSource);
        this.seedReset = seedReset;
    }

    static TicketingTenant create(SeedPack... extraPacks) {
        DataSource dataSource = TestDatabases.newMigratedDatabase("platform", ds -> SeedReset.configure().dataSource(ds).load().init());
        SeedReset seedReset = SeedReset.configure()
                .dataSource(dataSource)
                .clock(Clock.fixed(ANCHOR, ZoneOffset.UTC))
                .actor("ticketing-test")
                .packs(extraPacks)
                .load();
        seedReset.createOrganization(ORG, "Encore Ticketing (demo)", OrganizationKind.DEMO);
        return new TicketingTenant(dataSource, seedReset);
    }

    static PackRequest request() {
        return PackRequest.of(TicketingDemoPack.ID, ORG).seed(SEED).anchor(ANCHOR);
    }

    ApplyResult apply(PackRequest request) {
        return seedReset.apply(ApplyRequest.of(request).confirm(ORG));
    }

    String organizationId() {
        return strings("SELECT id::text FROM platform.organizations WHERE slug = ?", ORG).get(0);
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
