package io.seedreset.internal.engine;

import io.seedreset.api.SeedResetException;
import io.seedreset.pack.Invariant;
import io.seedreset.pack.SeedPack;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Runs a pack's invariants inside the apply transaction; the first broken one fails the apply. */
final class Invariants {

    private static final int EXAMPLES = 3;
    private static final java.util.regex.Pattern ORG = java.util.regex.Pattern.compile(":org\\b");

    private Invariants() {
    }

    static void check(Connection connection, SeedPack pack, UUID organizationId) throws SQLException {
        for (Invariant invariant : pack.invariants()) {
            // A literal, not a bind parameter: the id is ours, and a '?' in the pack's SQL (jsonb operators,
            // message texts) stays what it is.
            // Wrapped in a subquery, so an invariant can only read: PostgreSQL rejects a second
            // statement or a data-modifying WITH there.
            String sql = "SELECT * FROM (" + ORG.matcher(invariant.sql().strip().replaceAll(";$", ""))
                    .replaceAll("'" + organizationId + "'::uuid") + ") AS invariant";
            List<String> violations = new ArrayList<>();
            try (Statement statement = connection.createStatement()) {
                statement.setMaxRows(EXAMPLES);
                try (ResultSet rs = statement.executeQuery(sql)) {
                    while (rs.next()) {
                        violations.add(rs.getString(1));
                    }
                }
            }
            if (!violations.isEmpty()) {
                throw SeedResetException.failure("pack '" + pack.descriptor().id() + "' broke its invariant '"
                        + invariant.name() + "' (e.g. " + String.join("; ", violations) + "): nothing was applied");
            }
        }
    }
}
