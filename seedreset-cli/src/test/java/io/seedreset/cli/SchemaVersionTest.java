package io.seedreset.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A database of another version than the code is named as such, with what to do, not as a missing column. */
class SchemaVersionTest {

    private Cli.OnDatabase database;
    private DataSource dataSource;

    @BeforeEach
    void freshDatabase() {
        database = Cli.onFreshDatabase();
        dataSource = database.dataSource();
    }

    private Cli.Run seedreset(String... args) {
        return database.run(args);
    }

    @Test
    void a_schema_older_than_the_code_asks_for_init_which_upgrades_it() {
        // As an early release left it: the platform schema's first version, then the modules of then (the later
        // ones build on the platform schema's later versions).
        Flyway.configure().dataSource(dataSource).schemas("platform").table("schema_history").createSchemas(true)
                .locations("classpath:db/seedreset").target("1").load().migrate();
        Flyway.configure().dataSource(dataSource).schemas("platform").table("schema_history")
                .locations("classpath:db/modules").validateOnMigrate(false).target("171").load().migrate();

        String older = "seedreset: the database's schema is older than this version of Seed & Reset"
                + " (schema 171, this version also needs 2, 3, 4 and 16 more): run 'seedreset init' to upgrade\n";
        for (String[] command : List.of(new String[] {"org", "list"}, new String[] {"history"},
                new String[] {"plan", "event-agency-starter", "--org", "acme-demo"}, new String[] {"validate", "--org", "acme-demo"})) {
            Cli.Run run = seedreset(command);
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILURE);
            assertThat(run.err()).isEqualTo(older);
        }

        Cli.Run init = seedreset("init");
        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(init.out()).startsWith("Schema at version 192 (19 migration(s) applied now)");
        assertThat(seedreset("org", "list").exitCode()).isZero();
    }

    @Test
    void a_schema_newer_than_the_code_is_refused_by_every_command_and_by_init() throws Exception {
        assertThat(seedreset("init").exitCode()).isZero();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO platform.schema_history (installed_rank, version, description, type, script, checksum, installed_by,
                                                         execution_time, success)
                    SELECT max(installed_rank) + 1, '999', 'from a later release', 'SQL', 'V999__from_a_later_release.sql', 0,
                           'test', 1, true FROM platform.schema_history""");
        }
        String newer = "seedreset: the database's schema is newer than this version of Seed & Reset (schema 999, this version "
                + "knows up to 192): use the version that upgraded it, or a later one (or a pack's jar added migrations: set SEEDRESET_PACKS "
                + "as when init ran)\n";
        for (String[] command : List.of(new String[] {"org", "list"}, new String[] {"init"})) {
            Cli.Run run = seedreset(command);
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILURE);
            assertThat(run.err()).isEqualTo(newer);
        }
    }
}
