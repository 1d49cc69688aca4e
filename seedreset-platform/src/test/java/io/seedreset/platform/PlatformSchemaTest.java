package io.seedreset.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedreset.api.InitResult;
import io.seedreset.api.SeedReset;
import io.seedreset.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The reference platform's schema follows DESIGN.md's conventions. */
class PlatformSchemaTest {

    private final DataSource dataSource = TestDatabases.newDatabase();
    private final InitResult init = SeedReset.configure().dataSource(dataSource).load().init();

    @Test
    void init_creates_every_module_and_guards_every_tenant_table() {
        assertThat(init.guardedTables()).containsExactlyInAnyOrder("suppliers.vendors", "events.events", "sales.deals",
                "budget.budgets", "budget.budget_lines", "dispatch.work_orders", "spaces.spaces", "spaces.reservations",
                "ticketing.companies", "ticketing.users", "ticketing.venues", "ticketing.events", "ticketing.ticket_types",
                "ticketing.promo_codes", "ticketing.orders", "ticketing.order_items", "ticketing.tickets",
                "ticketing.ticket_transfers", "ticketing.scanners", "ticketing.scan_logs", "ticketing.notifications",
                "ticketing.notification_preferences", "identity.users", "identity.tokens", "accounting.accounts",
                "accounting.tax_rates", "accounting.periods", "accounting.journal_entries", "accounting.journal_lines",
                "accounting.customers", "accounting.invoices", "accounting.invoice_lines", "accounting.bills",
                "accounting.inventory_items", "accounting.bill_lines", "accounting.bank_accounts", "accounting.payments",
                "accounting.payment_allocations", "accounting.reconciliations", "accounting.bank_transactions",
                "accounting.inventory_movements", "accounting.employees", "accounting.payroll_runs", "accounting.payroll_lines",
                "uploads.files");
        assertThat(SeedReset.configure().dataSource(dataSource).load().init().migrationsApplied()).as("a second init").isZero();
    }

    @Test
    void every_foreign_key_has_an_index_on_its_referencing_columns() throws SQLException {
        List<String> unindexed = strings("""
                SELECT con.conrelid::regclass || ' ' || con.conname
                  FROM pg_constraint con
                 WHERE con.contype = 'f'
                   AND NOT EXISTS (SELECT 1 FROM pg_index i
                                    WHERE i.indrelid = con.conrelid
                                      AND (i.indkey::int2[])[0:cardinality(con.conkey) - 1] @> con.conkey
                                      AND (i.indkey::int2[])[0:cardinality(con.conkey) - 1] <@ con.conkey)""");
        assertThat(unindexed).isEmpty();
    }

    @Test
    void every_tenant_table_has_org_id_in_its_primary_key_and_composite_foreign_keys() throws SQLException {
        List<String> badKeys = strings("""
                SELECT c.oid::regclass::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE c.relkind = 'r' AND n.nspname IN ('suppliers', 'events', 'sales', 'budget', 'dispatch', 'spaces', 'ticketing', 'identity', 'accounting', 'uploads')
                   AND NOT EXISTS (SELECT 1 FROM pg_constraint p WHERE p.conrelid = c.oid AND p.contype = 'p'
                                      AND (SELECT array_agg(attname::text ORDER BY k.i) FROM unnest(p.conkey) WITH ORDINALITY k(n, i)
                                             JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.n) = ARRAY['org_id', 'id'])""");
        assertThat(badKeys).isEmpty();
        List<String> singleColumn = strings("""
                SELECT con.conrelid::regclass || ' ' || con.conname FROM pg_constraint con
                  JOIN pg_namespace n ON n.oid = (SELECT relnamespace FROM pg_class WHERE oid = con.confrelid)
                 WHERE con.contype = 'f' AND n.nspname <> 'platform' AND cardinality(con.conkey) < 2""");
        assertThat(singleColumn).as("foreign keys between tenant tables are composite (org_id, x_id)").isEmpty();
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> result = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                result.add(rs.getString(1));
            }
        }
        return result;
    }
}
