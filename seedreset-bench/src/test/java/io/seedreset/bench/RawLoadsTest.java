package io.seedreset.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Export, the three raw loads, their checks and the removal, on a real PostgreSQL with a small
 * tenant schema in the platform's conventions and values that a careless CSV round trip loses:
 * NULL against the empty string, quotes, commas, newlines, arrays, JSON, bytea.
 */
class RawLoadsTest {

    private static final UUID ORG = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    private static final UUID APPLICATION = UUID.fromString("00000000-0000-0000-0000-0000000000bb");

    private static EmbeddedPostgres postgres;
    private static DataSource admin;
    private static DataSource loading;

    private List<ExportedTable> exported;
    private MeasuredRows measured;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        admin = postgres.getPostgresDatabase();
        loading = postgres.getPostgresDatabase(Map.of("stringtype", "unspecified"));
        execute("""
                CREATE SCHEMA platform;
                CREATE TABLE platform.seed_rows (org_id uuid NOT NULL, application_id uuid NOT NULL, table_name text NOT NULL,
                                                 row_id text NOT NULL, PRIMARY KEY (org_id, table_name, row_id));
                CREATE SCHEMA shop;
                CREATE TABLE shop.customers (org_id uuid NOT NULL, id uuid NOT NULL, name text NOT NULL, note text,
                                             tags text[] NOT NULL, profile jsonb, avatar bytea,
                                             name_length int GENERATED ALWAYS AS (length(name)) STORED,
                                             PRIMARY KEY (org_id, id));
                CREATE TABLE shop.orders (org_id uuid NOT NULL, id uuid NOT NULL, customer_id uuid NOT NULL,
                                          total numeric(12, 2) NOT NULL CHECK (total >= 0), placed_at timestamptz NOT NULL,
                                          PRIMARY KEY (org_id, id),
                                          FOREIGN KEY (org_id, customer_id) REFERENCES shop.customers (org_id, id));
                """);
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    /** Seeds 1,500 customers with an order each as "the application", exports them, and removes them, as a teardown would. */
    @BeforeEach
    void exportAnApplicationsRows() throws SQLException {
        execute("""
                INSERT INTO shop.customers (org_id, id, name, note, tags, profile, avatar)
                SELECT '%1$s', gen_random_uuid(),
                       CASE i %% 5 WHEN 0 THEN 'Smith, "Jo"' WHEN 1 THEN E'two\\nlines' ELSE 'customer ' || i END,
                       CASE i %% 3 WHEN 0 THEN NULL WHEN 1 THEN '' ELSE 'a,b' END,
                       ARRAY['vip', 'say "hi"', ''], CASE WHEN i %% 2 = 0 THEN '{"k": [1, "x,y"]}'::jsonb END,
                       CASE WHEN i %% 4 = 0 THEN '\\x00ff'::bytea END
                  FROM generate_series(1, 1500) i;
                INSERT INTO shop.orders (org_id, id, customer_id, total, placed_at)
                SELECT org_id, gen_random_uuid(), id, 12.50, '2026-11-21 09:00:00+00' FROM shop.customers;
                INSERT INTO platform.seed_rows SELECT org_id, '%2$s', 'shop.customers', id::text FROM shop.customers;
                INSERT INTO platform.seed_rows SELECT org_id, '%2$s', 'shop.orders', id::text FROM shop.orders;
                """.formatted(ORG, APPLICATION));
        try (Connection connection = admin.getConnection()) {
            // Children first on purpose: the export must put parents first whatever order it is given.
            exported = RowExport.ofApplication(connection, APPLICATION, List.of("shop.orders", "shop.customers"));
        }
        execute("DELETE FROM shop.orders; DELETE FROM shop.customers; DELETE FROM platform.seed_rows;");
        measured = new MeasuredRows(admin, ORG, exported);
    }

    @Test
    void exportsParentsFirstWithoutGeneratedColumns() {
        assertThat(exported).extracting(ExportedTable::name).containsExactly("shop.customers", "shop.orders");
        assertThat(exported.get(0).columns()).containsExactly("org_id", "id", "name", "note", "tags", "profile", "avatar");
        assertThat(exported).allSatisfy(table -> assertThat(table.rows()).hasSize(1500));
        assertThat(exported.get(0).rows()).extracting(row -> row.get(3)).contains(null, "", "a,b");
    }

    @Test
    void everyRawLoadWritesExactlyTheExportedRowsAndIsRemovedAgain() throws SQLException {
        for (RowLoader loader : List.of(new RawCopyLoader(), new MultiRowInsertLoader(), new SingleRowInsertLoader())) {
            List<TableRows> all = TableRows.all(exported);
            assertThat(loader.load(loading, all)).isPositive();
            measured.requireLoaded(loader.label(), all);
            measured.delete();
            measured.requireAbsent("after " + loader.label());
        }
    }

    @Test
    void aLimitedLoadTakesTheFirstRowsParentsFirst() throws SQLException {
        List<TableRows> first = TableRows.first(exported, 1600);
        assertThat(first).extracting(TableRows::count).containsExactly(1500, 100);
        new SingleRowInsertLoader().load(loading, first);
        measured.requireLoaded("(d)", first);
        assertThatThrownBy(() -> measured.requireLoaded("(d)", TableRows.all(exported)))
                .hasMessage("(d) left 100 rows in shop.orders, expected 1500");
        measured.delete();
        measured.requireAbsent("after (d)");
    }

    @Test
    void theChecksNoticeChangedAndLeftoverRows() throws SQLException {
        List<TableRows> all = TableRows.all(exported);
        new RawCopyLoader().load(loading, all);
        execute("UPDATE shop.customers SET note = NULL WHERE note = ''");
        assertThatThrownBy(() -> measured.requireLoaded("(b)", all))
                .hasMessageStartingWith("(b) wrote other values to shop.customers than were exported");
        assertThatThrownBy(() -> measured.requireAbsent("after (b)"))
                .hasMessage("after (b), 1500 of the 1500 measured rows of shop.customers are in the database; expected none");
        measured.delete();
        measured.requireAbsent("after (b)");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
