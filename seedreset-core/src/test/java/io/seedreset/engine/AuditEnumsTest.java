package io.seedreset.engine;

import static io.seedreset.fixture.Fixture.DEMO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedreset.api.ApplicationRecord;
import io.seedreset.api.AuditEntry;
import io.seedreset.api.AuditOperation;
import io.seedreset.api.AuditOutcome;
import io.seedreset.api.HistoryRequest;
import io.seedreset.fixture.Fixture;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The database keeps outcomes, operations and removals as text; the API gives them as enums. The
 * enums name exactly the values the schema's CHECK constraints allow, so history can read every
 * entry, including the ones the application's role may add.
 */
class AuditEnumsTest {

    private final Fixture fixture = new Fixture();

    @Test
    void the_outcomes_are_exactly_those_the_audit_table_accepts() throws SQLException {
        assertThat(allowed("seed_audit", "outcome"))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(AuditOutcome.values()).map(AuditOutcome::label).toList());
        for (AuditOutcome outcome : AuditOutcome.values()) {
            fixture.execute("INSERT INTO platform.seed_audit (actor, operation, org_slug, outcome, finished_at) VALUES ('me', 'apply', '"
                    + DEMO + "', '" + outcome.label() + "', " + (outcome == AuditOutcome.STARTED ? "NULL" : "now()") + ")");
        }

        assertThat(fixture.seedReset.history(HistoryRequest.of(DEMO)).audit()).extracting(AuditEntry::outcome)
                .containsExactlyInAnyOrder(AuditOutcome.values());
    }

    @Test
    void the_removals_are_exactly_those_the_applications_table_accepts() throws SQLException {
        assertThat(allowed("seed_applications", "removal")).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ApplicationRecord.Removal.values()).map(ApplicationRecord.Removal::label).toList());
    }

    @Test
    void the_operations_are_exactly_those_the_audit_table_accepts_and_history_reads_each() throws SQLException {
        assertThat(allowed("seed_audit", "operation"))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(AuditOperation.values()).map(AuditOperation::label).toList());
        for (AuditOperation operation : AuditOperation.values()) {
            fixture.execute("INSERT INTO platform.seed_audit (actor, operation, org_slug, outcome, finished_at) VALUES ('me', '"
                    + operation.label() + "', '" + DEMO + "', 'succeeded', now())");
        }
        assertThat(fixture.seedReset.history(HistoryRequest.of(DEMO)).audit()).extracting(AuditEntry::operation)
                .containsExactlyInAnyOrder(AuditOperation.values());
        assertThatThrownBy(() -> fixture.execute("INSERT INTO platform.seed_audit (actor, operation, org_slug, outcome, finished_at)"
                + " VALUES ('me', 'export', '" + DEMO + "', 'succeeded', now())"))
                .rootCause().hasMessageContaining("violates check constraint \"seed_audit_operation_known\"");
    }

    /** The values a column's CHECK constraint lists ({@code column IN ('a', 'b')}), as PostgreSQL gives its definition. */
    private List<String> allowed(String table, String column) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = fixture.dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c
                      WHERE c.conrelid = 'platform.%s'::regclass AND c.contype = 'c'
                        AND pg_get_constraintdef(c.oid) LIKE '%%(%s = ANY%%'""".formatted(table, column))) {
            assertThat(rs.next()).as("a CHECK constraint on %s.%s", table, column).isTrue();
            Matcher quoted = Pattern.compile("'([^']*)'").matcher(rs.getString(1));
            while (quoted.find()) {
                values.add(quoted.group(1));
            }
        }
        return values;
    }
}
