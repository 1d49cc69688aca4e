package io.seedreset.packs.travel;

import io.seedreset.api.PackRequest;
import io.seedreset.pack.SeedPack;
import io.seedreset.testing.TestTenant;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A fresh database with the reference platform and one demo organization for demo-travel-co. */
final class TravelTenant extends TestTenant {

    /** A Saturday late in November: the holiday peak under way, Q3 the last complete quarter. */
    static final Instant ANCHOR = Instant.parse("2026-11-21T09:00:00Z");
    static final long SEED = 20261121L;
    static final String ORG = "travel-demo";

    /** The pack's tables, parents first. */
    static final List<String> TABLES = List.of("identity.users", "suppliers.vendors", "accounting.accounts", "accounting.tax_rates",
            "accounting.periods", "accounting.journal_entries", "accounting.journal_lines", "accounting.customers",
            "accounting.invoices", "accounting.invoice_lines", "accounting.inventory_items", "accounting.bills", "accounting.bill_lines",
            "accounting.bank_accounts", "accounting.payments", "accounting.payment_allocations", "accounting.reconciliations",
            "accounting.bank_transactions", "accounting.inventory_movements", "accounting.employees", "accounting.payroll_runs",
            "accounting.payroll_lines");

    private TravelTenant(SeedPack... extraPacks) {
        super(TestTenant.builder().organization(ORG, "Demo Travel Co (demo)").clock(ANCHOR).actor("travel-test")
                .packs(true, extraPacks));
    }

    static TravelTenant create(SeedPack... extraPacks) {
        return new TravelTenant(extraPacks);
    }

    static PackRequest request() {
        return PackRequest.of(DemoTravelCoPack.ID, ORG).seed(SEED).anchor(ANCHOR);
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
