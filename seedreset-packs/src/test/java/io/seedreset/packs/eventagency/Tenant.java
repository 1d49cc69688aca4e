package io.seedreset.packs.eventagency;

import io.seedreset.api.ApplyRequest;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.PackRequest;
import io.seedreset.api.SeedReset;
import io.seedreset.packs.DatabaseReader;
import io.seedreset.testing.TestDatabases;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/** A fresh database with the reference platform and one demo organization, and ways to read it back. */
final class Tenant extends DatabaseReader {

    static final Instant ANCHOR = Instant.parse("2026-11-21T09:00:00Z");
    static final long SEED = 20261121L;
    static final String ORG = "harbor-demo";

    /** The pack's tables, parents first. */
    static final List<String> TABLES = List.of("suppliers.vendors", "spaces.spaces", "events.events", "sales.deals",
            "budget.budgets", "budget.budget_lines", "dispatch.work_orders", "spaces.reservations");

    final SeedReset seedReset;

    private Tenant(DataSource dataSource, SeedReset seedReset) {
        super(dataSource);
        this.seedReset = seedReset;
    }

    static Tenant create() {
        DataSource dataSource = TestDatabases.newMigratedDatabase("platform", ds -> SeedReset.configure().dataSource(ds).load().init());
        SeedReset seedReset = SeedReset.configure()
                .dataSource(dataSource)
                .clock(Clock.fixed(ANCHOR, ZoneOffset.UTC))
                .actor("pack-test")
                .load();
        seedReset.createOrganization(ORG, "Harbor Events (demo)", OrganizationKind.DEMO);
        return new Tenant(dataSource, seedReset);
    }

    static PackRequest request() {
        return PackRequest.of(EventAgencyStarterPack.ID, ORG).seed(SEED).anchor(ANCHOR);
    }

    ApplyResult apply(PackRequest request) {
        return seedReset.apply(ApplyRequest.of(request).confirm(ORG));
    }

    long count(String table) {
        return queryForLong("SELECT count(*) FROM " + table + " t JOIN platform.organizations o ON o.id = t.org_id WHERE o.slug = ?", ORG);
    }

    Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : TABLES) {
            counts.put(table, count(table));
        }
        return counts;
    }
}
