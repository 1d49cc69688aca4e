package io.seedreset.packs.ticketing;

import static io.seedreset.packs.ticketing.TicketingTenant.ANCHOR;
import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.seedreset.pack.Persona;
import io.seedreset.packs.PackPersonas;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every persona can sign in with the published password, and its data tells the story it is there for. */
class PersonasTest {

    private static final TicketingDemoPack PACK = new TicketingDemoPack();

    private static List<Persona> personas(String mode, long seed) {
        return PackPersonas.of(PACK, TicketingTenant.ORG, ANCHOR, mode, seed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "default", "full"})
    void every_persona_signs_in_with_the_demo_password_and_its_role(String mode) {
        TicketingTenant tenant = AppliedModes.of(mode).tenant();
        List<Persona> personas = personas(mode, TicketingTenant.SEED);

        assertThat(personas).hasSize(mode.equals("minimal") ? 14 : 17);
        assertThat(personas).allSatisfy(persona -> {
            List<Map<String, Object>> users = tenant.rows("SELECT role, password_hash, first_name || ' ' || last_name AS name, active "
                    + "FROM ticketing.users WHERE email = ?", persona.email());
            assertThat(users).as(persona.email()).singleElement().satisfies(user -> {
                assertThat(user.get("role")).isEqualTo(persona.role());
                assertThat(user.get("name")).isEqualTo(persona.name());
                assertThat(BCrypt.verifyer().verify(persona.password().toCharArray(), (String) user.get("password_hash")).verified)
                        .as("%s signs in", persona.email()).isTrue();
            });
        });
        assertThat(personas).extracting(Persona::password).containsOnly("DemoTickets!2026");
        assertThat(personas).extracting(Persona::role).containsOnly("ADMIN", "PROMOTER", "SCANNER", "CUSTOMER");
        assertThat(tenant.strings("SELECT DISTINCT password_hash FROM ticketing.users")).singleElement()
                .satisfies(hash -> assertThat(hash).startsWith("$2a$10$"));
        assertThat(BCrypt.verifyer().verify("demotickets!2026".toCharArray(),
                tenant.strings("SELECT password_hash FROM ticketing.users LIMIT 1").get(0)).verified).isFalse();
    }

    @Test
    void the_stored_hash_is_the_demo_password_hashed_with_the_stated_cost_and_salt() {
        assertThat(PackPersonas.bcrypt(Personas.HASH_COST, Personas.HASH_SALT, Personas.DEMO_PASSWORD)).isEqualTo(Personas.DEMO_PASSWORD_HASH);
    }

    @Test
    void personas_are_fixed_whatever_the_seed_at_reserved_domains_and_fictional_numbers() {
        List<Persona> one = personas("full", 1);

        assertThat(personas("full", 987_654_321L)).isEqualTo(one);
        assertThat(one).extracting(Persona::email).doesNotHaveDuplicates()
                .allSatisfy(email -> assertThat(email).matches("[a-z]+\\.[a-z]+@example\\.(com|net|org)"));
        assertThat(one).filteredOn(p -> p.role().equals("CUSTOMER")).hasSize(8);
        assertThat(one).filteredOn(p -> p.role().equals("ADMIN")).hasSize(2);
        assertThat(one).filteredOn(p -> p.role().equals("PROMOTER")).hasSize(5);
        assertThat(one).filteredOn(p -> p.role().equals("SCANNER")).hasSize(2);
        assertThat(one).allSatisfy(p -> assertThat(p.description()).isNotBlank().doesNotContain("{company}"));
        assertThat(Personas.CUSTOMERS).extracting(Personas.Spec::phone)
                .allSatisfy(phone -> assertThat(phone).matches("\\(\\d{3}\\) 555-01\\d{2}"));
    }

    @Test
    void minimal_has_the_first_five_customer_personas_and_every_staff_persona() {
        TicketingTenant tenant = AppliedModes.of("minimal").tenant();

        assertThat(tenant.strings("SELECT email FROM ticketing.users WHERE role = 'CUSTOMER' ORDER BY email")).containsExactly(
                "carlos.mendoza@example.org", "ethan.park@example.org", "maya.thompson@example.net", "olivia.bennett@example.net",
                "victoria.hale@example.net");
        assertThat(tenant.queryForLong("SELECT count(*) FROM ticketing.users WHERE role <> 'CUSTOMER'")).isEqualTo(9);
        assertThat(tenant.strings("SELECT email FROM ticketing.users WHERE role <> 'CUSTOMER' AND role <> 'ADMIN' AND company_id IS NULL"))
                .as("every promoter and door scanner works for a company of the mode").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "default"})
    void the_customer_personas_tell_their_stories(String mode) {
        TicketingTenant tenant = AppliedModes.of(mode).tenant();

        Map<String, Object> frequent = orders(tenant, "olivia.bennett@example.net");
        assertThat((Long) frequent.get("orders")).isGreaterThanOrEqualTo(3);
        assertThat((Long) frequent.get("used")).isPositive();
        assertThat((Long) frequent.get("pending")).isPositive();

        assertThat(orders(tenant, "ethan.park@example.org").get("orders")).isEqualTo(1L);
        assertThat(tenant.rows("SELECT created_at FROM ticketing.users WHERE email = 'ethan.park@example.org'").get(0).get("created_at"))
                .satisfies(created -> assertThat(((Timestamp) created).toInstant()).isAfter(ANCHOR.minus(Duration.ofDays(31))));

        BigDecimal medianOrder = new BigDecimal(tenant.strings(
                "SELECT (percentile_cont(0.5) WITHIN GROUP (ORDER BY total))::numeric(12,2)::text FROM ticketing.orders").get(0));
        assertThat(tenant.rows("""
                SELECT o.total, bool_and(t.tier = 'VIP') AS vip_only FROM ticketing.orders o
                  JOIN ticketing.users u ON u.id = o.customer_id JOIN ticketing.order_items i ON i.order_id = o.id
                  JOIN ticketing.ticket_types t ON t.id = i.ticket_type_id
                 WHERE u.email = 'victoria.hale@example.net' GROUP BY o.id, o.total""")).isNotEmpty()
                .allSatisfy(order -> assertThat(order.get("vip_only")).isEqualTo(true))
                .anySatisfy(order -> assertThat((BigDecimal) order.get("total")).isGreaterThan(medianOrder));

        assertThat(tenant.rows("""
                SELECT sum(i.quantity) AS tickets,
                       (SELECT count(*) FROM ticketing.ticket_transfers t JOIN ticketing.tickets k ON k.id = t.ticket_id
                          JOIN ticketing.order_items oi ON oi.id = k.order_item_id WHERE oi.order_id = o.id) AS passed_on
                  FROM ticketing.orders o JOIN ticketing.users u ON u.id = o.customer_id JOIN ticketing.order_items i ON i.order_id = o.id
                 WHERE u.email = 'carlos.mendoza@example.org' GROUP BY o.id HAVING sum(i.quantity) >= 8""")).singleElement()
                .satisfies(order -> {
                    assertThat(order.get("tickets")).isEqualTo(10L);
                    assertThat(order.get("passed_on")).isEqualTo(2L);
                });

        assertThat(tenant.strings("""
                SELECT k.status FROM ticketing.orders o JOIN ticketing.users u ON u.id = o.customer_id
                  JOIN ticketing.events e ON e.id = o.event_id JOIN ticketing.order_items i ON i.order_id = o.id
                  JOIN ticketing.tickets k ON k.order_item_id = i.id
                 WHERE u.email = 'maya.thompson@example.net' AND e.starts_at - o.placed_at < interval '2 days'""")).containsOnly("USED");
    }

    @Test
    void the_personas_of_larger_modes_transfer_cancel_and_stay_inactive() {
        TicketingTenant tenant = AppliedModes.of("default").tenant();

        assertThat(tenant.rows("""
                SELECT t.to_user_id IS NOT NULL AS to_account, k.status, k.holder_email = t.to_email AS held_by_recipient
                  FROM ticketing.ticket_transfers t JOIN ticketing.users u ON u.id = t.from_user_id
                  JOIN ticketing.tickets k ON k.id = t.ticket_id
                 WHERE u.email = 'noah.williams@example.org'""")).hasSize(2)
                .extracting(t -> t.get("to_account")).containsExactlyInAnyOrder(true, false);
        assertThat(tenant.strings("""
                SELECT k.status FROM ticketing.tickets k JOIN ticketing.order_items i ON i.id = k.order_item_id
                  JOIN ticketing.orders o ON o.id = i.order_id JOIN ticketing.users u ON u.id = o.customer_id
                 WHERE u.email = 'noah.williams@example.org'""")).containsOnly("VALID", "TRANSFERRED").hasSize(4);

        assertThat(tenant.rows("""
                SELECT o.status, bool_and(k.status = 'CANCELLED') AS tickets_cancelled FROM ticketing.orders o
                  JOIN ticketing.users u ON u.id = o.customer_id JOIN ticketing.order_items i ON i.order_id = o.id
                  JOIN ticketing.tickets k ON k.order_item_id = i.id
                 WHERE u.email = 'grace.liu@example.net' GROUP BY o.id, o.status""")).singleElement().satisfies(order -> {
                    assertThat(order.get("status")).isEqualTo("CANCELLED");
                    assertThat(order.get("tickets_cancelled")).isEqualTo(true);
                });

        assertThat(tenant.rows("SELECT active, email_verified FROM ticketing.users WHERE email = 'samuel.reed@example.org'"))
                .singleElement().satisfies(user -> assertThat(user.get("active")).isEqualTo(false));
        assertThat(orders(tenant, "samuel.reed@example.org").get("orders")).isEqualTo(0L);
    }

    private static Map<String, Object> orders(TicketingTenant tenant, String email) {
        return tenant.rows("""
                SELECT count(DISTINCT o.id) AS orders, count(DISTINCT o.id) FILTER (WHERE o.status = 'PENDING') AS pending,
                       count(k.id) FILTER (WHERE k.status = 'USED') AS used
                  FROM ticketing.users u LEFT JOIN ticketing.orders o ON o.customer_id = u.id
                  LEFT JOIN ticketing.order_items i ON i.order_id = o.id LEFT JOIN ticketing.tickets k ON k.order_item_id = i.id
                 WHERE u.email = ?""", email).get(0);
    }

    /** docs/DEMO_DATA.md lists every persona as apply prints it (the company of staff in its own column). */
    @Test
    void the_credentials_table_in_the_docs_matches_the_personas() throws java.io.IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "DEMO_DATA.md"));
        assertThat(doc).contains("**`" + Personas.DEMO_PASSWORD + "`**");
        for (Persona persona : personas("default", TicketingTenant.SEED)) {
            java.util.regex.Matcher row = java.util.regex.Pattern.compile("(?m)^\\| " + java.util.regex.Pattern.quote(persona.name())
                    + " \\| ([A-Z]+) \\| ([^ |]+) \\|([^|]*)\\| ([^|]+) \\|$").matcher(doc);
            assertThat(row.find()).as("a row for %s", persona.name()).isTrue();
            String company = row.group(3).strip();
            assertThat(List.of(row.group(1), row.group(2), row.group(4).strip())).as(persona.name()).containsExactly(
                    persona.role(), persona.email(), company.isEmpty() ? persona.description()
                            : persona.description().replace(" at " + company, "").replace(" for " + company, ""));
        }
    }
}
