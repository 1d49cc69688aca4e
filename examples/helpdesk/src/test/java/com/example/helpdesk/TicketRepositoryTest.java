package com.example.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.helpdesk.seed.HelpdeskStarterPack;
import io.seedreset.junit.SeedResetTest;
import io.seedreset.junit.SeededOrganization;
import io.seedreset.junit.WithPack;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The application's ticket code against a seeded workspace: the class gets a QA workspace of its own with the
 * helpdesk-starter pack applied once, and after each test the extension puts back whatever the test wrote.
 */
@SeedResetTest
@WithPack(value = HelpdeskStarterPack.ID, seed = 2026)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TicketRepositoryTest {

    private static final Map<String, Integer> RANK = Map.of("urgent", 1, "high", 2, "normal", 3, "low", 4);
    /** The queue as the pack left it, read before any test wrote. */
    private static List<Ticket> seededQueue;

    private final DataSource dataSource;
    private final TicketRepository tickets;
    private final long workspace;

    TicketRepositoryTest(DataSource dataSource, SeededOrganization organization) {
        this.dataSource = dataSource;
        this.tickets = new TicketRepository(dataSource);
        // The organization is a row of the application's workspaces table; its tenant key is that row's id.
        this.workspace = Long.parseLong(organization.tenantKey());
    }

    @BeforeAll
    static void readTheSeededQueue(DataSource dataSource, SeededOrganization organization) throws SQLException {
        seededQueue = new TicketRepository(dataSource).queue(Long.parseLong(organization.tenantKey()));
    }

    @Test
    void the_seeded_workspace_is_a_workspace_of_the_application_that_is_not_live(SeededOrganization organization) throws SQLException {
        assertThat(query("SELECT subdomain || ' live=' || is_live FROM helpdesk.workspaces WHERE id = ?", workspace))
                .containsExactly(organization.slug() + " live=false");
    }

    @Test
    void the_queue_holds_every_unsolved_ticket_most_urgent_then_oldest_first() throws SQLException {
        List<Ticket> queue = tickets.queue(workspace);

        assertThat(queue).hasSize(count("SELECT count(*) FROM helpdesk.tickets WHERE tenant_id = ? AND solved_at IS NULL", workspace))
                .isNotEmpty()
                .allSatisfy(ticket -> assertThat(ticket.solved()).isFalse())
                .isSortedAccordingTo(Comparator.comparing((Ticket ticket) -> RANK.get(ticket.priority())).thenComparing(Ticket::openedAt));
        // Seeded with several priorities, or the order would prove nothing.
        assertThat(queue.stream().map(Ticket::priority).distinct()).hasSizeGreaterThan(1);
    }

    @Test
    @Order(1)
    void opening_and_solving_tickets_changes_the_queue() throws SQLException {
        Ticket mostUrgent = tickets.queue(workspace).get(0);
        long customer = mostUrgent.customerId();

        long opened = tickets.open(workspace, customer, "high", "Printer on floor 3 prints blank pages", Instant.now());
        tickets.solve(workspace, mostUrgent.id(), Instant.now());

        assertThat(tickets.queue(workspace)).extracting(Ticket::id).contains(opened).doesNotContain(mostUrgent.id());
        assertThat(tickets.find(workspace, mostUrgent.id()).orElseThrow().solved()).isTrue();
    }

    @Test
    @Order(2)
    void what_the_test_before_wrote_is_gone_after_it() throws SQLException {
        assertThat(tickets.queue(workspace)).isEqualTo(seededQueue);
        assertThat(count("SELECT count(*) FROM helpdesk.tickets WHERE tenant_id = ? AND subject = 'Printer on floor 3 prints blank pages'",
                workspace)).isZero();
    }

    @Test
    void a_ticket_nobody_answered_is_overdue_once_its_priority_first_response_time_has_passed() throws SQLException {
        long customer = seededQueue.get(0).customerId();
        Instant now = Instant.now();
        long urgent = tickets.open(workspace, customer, "urgent", "Checkout page returns an error for every order", now.minus(Duration.ofHours(2)));
        long normal = tickets.open(workspace, customer, "normal", "Can we change the colour of the invoice header?", now.minus(Duration.ofHours(2)));

        assertThat(tickets.overdue(workspace, now)).extracting(Ticket::id).contains(urgent).doesNotContain(normal);
        assertThat(tickets.overdue(workspace, now.plus(Duration.ofDays(1)))).extracting(Ticket::id).contains(urgent, normal);
    }

    @Test
    void merging_a_ticket_solves_it_and_points_it_at_the_same_customers_earlier_ticket() throws SQLException {
        long customer = seededQueue.get(0).customerId();
        long original = tickets.open(workspace, customer, "normal", "Reports are empty since the upgrade", Instant.now().minusSeconds(600));
        long again = tickets.open(workspace, customer, "high", "Still no data in any report", Instant.now());

        tickets.merge(workspace, again, original, Instant.now());

        Ticket merged = tickets.find(workspace, again).orElseThrow();
        assertThat(merged.duplicateOf()).isEqualTo(original);
        assertThat(merged.solved()).isTrue();
        assertThat(tickets.find(workspace, original).orElseThrow().solved()).isFalse();
        long otherCustomers = seededQueue.stream().filter(ticket -> ticket.customerId() != customer).findFirst().orElseThrow().id();
        assertThatThrownBy(() -> tickets.merge(workspace, original, otherCustomers, Instant.now()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ticket " + original + " cannot be merged into ticket " + otherCustomers
                        + ": they must be two tickets of one customer of workspace " + workspace + ", the first unsolved");
    }

    private List<String> query(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                return values;
            }
        }
    }

    private int count(String sql, Object... parameters) throws SQLException {
        return Integer.parseInt(query(sql, parameters).get(0));
    }
}
