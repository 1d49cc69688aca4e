package io.seedreset.internal.engine;

import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.api.ValidationResult;
import io.seedreset.internal.schema.LockTimeout;
import io.seedreset.internal.schema.TenantSchema;
import io.seedreset.internal.sink.TenantQueries;
import io.seedreset.pack.Invariant;
import io.seedreset.pack.SeedPack;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs packs' validation rules ({@link SeedPack#invariants()}) against an organization: inside
 * apply before commit, where the first broken rule rolls everything back and is named, and on
 * demand ({@code seedreset validate}), where every rule is reported.
 */
final class Validation {

    private static final int EXAMPLES = 3;

    private Validation() {
    }

    /** Tables that grew by this many rows get fresh planner statistics before the rules run. */
    private static final long ANALYZE_THRESHOLD = 10_000;
    private static final String ANALYZE_LOCK_TIMEOUT = "200ms";

    /**
     * Refreshes the planner's statistics of the tables an apply filled in bulk. Autovacuum has
     * not seen rows that are not committed yet, so without this the rules (joins over the whole
     * organization) are planned for nearly empty tables. ANALYZE counts the transaction's own
     * rows; its statistics roll back with a failed apply (the table's row estimate may stay).
     * Another apply analyzing the same table holds a lock that ANALYZE waits for until commit:
     * tables go in name order with a short lock timeout, and one that is busy is skipped, so
     * concurrent applies neither queue behind each other nor deadlock.
     */
    static void refreshStatistics(Connection connection, Map<String, Long> written) throws SQLException {
        List<String> tables = written.entrySet().stream().filter(t -> t.getValue() >= ANALYZE_THRESHOLD)
                .map(Map.Entry::getKey).sorted().toList();
        if (tables.isEmpty()) {
            return;
        }
        String lockTimeout = LockTimeout.set(connection, ANALYZE_LOCK_TIMEOUT);
        for (String table : tables) {
            Savepoint beforeAnalyze = connection.setSavepoint();
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE " + TenantSchema.sql(table));
                connection.releaseSavepoint(beforeAnalyze);
            } catch (SQLException e) {
                if (!LockTimeout.EXPIRED.equals(e.getSQLState())) {
                    throw e;
                }
                connection.rollback(beforeAnalyze);
            }
        }
        LockTimeout.set(connection, lockTimeout);
    }

    /** Fails on the first broken rule of any of the packs, naming the pack and the rule. */
    static void require(Connection connection, List<SeedPack> packs, String tenant, String applying) throws SQLException {
        for (SeedPack pack : packs) {
            for (Invariant rule : pack.invariants()) {
                List<String> violations = violations(connection, pack, rule, tenant);
                if (!violations.isEmpty()) {
                    // The rules cover the whole organization: the offending row may be one a person
                    // edited, so the message says where the rule failed, not who broke it.
                    String pid = pack.descriptor().id();
                    throw new SeedResetException(Reason.VALIDATION_FAILED, "validation rule '" + rule.name() + "' of pack '" + pid + "' fails"
                            + (pid.equals(applying) ? "" : " after applying '" + applying + "'")
                            + " (e.g. " + String.join("; ", violations) + "): nothing was applied",
                            Map.of(SeedResetException.PACK, pid, SeedResetException.RULE, rule.name()));
                }
            }
        }
    }

    /** Every rule of every pack, each with up to three offending rows. */
    static List<ValidationResult.Rule> report(Connection connection, List<SeedPack> packs, String tenant) throws SQLException {
        List<ValidationResult.Rule> rules = new ArrayList<>();
        for (SeedPack pack : packs) {
            for (Invariant rule : pack.invariants()) {
                rules.add(new ValidationResult.Rule(pack.descriptor().id(), rule.name(), violations(connection, pack, rule, tenant)));
            }
        }
        return rules;
    }

    private static List<String> violations(Connection connection, SeedPack pack, Invariant rule, String tenant) {
        List<String> violations = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            statement.setMaxRows(EXAMPLES);
            try (ResultSet rs = statement.executeQuery(TenantQueries.readOnly(rule.sql(), tenant))) {
                while (rs.next()) {
                    violations.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new SeedResetException(Reason.VALIDATION_FAILED, "validation rule '" + rule.name() + "' of pack '" + pack.descriptor().id()
                    + "' could not run: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
                    Map.of(SeedResetException.PACK, pack.descriptor().id(), SeedResetException.RULE, rule.name()), e);
        }
        return violations;
    }
}
