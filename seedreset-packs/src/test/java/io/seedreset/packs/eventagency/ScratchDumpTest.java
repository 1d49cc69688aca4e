package io.seedreset.packs.eventagency;

import org.junit.jupiter.api.Test;

class ScratchDumpTest {
    @Test
    void dump() {
        Tenant tenant = Tenant.create();
        tenant.apply(Tenant.request().mode(System.getProperty("mode", "default")));
        for (String table : Tenant.TABLES) {
            System.out.println("== " + table);
            tenant.strings("SELECT (to_jsonb(t) - 'org_id' - 'id' - 'event_id' - 'vendor_id' - 'budget_id' - 'space_id')::text FROM " + table + " t ORDER BY t.id").forEach(System.out::println);
        }
        System.out.println(tenant.seedReset.plan(Tenant.request().mode(System.getProperty("mode", "default"))).totals());
    }
}
