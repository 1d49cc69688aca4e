package io.seedreset.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedreset.api.AuditOperation;
import io.seedreset.api.HistoryRequest;
import io.seedreset.api.Organization;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.SeedReset;
import io.seedreset.pack.Persona;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The extension as a test class uses it: ticketing-demo minimal applied once; tests that write through their own
 * connections, each followed by one that finds the organization exactly as applied, every tenant table compared as text.
 */
@SeedResetTest
// A fixed seed: without one the seed derives from the organization's slug, random per run, and a seed may give no scan logs to delete.
@WithPack(value = "ticketing-demo", mode = "minimal", seed = 1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TicketingDemoTest {

    private static Map<String, List<String>> applied;

    private final DataSource dataSource;
    private final SeededOrganization organization;

    TicketingDemoTest(DataSource dataSource, SeededOrganization organization) {
        this.dataSource = dataSource;
        this.organization = organization;
    }

    @BeforeAll
    static void remember_the_applied_state(DataSource dataSource, SeededOrganization organization) {
        applied = OrganizationRows.of(dataSource, organization.id());
        assertThat(applied.get("ticketing.events")).hasSize(5);
    }

    @Test
    @Order(1)
    void a_test_inserts_updates_and_deletes_rows_on_its_own_connection() throws Exception {
        UUID org = organization.id();
        UUID company = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            Sql.update(connection, "INSERT INTO ticketing.companies (org_id, id, name, slug, type, email, phone, city, state, created_at) "
                    + "VALUES (?, ?, 'Test Promotions', 'test-promotions', 'PROMOTER', 'qa@example.com', '555-0100', 'Austin', 'TX', now())", org, company);
            Sql.update(connection, "INSERT INTO ticketing.venues (org_id, id, company_id, name, kind, address, city, state, zip, timezone, capacity) "
                    + "VALUES (?, ?, ?, 'Test Hall', 'CLUB', '1 Main St', 'Austin', 'TX', '78701', 'America/Chicago', 300)", org, UUID.randomUUID(), company);
            assertThat(Sql.update(connection, "UPDATE ticketing.events SET name = 'Renamed by a test', status = 'CANCELLED' WHERE org_id = ? AND id = ?",
                    org, organization.id("ticketing-demo", "event", 0))).isEqualTo(1);
            assertThat(Sql.update(connection, "UPDATE ticketing.users SET last_login_at = now(), active = false WHERE org_id = ? AND email = ?",
                    org, organization.persona("admin").email())).isEqualTo(1);
            assertThat(Sql.update(connection, "DELETE FROM ticketing.notifications WHERE org_id = ? AND id IN "
                    + "(SELECT id FROM ticketing.notifications WHERE org_id = ? ORDER BY id LIMIT 2)", org, org)).isEqualTo(2);
            assertThat(Sql.update(connection, "DELETE FROM ticketing.scan_logs WHERE org_id = ? AND id IN "
                    + "(SELECT id FROM ticketing.scan_logs WHERE org_id = ? ORDER BY id LIMIT 1)", org, org)).isEqualTo(1);
        }
        assertThat(OrganizationRows.of(dataSource, org)).isNotEqualTo(applied);
    }

    @Test
    @Order(2)
    void the_next_test_finds_the_organization_as_applied(SeedReset seedReset) {
        assertThat(OrganizationRows.of(dataSource, organization.id())).isEqualTo(applied);
        assertThat(resets(seedReset)).as("put back from the change log, no reset needed").isZero();
    }

    /** How many resets the organization had: the restore falls back to one only when the change log cannot be replayed. */
    private long resets(SeedReset seedReset) {
        return seedReset.history(HistoryRequest.of(organization.slug())).audit().stream()
                .filter(entry -> entry.operation() == AuditOperation.RESET).count();
    }

    @Test
    @Order(3)
    void a_test_writes_through_two_connections_one_in_a_transaction() throws Exception {
        UUID org = organization.id();
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            first.setAutoCommit(false);
            Sql.update(first, "UPDATE ticketing.orders SET status = 'REFUNDED' WHERE org_id = ? AND id = ?", org,
                    organization.id("ticketing-demo", "order", 0));
            Sql.update(first, "DELETE FROM ticketing.notification_preferences WHERE org_id = ? AND id IN "
                    + "(SELECT id FROM ticketing.notification_preferences WHERE org_id = ? ORDER BY id LIMIT 1)", org, org);
            Sql.update(second, "INSERT INTO ticketing.companies (org_id, id, name, slug, type, email, phone, city, state, created_at) "
                    + "VALUES (?, ?, 'Second Connection Co', 'second-connection', 'RESELLER', 'b@example.com', '555-0101', 'Portland', 'OR', now())",
                    org, UUID.randomUUID());
            Sql.update(second, "UPDATE ticketing.ticket_types SET quantity_available = 0 WHERE org_id = ?", org);
            first.commit();
        }
        assertThat(OrganizationRows.of(dataSource, org)).isNotEqualTo(applied);
    }

    @Test
    @Order(4)
    void after_it_the_organization_is_as_applied_again(SeedReset seedReset) {
        assertThat(OrganizationRows.of(dataSource, organization.id())).isEqualTo(applied);
        assertThat(resets(seedReset)).isZero();
    }

    @Test
    @Order(7)
    void two_companies_swap_their_unique_slugs_which_cannot_be_put_back_row_by_row() throws Exception {
        UUID first = organization.id("ticketing-demo", "company", 0);
        UUID second = organization.id("ticketing-demo", "company", 1);
        String firstSlug = slugOf(first);
        String secondSlug = slugOf(second);
        Sql.update(dataSource, "UPDATE ticketing.companies SET slug = 'swapping' WHERE org_id = ? AND id = ?", organization.id(), first);
        Sql.update(dataSource, "UPDATE ticketing.companies SET slug = ? WHERE org_id = ? AND id = ?", firstSlug, organization.id(), second);
        Sql.update(dataSource, "UPDATE ticketing.companies SET slug = ? WHERE org_id = ? AND id = ?", secondSlug, organization.id(), first);
        assertThat(OrganizationRows.of(dataSource, organization.id())).isNotEqualTo(applied);
    }

    @Test
    @Order(8)
    void then_the_restore_resets_to_the_applied_state_snapshot_instead(SeedReset seedReset) {
        assertThat(OrganizationRows.of(dataSource, organization.id())).isEqualTo(applied);
        assertThat(resets(seedReset)).isEqualTo(1);
    }

    @Test
    @Order(9)
    void and_the_change_log_serves_again_after_it(SeedReset seedReset) throws Exception {
        assertThat(Sql.update(dataSource, "DELETE FROM ticketing.scan_logs WHERE org_id = ?", organization.id())).isPositive();
    }

    @Test
    @Order(10)
    void which_the_next_test_sees(SeedReset seedReset) {
        assertThat(OrganizationRows.of(dataSource, organization.id())).isEqualTo(applied);
        assertThat(resets(seedReset)).isEqualTo(1);
    }

    private String slugOf(UUID company) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT slug FROM ticketing.companies WHERE org_id = ? AND id = ?")) {
            select.setObject(1, organization.id());
            select.setObject(2, company);
            try (ResultSet result = select.executeQuery()) {
                assertThat(result.next()).isTrue();
                return result.getString(1);
            }
        }
    }

    @Test
    @Order(5)
    void personas_ids_and_the_organization_are_parameters(@SeededPersona("admin") Persona admin, @SeededPersona("customer") Persona customer,
                                                          @SeededId(pack = "ticketing-demo", entity = "event", ordinal = 0) UUID flagship,
                                                          Organization asRecorded, SeedReset seedReset) throws Exception {
        assertThat(asRecorded.kind()).isEqualTo(OrganizationKind.QA);
        assertThat(asRecorded.production()).isFalse();
        assertThat(asRecorded.slug()).startsWith("qa-ticketing-demo-test-").isEqualTo(organization.slug());
        assertThat(seedReset.requireOrganization(asRecorded.slug()).id()).isEqualTo(organization.id());
        assertThat(admin.role()).isEqualToIgnoringCase("admin");
        assertThat(Sql.count(dataSource, "SELECT count(*) FROM ticketing.users WHERE org_id = ? AND email = ? AND role = 'ADMIN'",
                organization.id(), admin.email())).isEqualTo(1);
        assertThat(Sql.count(dataSource, "SELECT count(*) FROM ticketing.users WHERE org_id = ? AND email = ? AND role = 'CUSTOMER'",
                organization.id(), customer.email())).isEqualTo(1);
        assertThat(organization.persona(admin.email())).isEqualTo(admin);
        assertThat(Sql.count(dataSource, "SELECT count(*) FROM ticketing.events WHERE org_id = ? AND id = ?", organization.id(), flagship))
                .isEqualTo(1);
        assertThat(Sql.count(dataSource, "SELECT count(*) FROM ticketing.ticket_types WHERE org_id = ? AND id = ?", organization.id(),
                organization.id("ticketing-demo", "ticket_type", 2))).isEqualTo(1); // event 0's VIP tier: ticket types are keyed event * 3 + tier
    }

    @Test
    @Order(6)
    void an_unknown_persona_or_pack_is_one_line_naming_the_choices() {
        assertThatThrownBy(() -> organization.persona("nobody@example.com")).hasMessageStartingWith(
                "no persona 'nobody@example.com' in organization '" + organization.slug() + "': its personas are ").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> organization.id("event-agency-starter", "event", 0)).hasMessage(
                "pack 'event-agency-starter' is not applied to organization '" + organization.slug() + "': its packs are ticketing-demo");
    }

    @Nested
    class WhenNested {

        @Test
        void a_nested_class_shares_the_enclosing_class_organization_and_its_restore(SeededOrganization nested) throws Exception {
            assertThat(nested).isSameAs(organization);
            assertThat(OrganizationRows.of(dataSource, organization.id())).isEqualTo(applied);
            Sql.update(dataSource, "DELETE FROM ticketing.notifications WHERE org_id = ?", organization.id());
        }

        @Test
        void and_finds_it_as_applied_after_a_test_that_wrote() {
            assertThat(OrganizationRows.of(dataSource, organization.id())).isEqualTo(applied);
        }
    }
}
