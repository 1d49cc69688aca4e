package io.seedreset.packs.eventagency;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedreset.pack.Invariant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each invariant holds on the pack's rows and catches the mistake it names once a row is broken on purpose. */
class InvariantsTest {

    private static final Map<String, String> BREAKAGES = Map.of(
            "budget total equals the sum of its lines",
            "UPDATE budget.budgets SET total = total + 0.01 WHERE id = (SELECT min(id::text)::uuid FROM budget.budgets)",
            "budget lines belong to their budget's event",
            """
            UPDATE budget.budget_lines l SET event_id = (SELECT e.id FROM events.events e WHERE e.id <> l.event_id LIMIT 1)
             WHERE l.id = (SELECT min(id::text)::uuid FROM budget.budget_lines)""",
            "reservations fall within their event's time",
            "UPDATE spaces.reservations SET starts_at = starts_at - interval '1 day' WHERE id = (SELECT min(id::text)::uuid FROM spaces.reservations)",
            "no room is booked twice at once",
            """
            UPDATE spaces.reservations r SET space_id = o.space_id, starts_at = o.starts_at, ends_at = o.ends_at, status = 'confirmed'
              FROM (SELECT id, space_id, starts_at, ends_at FROM spaces.reservations ORDER BY id LIMIT 1) o
             WHERE r.id = (SELECT id FROM spaces.reservations ORDER BY id OFFSET 1 LIMIT 1)""",
            "deals are opened before their event starts",
            """
            UPDATE sales.deals d SET opened_at = e.starts_at + interval '1 hour' FROM events.events e
             WHERE e.id = d.event_id AND d.id = (SELECT min(id::text)::uuid FROM sales.deals)""");

    private static Tenant tenant;
    private static UUID organizationId;

    @BeforeAll
    static void applyDefaultMode() {
        tenant = Tenant.create();
        tenant.apply(Tenant.request());
        organizationId = UUID.fromString(tenant.strings("SELECT id::text FROM platform.organizations WHERE slug = ?", Tenant.ORG).get(0));
    }

    @Test
    void every_invariant_has_a_breakage_to_prove_it() {
        assertThat(new EventAgencyStarterPack().invariants()).extracting(Invariant::name)
                .containsExactlyInAnyOrderElementsOf(BREAKAGES.keySet())
                .contains("budget total equals the sum of its lines", "reservations fall within their event's time");
    }

    @Test
    void each_invariant_holds_on_the_pack_rows_and_names_the_row_that_breaks_it() throws SQLException {
        for (Invariant invariant : new EventAgencyStarterPack().invariants()) {
            try (Connection connection = tenant.dataSource.getConnection()) {
                connection.setAutoCommit(false);
                assertThat(violations(connection, invariant)).as(invariant.name()).isEmpty();

                try (Statement statement = connection.createStatement()) {
                    assertThat(statement.executeUpdate(BREAKAGES.get(invariant.name()))).as(invariant.name()).isEqualTo(1);
                }

                assertThat(violations(connection, invariant)).as(invariant.name()).singleElement()
                        .satisfies(violation -> assertThat(violation).isNotBlank());
                connection.rollback();
            }
        }
    }

    private static List<String> violations(Connection connection, Invariant invariant) throws SQLException {
        List<String> violations = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(invariant.sql().replace(":org", "?"))) {
            for (int i = 1; i <= statement.getParameterMetaData().getParameterCount(); i++) {
                statement.setObject(i, organizationId);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    violations.add(rs.getString(1));
                }
            }
        }
        return violations;
    }
}
