package io.seedreset.packs.ticketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedreset.api.SeedResetException;
import io.seedreset.pack.Invariant;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.PackDescriptor;
import io.seedreset.pack.Row;
import io.seedreset.pack.RowSink;
import io.seedreset.pack.SeedPack;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each validation rule holds on the pack's rows and reports a row broken on purpose with plain
 * SQL. Where the schema itself would refuse the broken row (a unique key, a foreign key, a check),
 * the test drops that constraint first, in a transaction that is rolled back.
 */
class ValidationRulesTest {

    /** A row broken for a rule: the statements to run, the last of which must change at least one row. */
    private static final Map<String, List<String>> BREAKAGES = Map.ofEntries(
            Map.entry("unique-user-emails", List.of("""
                    UPDATE ticketing.users SET email = (SELECT upper(email) FROM ticketing.users ORDER BY id LIMIT 1)
                     WHERE id = (SELECT id FROM ticketing.users ORDER BY id OFFSET 1 LIMIT 1)""")),
            Map.entry("unique-company-slugs", List.of("""
                    UPDATE ticketing.companies SET slug = (SELECT upper(slug) FROM ticketing.companies ORDER BY id LIMIT 1)
                     WHERE id = (SELECT id FROM ticketing.companies ORDER BY id OFFSET 1 LIMIT 1)""")),
            Map.entry("unique-event-slugs", List.of("""
                    UPDATE ticketing.events SET slug = (SELECT upper(slug) FROM ticketing.events ORDER BY id LIMIT 1)
                     WHERE id = (SELECT id FROM ticketing.events ORDER BY id OFFSET 1 LIMIT 1)""")),
            Map.entry("unique-order-numbers", List.of(
                    "ALTER TABLE ticketing.orders DROP CONSTRAINT orders_org_id_order_number_key", """
                    UPDATE ticketing.orders SET order_number = (SELECT order_number FROM ticketing.orders ORDER BY id LIMIT 1)
                     WHERE id = (SELECT id FROM ticketing.orders ORDER BY id OFFSET 1 LIMIT 1)""")),
            Map.entry("unique-barcodes", List.of(
                    "ALTER TABLE ticketing.tickets DROP CONSTRAINT tickets_org_id_barcode_key", """
                    UPDATE ticketing.tickets SET barcode = (SELECT barcode FROM ticketing.tickets ORDER BY id LIMIT 1)
                     WHERE id = (SELECT id FROM ticketing.tickets ORDER BY id OFFSET 1 LIMIT 1)""")),
            Map.entry("unique-promo-codes", List.of("""
                    UPDATE ticketing.promo_codes SET code = (SELECT lower(code) FROM ticketing.promo_codes ORDER BY id LIMIT 1)
                     WHERE id = (SELECT id FROM ticketing.promo_codes ORDER BY id OFFSET 1 LIMIT 1)""")),
            Map.entry("order-totals", List.of(
                    "UPDATE ticketing.orders SET total = total + 0.01 WHERE id = (SELECT id FROM ticketing.orders ORDER BY id LIMIT 1)")),
            Map.entry("ticket-inventory", List.of("""
                    UPDATE ticketing.ticket_types SET quantity_available = quantity_available + 1
                     WHERE id = (SELECT id FROM ticketing.ticket_types ORDER BY id LIMIT 1)""")),
            Map.entry("tickets-match-orders", List.of("""
                    UPDATE ticketing.tickets k SET ticket_type_id = (SELECT t.id FROM ticketing.ticket_types t
                                                                      WHERE t.id <> k.ticket_type_id ORDER BY t.id LIMIT 1)
                     WHERE k.id = (SELECT id FROM ticketing.tickets ORDER BY id LIMIT 1)""")),
            Map.entry("ticket-status-consistent", List.of("""
                    UPDATE ticketing.tickets SET status = 'USED'
                     WHERE id = (SELECT id FROM ticketing.tickets WHERE status = 'VALID' ORDER BY id LIMIT 1)""")),
            Map.entry("orders-within-sales-window", List.of("""
                    UPDATE ticketing.orders o SET placed_at = e.sales_start - interval '1 day' FROM ticketing.events e
                     WHERE e.id = o.event_id AND o.id = (SELECT id FROM ticketing.orders ORDER BY id LIMIT 1)""")),
            Map.entry("event-dates-ordered", List.of("""
                    UPDATE ticketing.events SET ends_at = starts_at - interval '1 hour'
                     WHERE id = (SELECT id FROM ticketing.events ORDER BY id LIMIT 1)""")),
            Map.entry("sales-end-before-start", List.of("""
                    UPDATE ticketing.events SET sales_end = starts_at + interval '1 day'
                     WHERE id = (SELECT id FROM ticketing.events ORDER BY id LIMIT 1)""")),
            Map.entry("promo-validity-ordered", List.of("""
                    UPDATE ticketing.promo_codes SET valid_to = valid_from - interval '1 day'
                     WHERE id = (SELECT id FROM ticketing.promo_codes ORDER BY id LIMIT 1)""")),
            Map.entry("promo-percentages", List.of("""
                    UPDATE ticketing.promo_codes SET discount_value = 120
                     WHERE id = (SELECT id FROM ticketing.promo_codes WHERE discount_type = 'PERCENTAGE' ORDER BY id LIMIT 1)""")),
            Map.entry("promo-usage-within-limits", List.of("""
                    UPDATE ticketing.promo_codes SET used_count = max_uses + 1
                     WHERE id = (SELECT id FROM ticketing.promo_codes WHERE max_uses IS NOT NULL ORDER BY id LIMIT 1)""")),
            Map.entry("promo-redeemed-while-valid", List.of("""
                    UPDATE ticketing.promo_codes p SET valid_from = o.placed_at + interval '1 hour' FROM ticketing.orders o
                     WHERE o.promo_code_id = p.id
                       AND o.id = (SELECT id FROM ticketing.orders WHERE promo_code_id IS NOT NULL ORDER BY id LIMIT 1)""")),
            Map.entry("foreign-keys-valid", List.of(
                    "ALTER TABLE ticketing.order_items DROP CONSTRAINT order_items_org_id_order_id_fkey", """
                    UPDATE ticketing.order_items SET order_id = '00000000-0000-4000-8000-000000000001'
                     WHERE id = (SELECT id FROM ticketing.order_items ORDER BY id LIMIT 1)""")),
            Map.entry("emails-well-formed", List.of("""
                    UPDATE ticketing.users SET email = replace(email, '@', ' at ')
                     WHERE id = (SELECT id FROM ticketing.users ORDER BY id LIMIT 1)""")),
            Map.entry("phones-well-formed", List.of("""
                    UPDATE ticketing.users SET phone = '312-555-0142'
                     WHERE id = (SELECT id FROM ticketing.users WHERE phone IS NOT NULL ORDER BY id LIMIT 1)""")),
            Map.entry("dates-well-formed", List.of("""
                    UPDATE ticketing.notifications SET read_at = sent_at - interval '1 hour'
                     WHERE id = (SELECT id FROM ticketing.notifications WHERE read_at IS NOT NULL ORDER BY id LIMIT 1)""")),
            Map.entry("prices-non-negative", List.of(
                    "ALTER TABLE ticketing.ticket_types DROP CONSTRAINT ticket_types_price_check", """
                    UPDATE ticketing.ticket_types SET price = -1 WHERE id = (SELECT id FROM ticketing.ticket_types ORDER BY id LIMIT 1)""")));

    private static TicketingTenant tenant;
    private static String organizationId;

    @BeforeAll
    static void applyDefaultMode() {
        tenant = AppliedModes.of("default").tenant();
        organizationId = tenant.organizationId();
    }

    @Test
    void every_rule_has_a_kebab_case_name_and_a_breakage_to_prove_it() {
        assertThat(new TicketingDemoPack().invariants()).extracting(Invariant::name)
                .allSatisfy(name -> assertThat(name).matches("[a-z]+(-[a-z]+)*"))
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(BREAKAGES.keySet());
    }

    @Test
    void each_rule_holds_on_the_pack_rows_and_reports_the_row_that_breaks_it() throws SQLException {
        for (Invariant rule : new TicketingDemoPack().invariants()) {
            try (Connection connection = tenant.dataSource.getConnection()) {
                connection.setAutoCommit(false);
                assertThat(violations(connection, rule)).as(rule.name()).isEmpty();

                List<String> statements = BREAKAGES.get(rule.name());
                try (Statement statement = connection.createStatement()) {
                    for (String sql : statements.subList(0, statements.size() - 1)) {
                        statement.execute(sql);
                    }
                    assertThat(statement.executeUpdate(statements.get(statements.size() - 1))).as(rule.name()).isPositive();
                }

                assertThat(violations(connection, rule)).as(rule.name()).isNotEmpty().allSatisfy(v -> assertThat(v).isNotBlank());
                connection.rollback();
            }
        }
    }

    @Test
    void a_pack_that_writes_a_wrong_total_fails_apply_naming_the_rule_and_writes_nothing() {
        TicketingTenant fresh = TicketingTenant.create(new WrongTotalPack());

        assertThatThrownBy(() -> fresh.apply(io.seedreset.api.PackRequest.of(WrongTotalPack.ID, TicketingTenant.ORG)
                .seed(TicketingTenant.SEED).anchor(TicketingTenant.ANCHOR).mode("minimal")))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.kind()).isEqualTo(SeedResetException.Kind.FAILURE))
                .hasMessageStartingWith("validation rule 'order-totals' of pack 'ticketing-demo-wrong-total' fails (e.g. order ORD-")
                .hasMessageEndingWith("): nothing was applied");
        assertThat(fresh.counts()).allSatisfy((table, count) -> assertThat(count).as(table).isZero());
    }

    /** Runs a rule as the engine does: :org becomes the organization's id as a uuid literal, inside a read-only subquery. */
    private static List<String> violations(Connection connection, Invariant rule) throws SQLException {
        String sql = "SELECT * FROM (" + rule.sql().strip().replaceAll(":org\\b", "'" + organizationId + "'::uuid") + ") AS invariant";
        List<String> violations = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                violations.add(rs.getString(1));
            }
        }
        return violations;
    }

    /** ticketing-demo with one order's total a dollar too high: what a bug in a pack's arithmetic looks like. */
    private static final class WrongTotalPack implements SeedPack {

        static final String ID = "ticketing-demo-wrong-total";
        private final TicketingDemoPack pack = new TicketingDemoPack();

        @Override
        public PackDescriptor descriptor() {
            PackDescriptor d = pack.descriptor();
            return new PackDescriptor(ID, d.version(), d.title(), d.description(), d.modules(), d.modes(), d.parameters(), d.requires());
        }

        @Override
        public void generate(PackContext context, RowSink sink) {
            UUID firstOrder = context.id("order", 0);
            pack.generate(context, new RowSink() {
                @Override
                public UUID add(String table, Row row) {
                    if (!row.id().equals(firstOrder)) {
                        return sink.add(table, row);
                    }
                    Row wrong = Row.withId(row.id());
                    row.values().forEach((column, value) -> {
                        if (!column.equals("id")) {
                            wrong.set(column, column.equals("total") ? ((BigDecimal) value).add(BigDecimal.ONE) : value);
                        }
                    });
                    return sink.add(table, wrong);
                }

                @Override
                public void update(String table, Row changes) {
                    sink.update(table, changes);
                }
            });
        }

        @Override
        public List<Invariant> invariants() {
            return pack.invariants();
        }
    }
}
