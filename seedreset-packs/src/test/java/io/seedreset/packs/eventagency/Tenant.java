package io.seedreset.packs.eventagency;

import io.seedreset.api.PackRequest;
import io.seedreset.testing.TestTenant;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A fresh database with the reference platform and one demo organization for event-agency-starter. */
final class Tenant extends TestTenant {

    static final Instant ANCHOR = Instant.parse("2026-11-21T09:00:00Z");
    static final long SEED = 20261121L;
    static final String ORG = "harbor-demo";

    /** The pack's tables, parents first. */
    static final List<String> TABLES = List.of("identity.users", "suppliers.vendors", "spaces.spaces", "events.events", "sales.deals",
            "budget.budgets", "budget.budget_lines", "dispatch.work_orders", "spaces.reservations");

    private Tenant() {
        super(TestTenant.builder().organization(ORG, "Harbor Events (demo)").clock(ANCHOR).actor("pack-test"));
    }

    static Tenant create() {
        return new Tenant();
    }

    static PackRequest request() {
        return PackRequest.of(EventAgencyStarterPack.ID, ORG).seed(SEED).anchor(ANCHOR);
    }

    long count(String table) {
        return tenantRows(table);
    }

    Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : TABLES) {
            counts.put(table, count(table));
        }
        return counts;
    }
}
