package io.seedreset.packs.travel;

import io.seedreset.api.ApplyResult;
import java.util.HashMap;
import java.util.Map;

/**
 * Each mode applied once per test run, shared by the test classes that only read it: an apply
 * with its migrations takes seconds, and the classes ask different questions of the same books.
 */
final class AppliedModes {

    record Applied(TravelTenant tenant, ApplyResult result) {
    }

    private static final Map<String, Applied> APPLIED = new HashMap<>();

    private AppliedModes() {
    }

    static synchronized Applied of(String mode) {
        return APPLIED.computeIfAbsent(mode, m -> {
            TravelTenant tenant = TravelTenant.create();
            return new Applied(tenant, tenant.apply(TravelTenant.request().mode(m)));
        });
    }
}
