package io.seedreset.api;

import java.util.List;

/**
 * What init did.
 *
 * @param migrationsApplied how many schema migrations ran now (0 when the schema was current)
 * @param schemaVersion     the schema version after init
 * @param guardedTables     the tenant tables that carry the seed guard triggers
 * @param guardRepairs      the guards found dropped, disabled or altered and put back, one line each
 *                          (also recorded in the audit); empty when every guard was in place, and
 *                          when init created or upgraded the schema (the guards are new then)
 */
public record InitResult(int migrationsApplied, String schemaVersion, List<String> guardedTables, List<String> guardRepairs) {

    public InitResult {
        guardedTables = List.copyOf(guardedTables);
        guardRepairs = List.copyOf(guardRepairs);
    }
}
