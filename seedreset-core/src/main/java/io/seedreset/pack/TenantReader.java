package io.seedreset.pack;

import java.util.List;
import java.util.Map;

/**
 * Read access to the organization's rows while a pack generates: how a scenario finds the rows
 * it builds on. Queries run in the transaction of the apply (or, for plan, in a read-only one).
 * {@code :org} in the SQL stands for the organization's id; a query must filter on it, and
 * should order its results so that they, and the rows derived from them, are deterministic.
 *
 * <p>Read the rows you build on before you emit rows or updates that they would show: plan
 * writes nothing, so a read after a write would see other data in plan than in apply, and the
 * plan would not match what apply writes.
 */
@FunctionalInterface
public interface TenantReader {

    /**
     * Runs a SELECT with positional {@code ?} parameters (a UUID[] or String[] binds as an array,
     * for {@code = ANY (?)}); each row maps column labels to values.
     */
    List<Map<String, Object>> query(String sql, Object... parameters);

    /** For packs run outside an engine (unit tests): any query fails. */
    TenantReader NONE = (sql, parameters) -> {
        throw new IllegalStateException("this pack context has no database to read from");
    };
}
