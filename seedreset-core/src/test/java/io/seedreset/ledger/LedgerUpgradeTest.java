package io.seedreset.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedreset.api.SeedReset;
import io.seedreset.api.TeardownRequest;
import io.seedreset.fixture.Fixture;
import io.seedreset.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Upgrading a database that already holds applications keeps their ledger, their order and the guards. */
class LedgerUpgradeTest {

    private static final String ORG = "legacy-demo";

    @Test
    void upgrading_from_the_row_per_row_ledger_keeps_every_seeded_row_tracked() throws SQLException {
        DataSource dataSource = TestDatabases.newDatabase();
        // The platform schema as the first release left it, with two applications recorded the way
        // that release recorded them, one row of platform.seed_rows per seeded row.
        Flyway.configure().dataSource(dataSource).schemas("platform").table("schema_history").createSchemas(true)
                .locations("classpath:db/seedreset").target("1").load().migrate();
        execute(dataSource, """
                CREATE SCHEMA legacy;
                CREATE TABLE legacy.notes (org_id uuid NOT NULL REFERENCES platform.organizations (id), id uuid NOT NULL,
                                           body text NOT NULL, PRIMARY KEY (org_id, id));
                INSERT INTO platform.organizations (id, slug, name, kind, is_production)
                     VALUES ('00000000-0000-0000-0000-00000000000d', 'legacy-demo', 'Legacy Demo', 'demo', false);
                INSERT INTO legacy.notes VALUES ('00000000-0000-0000-0000-00000000000d', '10000000-0000-0000-0000-000000000001', 'a'),
                                                ('00000000-0000-0000-0000-00000000000d', '10000000-0000-0000-0000-000000000002', 'b'),
                                                ('00000000-0000-0000-0000-00000000000d', '10000000-0000-0000-0000-000000000003', 'by hand');
                INSERT INTO platform.seed_applications (id, org_id, pack_id, pack_version, mode, parameters, seed, anchor, actor, applied_at)
                     VALUES ('a0000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-00000000000d', 'later', '1.0.0', 'default', '{}', 1, now(), 'me', '2026-11-02'),
                            ('a0000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-00000000000d', 'earlier', '1.0.0', 'default', '{}', 1, now(), 'me', '2026-11-01');
                INSERT INTO platform.seed_rows VALUES
                     ('00000000-0000-0000-0000-00000000000d', 'a0000000-0000-0000-0000-000000000001', 'legacy.notes', '10000000-0000-0000-0000-000000000001'),
                     ('00000000-0000-0000-0000-00000000000d', 'a0000000-0000-0000-0000-000000000002', 'legacy.notes', '10000000-0000-0000-0000-000000000002');
                """);

        SeedReset seedReset = Fixture.configure(dataSource).load();
        seedReset.init();

        assertThat(count(dataSource, "SELECT count(*) FROM platform.seed_rows")).isEqualTo(2);
        assertThat(count(dataSource, "SELECT seq FROM platform.seed_applications WHERE pack_id = 'earlier'")).isOne();
        assertThat(count(dataSource, "SELECT seq FROM platform.seed_applications WHERE pack_id = 'later'")).isEqualTo(2);
        assertThatThrownBy(() -> execute(dataSource, "UPDATE platform.organizations SET is_production = true WHERE slug = '" + ORG + "'"))
                .hasMessageContaining("still holds seeded rows");

        seedReset.teardown(TeardownRequest.of(ORG).confirm(ORG));
        assertThat(count(dataSource, "SELECT count(*) FROM legacy.notes")).as("only the row made by hand is left").isOne();
        assertThat(count(dataSource, "SELECT count(*) FROM platform.seed_rows")).isZero();
    }

    private static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
