package io.seedreset.packs.travel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedreset.api.PackRequest;
import io.seedreset.api.SeedResetException;
import io.seedreset.pack.Invariant;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.PackDescriptor;
import io.seedreset.pack.Persona;
import io.seedreset.pack.Row;
import io.seedreset.pack.RowSink;
import io.seedreset.pack.SeedPack;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each validation rule holds on the pack's books and reports a row broken on purpose with plain SQL,
 * outside seed context, in a transaction that is rolled back. A breakage names every rule it trips:
 * most trip only their own; a few cannot help tripping another (a trial balance that is off has an
 * entry that does not balance), and say so.
 */
class ValidationRulesTest {

    /**
     * A row broken for a rule: the statements to run (the last must change at least one row), how
     * many rows the rule then reports, and the other rules the same breakage trips.
     */
    private record Breakage(String rule, String what, int violations, Set<String> alsoTrips, List<String> statements) {
    }

    /** The journal line of the opening entry on 1500 Office Equipment. */
    private static final String OPENING_EQUIPMENT_LINE = """
            (SELECT l.id FROM accounting.journal_lines l JOIN accounting.accounts a ON a.id = l.account_id
              JOIN accounting.journal_entries e ON e.id = l.entry_id WHERE a.code = '1500' AND e.source = 'OPENING')""";
    /** The first invoice by number, whose entry the document-entries breakage rewrites. */
    private static final String FIRST_INVOICE_ENTRY = "(SELECT entry_id FROM accounting.invoices ORDER BY invoice_number LIMIT 1)";

    private static final List<Breakage> BREAKAGES = List.of(
            new Breakage("trial-balance", "a line's debit a cent higher", 1, Set.of("entries-balance"), List.of(
                    "UPDATE accounting.journal_lines SET debit = debit + 0.01 WHERE id = " + OPENING_EQUIPMENT_LINE)),
            new Breakage("entries-balance", "a cent moved from one entry to another", 2, Set.of(), List.of(
                    "UPDATE accounting.journal_lines SET debit = debit + 0.01 WHERE id = " + OPENING_EQUIPMENT_LINE, """
                    UPDATE accounting.journal_lines SET debit = debit - 0.01
                     WHERE id = (SELECT l.id FROM accounting.journal_lines l JOIN accounting.journal_entries e ON e.id = l.entry_id
                                  WHERE e.source = 'DEPRECIATION' AND l.debit > 0 ORDER BY e.entry_date LIMIT 1)""")),
            new Breakage("invoice-balances", "an unpaid invoice marked paid", 1, Set.of(), List.of("""
                    UPDATE accounting.invoices SET status = 'PAID'
                     WHERE id = (SELECT id FROM accounting.invoices WHERE status = 'ISSUED' ORDER BY invoice_number LIMIT 1)""")),
            new Breakage("invoice-balances", "a partly paid invoice's balance a cent short", 1, Set.of(), List.of("""
                    UPDATE accounting.invoices SET balance = balance - 0.01
                     WHERE id = (SELECT id FROM accounting.invoices WHERE status = 'PARTIALLY_PAID' ORDER BY invoice_number LIMIT 1)""")),
            new Breakage("bill-balances", "an open bill's balance a cent short", 1, Set.of(), List.of("""
                    UPDATE accounting.bills SET balance = balance - 0.01
                     WHERE id = (SELECT id FROM accounting.bills WHERE status = 'OPEN' ORDER BY bill_number LIMIT 1)""")),
            new Breakage("allocations-within-payments", "a supplier payment recorded a cent short of what it settled", 1,
                    Set.of("document-entries", "payments-on-statements"), List.of("""
                    UPDATE accounting.payments SET amount = amount - 0.01
                     WHERE id = (SELECT id FROM accounting.payments WHERE direction = 'SENT' ORDER BY payment_number LIMIT 1)""")),
            new Breakage("allocations-match-direction", "one customer's payment settling another's invoice", 1, Set.of(), List.of("""
                    UPDATE accounting.payments p SET customer_id = (SELECT c.id FROM accounting.customers c
                                                                     WHERE c.id <> p.customer_id ORDER BY c.id LIMIT 1)
                     WHERE p.id = (SELECT a.payment_id FROM accounting.payment_allocations a
                                     JOIN accounting.payments q ON q.id = a.payment_id AND q.direction = 'RECEIVED'
                                    GROUP BY a.payment_id, q.payment_number HAVING count(*) = 1 ORDER BY q.payment_number LIMIT 1)""")),
            new Breakage("inventory-never-negative", "the first delivery recorded two months late", 1, Set.of(), List.of("""
                    UPDATE accounting.inventory_movements SET moved_on = moved_on + 60
                     WHERE id = (SELECT id FROM accounting.inventory_movements WHERE kind = 'PURCHASE' ORDER BY moved_on, id LIMIT 1)""")),
            new Breakage("inventory-on-hand", "one kit more on the shelf than the movements say", 1, Set.of(), List.of(
                    "UPDATE accounting.inventory_items SET quantity_on_hand = quantity_on_hand + 1 WHERE sku = 'KIT-STD'")),
            new Breakage("closed-periods", "an entry of a closed quarter posted the day after the close", 1, Set.of(), List.of("""
                    UPDATE accounting.journal_entries e SET posted_at = p.closed_at + interval '1 day'
                      FROM accounting.periods p
                     WHERE e.entry_date BETWEEN p.starts_on AND p.ends_on
                       AND e.id = (SELECT j.id FROM accounting.journal_entries j
                                     JOIN accounting.periods q ON j.entry_date BETWEEN q.starts_on AND q.ends_on
                                    WHERE q.status = 'CLOSED' ORDER BY j.entry_number LIMIT 1)""")),
            new Breakage("bank-balances", "the savings balance a cent high", 1, Set.of(), List.of(
                    "UPDATE accounting.bank_accounts SET balance = balance + 0.01 WHERE name = 'Reserve Savings'")),
            new Breakage("reconciliations-match", "last month's statement a cent off the books", 1, Set.of(), List.of("""
                    UPDATE accounting.reconciliations SET statement_balance = statement_balance + 0.01
                     WHERE id = (SELECT id FROM accounting.reconciliations ORDER BY statement_date DESC, id LIMIT 1)""")),
            new Breakage("reconciliations-match", "a bank fee matched on a statement before it was charged", 1, Set.of(), List.of("""
                    UPDATE accounting.bank_transactions SET posted_on = posted_on + 40
                     WHERE id = (SELECT id FROM accounting.bank_transactions
                                  WHERE reconciliation_id IS NOT NULL AND payment_id IS NULL ORDER BY posted_on, id LIMIT 1)""")),
            new Breakage("document-entries", "an invoice's entry a cent larger than the invoice", 1, Set.of(), List.of("""
                    UPDATE accounting.journal_lines SET debit = debit + 0.01
                     WHERE entry_id = %s AND debit > 0""".formatted(FIRST_INVOICE_ENTRY), """
                    UPDATE accounting.journal_lines SET credit = credit + 0.01
                     WHERE id = (SELECT id FROM accounting.journal_lines WHERE entry_id = %s AND credit > 0 ORDER BY line_no LIMIT 1)"""
                    .formatted(FIRST_INVOICE_ENTRY))),
            new Breakage("payments-on-statements", "a payment's bank line ten days after it", 1, Set.of(), List.of("""
                    UPDATE accounting.bank_transactions SET posted_on = posted_on + 10
                     WHERE id = (SELECT id FROM accounting.bank_transactions
                                  WHERE payment_id IS NOT NULL AND reconciliation_id IS NULL ORDER BY posted_on, id LIMIT 1)""")));

    private static TravelTenant tenant;
    private static String organizationId;

    @BeforeAll
    static void applyDefaultMode() {
        tenant = AppliedModes.of("default").tenant();
        organizationId = tenant.organizationId();
    }

    @Test
    void every_rule_has_a_kebab_case_name_and_a_breakage_to_prove_it() {
        assertThat(new DemoTravelCoPack().invariants()).extracting(Invariant::name)
                .allSatisfy(name -> assertThat(name).matches("[a-z]+(-[a-z]+)*"))
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(BREAKAGES.stream().map(Breakage::rule).collect(Collectors.toSet()));
    }

    @Test
    void each_rule_holds_on_the_books_and_reports_exactly_the_row_broken_for_it() throws SQLException {
        List<Invariant> rules = new DemoTravelCoPack().invariants();
        for (Breakage breakage : BREAKAGES) {
            try (Connection connection = tenant.dataSource.getConnection()) {
                connection.setAutoCommit(false);
                assertThat(violations(connection, rules)).as(breakage.what()).isEmpty();

                try (Statement statement = connection.createStatement()) {
                    for (String sql : breakage.statements().subList(0, breakage.statements().size() - 1)) {
                        statement.executeUpdate(sql);
                    }
                    assertThat(statement.executeUpdate(breakage.statements().get(breakage.statements().size() - 1)))
                            .as(breakage.what()).isPositive();
                }

                Map<String, List<String>> tripped = violations(connection, rules);
                Set<String> expected = new TreeSet<>(breakage.alsoTrips());
                expected.add(breakage.rule());
                assertThat(tripped.keySet()).as(breakage.what()).containsExactlyInAnyOrderElementsOf(expected);
                assertThat(tripped.get(breakage.rule())).as(breakage.what()).hasSize(breakage.violations())
                        .allSatisfy(v -> assertThat(v).isNotBlank());
                connection.rollback();
            }
        }
    }

    @Test
    void the_rules_name_what_they_found() throws SQLException {
        try (Connection connection = tenant.dataSource.getConnection()) {
            connection.setAutoCommit(false);
            String invoice = tenant.strings("SELECT invoice_number FROM accounting.invoices WHERE status = 'ISSUED' ORDER BY invoice_number LIMIT 1")
                    .get(0);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE accounting.invoices SET status = 'PAID' WHERE invoice_number = '" + invoice + "'");
                statement.executeUpdate("UPDATE accounting.inventory_items SET quantity_on_hand = quantity_on_hand + 1 WHERE sku = 'KIT-STD'");
            }

            Map<String, List<String>> tripped = violations(connection, new DemoTravelCoPack().invariants());

            assertThat(tripped.get("invoice-balances")).singleElement().asString()
                    .startsWith("invoice " + invoice + " (PAID) totals ").contains(" has 0 allocated and a balance of ");
            assertThat(tripped.get("inventory-on-hand")).singleElement().asString()
                    .matches("item KIT-STD shows \\d+ on hand but its movements add up to \\d+");
            connection.rollback();
        }
    }

    @Test
    void a_pack_that_writes_a_wrong_balance_fails_apply_naming_the_rule_and_writes_nothing() {
        TravelTenant fresh = TravelTenant.create(new WrongBalancePack());

        assertThatThrownBy(() -> fresh.apply(PackRequest.of(WrongBalancePack.ID, TravelTenant.ORG)
                .seed(TravelTenant.SEED).anchor(TravelTenant.ANCHOR).mode("minimal")))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.kind()).isEqualTo(SeedResetException.Kind.FAILURE))
                .hasMessageStartingWith("validation rule 'bank-balances' of pack 'demo-travel-co-wrong-balance' fails "
                        + "(e.g. bank account Reserve Savings shows ")
                .hasMessageEndingWith("): nothing was applied");
        assertThat(fresh.counts()).allSatisfy((table, count) -> assertThat(count).as(table).isZero());
    }

    /** The rules that report something, with what they report, run as the engine runs them. */
    private static Map<String, List<String>> violations(Connection connection, List<Invariant> rules) throws SQLException {
        Map<String, List<String>> tripped = new LinkedHashMap<>();
        for (Invariant rule : rules) {
            String sql = "SELECT * FROM (" + rule.sql().strip().replaceAll(":org\\b", "'" + organizationId + "'::uuid") + ") AS invariant";
            List<String> violations = new ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    violations.add(rs.getString(1));
                }
            }
            if (!violations.isEmpty()) {
                tripped.put(rule.name(), violations);
            }
        }
        return tripped;
    }

    /** demo-travel-co with the savings account's balance a dollar off: what a bug in a pack's arithmetic looks like. */
    private static final class WrongBalancePack implements SeedPack {

        static final String ID = "demo-travel-co-wrong-balance";
        private final DemoTravelCoPack pack = new DemoTravelCoPack();

        @Override
        public PackDescriptor descriptor() {
            PackDescriptor d = pack.descriptor();
            return new PackDescriptor(ID, d.version(), d.title(), d.description(), d.modules(), d.modes(), d.parameters(), d.requires());
        }

        @Override
        public void generate(PackContext context, RowSink sink) {
            UUID reserve = context.id("bank_account", Banking.RESERVE);
            pack.generate(context, new RowSink() {
                @Override
                public UUID add(String table, Row row) {
                    if (!row.id().equals(reserve)) {
                        return sink.add(table, row);
                    }
                    Row wrong = Row.withId(row.id());
                    row.values().forEach((column, value) -> {
                        if (!column.equals("id")) {
                            wrong.set(column, column.equals("balance") ? ((BigDecimal) value).add(BigDecimal.ONE) : value);
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

        @Override
        public List<Persona> personas(PackContext context) {
            return pack.personas(context);
        }
    }
}
