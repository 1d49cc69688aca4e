package io.seedreset.api;

import java.util.List;

/**
 * What init did.
 *
 * @param migrationsApplied how many schema migrations ran now (0 when the schema was current)
 * @param schemaVersion     the schema version after init
 * @param guardedTables     the tenant tables that carry the seed guard triggers
 */
public record InitResult(int migrationsApplied, String schemaVersion, List<String> guardedTables) {

    public InitResult {
        guardedTables = List.copyOf(guardedTables);
    }
}
