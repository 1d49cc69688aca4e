package io.seedreset.pack;

import java.util.List;
import java.util.Map;

/**
 * Read access to the organization's rows while a pack generates: how a scenario finds the rows
 * it builds on. Queries run in the same transaction as the writes and see every row the pack
 * has emitted so far. {@code :org} in the SQL stands for the organization's id; a query must
 * filter on it, and should order its results so that they, and the rows derived from them,
 * are deterministic.
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
