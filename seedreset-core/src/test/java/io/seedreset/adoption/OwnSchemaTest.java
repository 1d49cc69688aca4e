package io.seedreset.adoption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedreset.api.ApplyRequest;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.Organization;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.PackRequest;
import io.seedreset.api.PlanResult;
import io.seedreset.api.ResetRequest;
import io.seedreset.api.RestoreRequest;
import io.seedreset.api.SeedReset;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.api.TeardownRequest;
import io.seedreset.api.Tenancy;
import io.seedreset.pack.Row;
import io.seedreset.pack.SeedPack;
import io.seedreset.testing.BoundaryInvariant;
import io.seedreset.testing.DatabaseReader;
import io.seedreset.testing.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Seed & Reset on an application's own schema (adoption/crm.sql), unlike the reference platform's: its own
 * tenants table with the production flag in it, {@code tenant_id} columns, bigint identity, integer serial
 * and text keys, foreign keys without the tenant column (one to its own table), shared reference data.
 * Plan, apply, teardown and reset are exact; sequences move past explicit keys; the boundary holds at the
 * application's own flag.
 */
class OwnSchemaTest {

    static final Tenancy CRM = Tenancy.column("tenant_id").tables("crm.*")
            .tenantsTable(Tenancy.TenantsTable.of("crm.accounts", "id", "live").slug("code").name("display_name"));
    static final String DEMO = "northwind-demo";
    static final String[] TABLES = {"crm.teams", "crm.people", "crm.notes"};

    private final DataSource dataSource = TestDatabases.newDatabase();
    private final DatabaseReader db = new DatabaseReader(dataSource);
    private final SeedReset seedReset;
    private final long production;

    OwnSchemaTest() throws IOException {
        execute(resource("adoption/crm.sql"));
        // The application's own customer, live, with its own rows: nothing of Seed & Reset may touch them.
        production = db.queryForLong("INSERT INTO crm.accounts (code, display_name, live) VALUES ('acme', 'Acme Corp', true) RETURNING id");
        db.execute("INSERT INTO crm.teams (tenant_id, name) VALUES (?, 'Acme HQ')", production);
        seedReset = configure(new CrmPack()).load();
        seedReset.init();
    }

    io.seedreset.api.SeedResetConfiguration configure(SeedPack... packs) {
        return SeedReset.configure().dataSource(dataSource).discoverPacks(false).packs(packs)
                .migrationLocations("classpath:db/seedreset").tenancy(CRM).actor("adopter")
                .clock(Clock.fixed(Instant.parse("2026-11-30T09:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void boundaryHolds() {
        BoundaryInvariant.assertHolds(dataSource);
        assertThat(db.strings("SELECT name FROM crm.teams WHERE tenant_id = ?", production)).containsExactly("Acme HQ");
    }

    @Test
    void an_organization_is_a_row_of_the_applications_tenants_table_that_is_not_live() {
        Organization demo = seedReset.createOrganization(DEMO, "Northwind (demo)", OrganizationKind.DEMO);

        assertThat(db.rows("SELECT id::text AS id, code, display_name, live FROM crm.accounts WHERE code = ?", DEMO))
                .containsExactly(Map.of("id", demo.tenantKey(), "code", DEMO, "display_name", "Northwind (demo)", "live", false));
        assertThat(seedReset.init().guardedTables()).containsExactlyInAnyOrder(TABLES);
        // A slug a tenant of the application's already holds is a conflict in one line, and no organization is made.
        db.execute("INSERT INTO crm.accounts (code, display_name, live) VALUES ('bigco', 'Big Co', true)");
        assertThatThrownBy(() -> seedReset.createOrganization("bigco", "Big Co (demo)", OrganizationKind.DEMO))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ORGANIZATION_EXISTS))
                .hasMessageStartingWith("organization 'bigco' cannot be created: crm.accounts refused a new tenant (")
                .hasMessageEndingWith("); choose another slug");
        assertThat(seedReset.organization("bigco")).isEmpty();
    }

    @Test
    void plan_apply_teardown_and_reset_are_exact_on_every_key_type() {
        Organization demo = seedReset.createOrganization(DEMO, "Northwind (demo)", OrganizationKind.DEMO);
        PlanResult plan = seedReset.plan(PackRequest.of(CrmPack.ID, DEMO));
        assertThat(plan.counts()).containsOnly(Map.entry("crm.teams", 4L), Map.entry("crm.people", 12L), Map.entry("crm.notes", 12L));
        assertThat(plan.samples().get("crm.teams").get(0)).containsEntry("id", "1000").containsEntry("name", "Leadership");

        // The application's own rows in the demo organization, made before the pack: teardown must leave them.
        long own = db.queryForLong("INSERT INTO crm.teams (tenant_id, name) VALUES (?, 'Our own team') RETURNING id", Long.parseLong(demo.tenantKey()));
        ApplyResult applied = seedReset.apply(ApplyRequest.of(PackRequest.of(CrmPack.ID, DEMO)).confirm(DEMO).planHash(plan.planHash()));
        assertThat(applied.counts()).isEqualTo(plan.counts());
        Map<String, List<String>> afterApply = rows(demo);
        assertThat(afterApply.get("crm.teams")).hasSize(5);
        assertThat(db.strings("SELECT t.name || ' < ' || p.name FROM crm.teams t JOIN crm.teams p ON p.id = t.parent_id WHERE t.id = 1003"))
                .containsExactly("Sales EMEA < Sales");
        // The ledger names rows by their keys as text, whatever their type.
        assertThat(db.strings("SELECT table_name || ' ' || row_id FROM platform.seed_rows WHERE table_name = 'crm.notes' ORDER BY 1 LIMIT 1"))
                .containsExactly("crm.notes N-1000-0");

        // The application's next inserts take keys after the seeded ones: identity and serial sequences were advanced.
        long next = db.queryForLong("INSERT INTO crm.teams (tenant_id, name) VALUES (?, 'Added later') RETURNING id", Long.parseLong(demo.tenantKey()));
        assertThat(next).isGreaterThan(1003);
        long person = db.queryForLong("INSERT INTO crm.people (tenant_id, team_id, country, full_name, email)"
                + " VALUES (?, ?, 'US', 'Ada Park', 'ada@northwind.example') RETURNING id", Long.parseLong(demo.tenantKey()), next);
        assertThat(person).isGreaterThan(1011);

        seedReset.teardown(TeardownRequest.of(DEMO).confirm(DEMO));
        assertThat(db.strings("SELECT name FROM crm.teams WHERE tenant_id = ? ORDER BY id", Long.parseLong(demo.tenantKey())))
                .containsExactly("Our own team", "Added later");
        assertThat(db.queryForLong("SELECT count(*) FROM crm.people WHERE tenant_id = ?", Long.parseLong(demo.tenantKey()))).isEqualTo(1);
        assertThat(db.queryForLong("SELECT count(*) FROM platform.seed_rows")).isZero();
        assertThat(db.queryForLong("SELECT count(*) FROM crm.countries")).isEqualTo(4);
        db.execute("DELETE FROM crm.people WHERE id = ?", (int) person);
        db.execute("DELETE FROM crm.teams WHERE id IN (?, ?)", own, next);

        seedReset.apply(ApplyRequest.of(PackRequest.of(CrmPack.ID, DEMO)).confirm(DEMO));
        db.execute("UPDATE crm.people SET full_name = 'Changed by a test' WHERE id = 1001");
        db.execute("INSERT INTO crm.notes (ref, tenant_id, person_id, body) VALUES ('mine', ?, 1001, 'a note')", Long.parseLong(demo.tenantKey()));
        seedReset.reset(ResetRequest.of(DEMO).confirm(DEMO));
        assertThat(rows(demo)).isEqualTo(withoutTeam(afterApply, "Our own team"));
    }

    @Test
    void serial_keys_come_from_the_applications_sequences_so_organizations_never_collide() {
        Organization first = seedReset.createOrganization(DEMO, "Northwind (demo)", OrganizationKind.DEMO);
        Organization second = seedReset.createOrganization("contoso-demo", "Contoso (demo)", OrganizationKind.DEMO);
        long appTeam = db.queryForLong("INSERT INTO crm.teams (tenant_id, name) VALUES (?, 'Made by the app') RETURNING id", production);
        PlanResult plan = seedReset.plan(PackRequest.of(CrmPack.ID, DEMO).set("keys", "serial"));
        assertThat(plan.samples().get("crm.teams").get(1)).containsEntry("id", "<team #1>").containsEntry("parent_id", "<team #0>");

        // The reviewed plan's hash holds though the keys are the database's.
        seedReset.apply(ApplyRequest.of(PackRequest.of(CrmPack.ID, DEMO).set("keys", "serial")).confirm(DEMO).planHash(plan.planHash()));
        seedReset.apply(ApplyRequest.of(PackRequest.of(CrmPack.ID, "contoso-demo").set("keys", "serial")).confirm("contoso-demo"));

        assertThat(db.queryForLong("SELECT min(id) FROM crm.teams WHERE tenant_id IN (?, ?)", Long.parseLong(first.tenantKey()),
                Long.parseLong(second.tenantKey()))).isGreaterThan(appTeam);
        db.execute("DELETE FROM crm.teams WHERE id = ?", appTeam);
        for (Organization organization : List.of(first, second)) {
            long tenant = Long.parseLong(organization.tenantKey());
            assertThat(db.strings("SELECT t.name || ' < ' || p.name FROM crm.teams t JOIN crm.teams p ON p.id = t.parent_id"
                    + " WHERE t.tenant_id = ? ORDER BY t.id", tenant)).containsExactly("Sales < Leadership", "Customer Success < Leadership",
                    "Sales EMEA < Sales");
            assertThat(db.queryForLong("SELECT count(*) FROM crm.people p JOIN crm.teams t ON t.id = p.team_id AND t.tenant_id = p.tenant_id"
                    + " WHERE p.tenant_id = ?", tenant)).isEqualTo(12);
            assertThat(db.queryForLong("SELECT count(*) FROM platform.seed_rows s JOIN platform.organizations o ON o.id = s.org_id"
                    + " JOIN crm.teams t ON t.id::text = s.row_id AND t.tenant_id::text = o.tenant_key WHERE s.table_name = 'crm.teams' AND o.slug = ?", organization.slug()))
                    .isEqualTo(4);
        }
        seedReset.teardown(TeardownRequest.of(DEMO).confirm(DEMO));
        assertThat(db.queryForLong("SELECT count(*) FROM crm.teams WHERE tenant_id = ?", Long.parseLong(first.tenantKey()))).isZero();
        assertThat(db.queryForLong("SELECT count(*) FROM crm.teams WHERE tenant_id = ?", Long.parseLong(second.tenantKey()))).isEqualTo(4);
    }

    @Test
    void a_serial_referred_to_before_its_row_or_on_a_table_without_a_sequence_fails_the_pack_and_writes_nothing() {
        seedReset.createOrganization(DEMO, "Northwind (demo)", OrganizationKind.DEMO);
        SeedReset early = configure(new SerialMistakePack(true)).load();
        assertThatThrownBy(() -> early.apply(ApplyRequest.of(PackRequest.of(SerialMistakePack.ID, DEMO)).confirm(DEMO)))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PACK_FAILED))
                .hasMessage("pack 'serial-mistake' refers to <team #9> in crm.teams before adding the row that holds it:"
                        + " add rows before the rows that refer to them");
        SeedReset noSequence = configure(new SerialMistakePack(false)).load();
        assertThatThrownBy(() -> noSequence.apply(ApplyRequest.of(PackRequest.of(SerialMistakePack.ID, DEMO)).confirm(DEMO)))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PACK_FAILED))
                .hasMessage("pack 'serial-mistake' gives crm.notes a serial key (<note #0>), but its key ref has no identity or serial sequence"
                        + " to draw it from");
        assertThat(db.queryForLong("SELECT count(*) FROM crm.teams WHERE tenant_id <> ?", production)).isZero();
        assertThat(db.queryForLong("SELECT count(*) FROM platform.seed_applications WHERE removed_at IS NULL")).isZero();
    }

    /** A pack that gets serials wrong: a reference to a team not added yet, or a serial on a text-keyed table. */
    static final class SerialMistakePack implements SeedPack {
        static final String ID = "serial-mistake";
        private final boolean early;

        SerialMistakePack(boolean early) {
            this.early = early;
        }

        @Override
        public io.seedreset.pack.PackDescriptor descriptor() {
            return new io.seedreset.pack.PackDescriptor(ID, "1.0.0", "Serial mistake", "Serials used wrongly.", List.of("crm"),
                    List.of(io.seedreset.pack.Mode.of("default", "one mistake", Map.of())), List.of(), List.of());
        }

        @Override
        public void generate(io.seedreset.pack.PackContext context, io.seedreset.pack.RowSink sink) {
            sink.add("crm.teams", Row.withKey(context.serial("team", 0)).set("name", "Root").set("parent_id", null));
            if (early) {
                sink.add("crm.teams", Row.withKey(context.serial("team", 1)).set("name", "Child").set("parent_id", context.serial("team", 9)));
            } else {
                sink.add("crm.notes", Row.withKey(context.serial("note", 0)).set("person_id", 1).set("body", "?"));
            }
        }
    }

    @Test
    void an_import_gives_its_keys_moves_the_sequence_and_may_not_reach_another_tenant(@org.junit.jupiter.api.io.TempDir java.nio.file.Path directory)
            throws IOException {
        Organization demo = seedReset.createOrganization(DEMO, "Northwind (demo)", OrganizationKind.DEMO);
        java.nio.file.Path teams = java.nio.file.Files.writeString(directory.resolve("teams.csv"), "id,name,parent_id\n7000,Partners,\n7001,Resellers,7000\n");
        seedReset.importRows(io.seedreset.api.ImportRequest.of(DEMO, "crm.teams", teams).confirm(DEMO));
        assertThat(db.strings("SELECT name FROM crm.teams WHERE tenant_id = ? ORDER BY id", Long.parseLong(demo.tenantKey())))
                .containsExactly("Partners", "Resellers");
        assertThat(db.queryForLong("INSERT INTO crm.teams (tenant_id, name) VALUES (?, 'Next') RETURNING id", Long.parseLong(demo.tenantKey())))
                .isGreaterThan(7001);

        long acmeTeam = db.queryForLong("SELECT id FROM crm.teams WHERE tenant_id = ?", production);
        java.nio.file.Path crossing = java.nio.file.Files.writeString(directory.resolve("crossing.csv"), "id,name,parent_id\n8000,Hijackers," + acmeTeam + "\n");
        assertThatThrownBy(() -> seedReset.importRows(io.seedreset.api.ImportRequest.of(DEMO, "crm.teams", crossing).confirm(DEMO)))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_IMPORT))
                .hasMessageContaining("crm.teams row 8000 references crm.teams row " + acmeTeam + " of another tenant");
        java.nio.file.Path keyless = java.nio.file.Files.writeString(directory.resolve("keyless.csv"), "name\nNo key\n");
        assertThatThrownBy(() -> seedReset.importRows(io.seedreset.api.ImportRequest.of(DEMO, "crm.teams", keyless).confirm(DEMO)))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_IMPORT))
                .hasMessageContaining("the file has no id column: ids are made only for uuid keys, and crm.teams.id is bigint");
        assertThat(db.queryForLong("SELECT count(*) FROM crm.teams WHERE id = 8000 OR name = 'No key'")).isZero();
        db.execute("DELETE FROM crm.teams WHERE name = 'Next'");
    }

    @Test
    void snapshots_restore_the_same_rows_and_keys() {
        Organization demo = seedReset.createOrganization(DEMO, "Northwind (demo)", OrganizationKind.DEMO);
        seedReset.apply(ApplyRequest.of(PackRequest.of(CrmPack.ID, DEMO)).confirm(DEMO));
        Map<String, List<String>> applied = rows(demo);
        seedReset.createSnapshot(DEMO, "clean");
        db.execute("DELETE FROM crm.notes WHERE ref = 'N-1000-3'");
        db.execute("UPDATE crm.teams SET name = 'Renamed' WHERE id = 1002");

        seedReset.restore(RestoreRequest.snapshot(DEMO, "clean").confirm(DEMO));

        assertThat(rows(demo)).isEqualTo(applied);
        long next = db.queryForLong("INSERT INTO crm.teams (tenant_id, name) VALUES (?, 'After restore') RETURNING id", Long.parseLong(demo.tenantKey()));
        assertThat(next).isGreaterThan(1003);
    }

    @Test
    void the_production_flag_in_the_applications_own_table_is_the_boundary() {
        Organization demo = seedReset.createOrganization(DEMO, "Northwind (demo)", OrganizationKind.DEMO);
        seedReset.apply(ApplyRequest.of(PackRequest.of(CrmPack.ID, DEMO)).confirm(DEMO));

        // Going live while seeded rows exist is refused by the database, whoever writes the flag.
        assertThatThrownBy(() -> db.execute("UPDATE crm.accounts SET live = true WHERE code = ?", DEMO))
                .rootCause().hasMessageContaining("still holds seeded rows");
        // A flag nobody set counts as production (fail closed), before any constraint of the application's is checked.
        assertThatThrownBy(() -> db.execute("UPDATE crm.accounts SET live = NULL WHERE code = ?", DEMO))
                .rootCause().hasMessageContaining("still holds seeded rows");
        seedReset.teardown(TeardownRequest.of(DEMO).confirm(DEMO));
        db.execute("UPDATE crm.accounts SET live = true WHERE code = ?", DEMO);

        assertThat(seedReset.requireOrganization(DEMO).production()).isTrue();
        assertThatThrownBy(() -> seedReset.apply(ApplyRequest.of(PackRequest.of(CrmPack.ID, DEMO)).confirm(DEMO)))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PRODUCTION_ORGANIZATION));
        // Never back, and never deleted, and its key never changes.
        assertThatThrownBy(() -> db.execute("UPDATE crm.accounts SET live = false WHERE code = ?", DEMO))
                .rootCause().hasMessageContaining("is a production organization: its live can never be turned off");
        assertThatThrownBy(() -> db.execute("DELETE FROM crm.accounts WHERE code = ?", DEMO))
                .rootCause().hasMessageContaining("cannot be deleted");
        assertThatThrownBy(() -> db.execute("UPDATE crm.accounts SET id = id + 100 WHERE code = ?", DEMO))
                .rootCause().hasMessageContaining("its key never changes");
    }

    @Test
    void a_write_in_seed_context_to_a_production_tenant_or_an_unregistered_one_is_refused_by_the_database() throws SQLException {
        Organization demo = seedReset.createOrganization(DEMO, "Northwind (demo)", OrganizationKind.DEMO);
        Organization live = seedReset.createOrganization("northwind", "Northwind", OrganizationKind.PRODUCTION);
        assertThat(db.queryForLong("SELECT count(*) FROM crm.accounts WHERE code = 'northwind' AND live")).isEqualTo(1);
        // The application's own customer is no organization of Seed & Reset's: refused too (fail closed).
        Map<String, String> refusals = Map.of(live.tenantKey(), "'northwind' is a production organization",
                String.valueOf(production), "tenant " + production + " is no organization");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                statement.execute("SELECT set_config('seedreset.application_id', gen_random_uuid()::text, true),"
                        + " set_config('seedreset.org_id', '" + demo.tenantKey() + "', true)");
                assertThatThrownBy(() -> statement.execute("INSERT INTO crm.teams (tenant_id, name) VALUES (" + refusal.getKey() + ", 'sneaked in')"))
                        .hasMessageContaining(refusal.getValue());
                connection.rollback();
            }
        }
        assertThatThrownBy(() -> seedReset.apply(ApplyRequest.of(PackRequest.of(CrmPack.ID, "northwind")).confirm("northwind")))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PRODUCTION_ORGANIZATION));
    }

    @Test
    void a_seeded_row_referencing_another_tenants_row_through_a_key_without_the_tenant_column_is_refused() {
        seedReset.createOrganization(DEMO, "Northwind (demo)", OrganizationKind.DEMO);
        long acmeTeam = db.queryForLong("SELECT id FROM crm.teams WHERE tenant_id = ?", production);
        SeedReset crossing = configure(new CrossingPack(acmeTeam)).load();

        assertThatThrownBy(() -> crossing.apply(ApplyRequest.of(PackRequest.of(CrossingPack.ID, DEMO)).confirm(DEMO)))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PACK_FAILED))
                .hasMessageContaining("crm.teams row 5000 references crm.teams row " + acmeTeam + " of another tenant");
        assertThat(db.queryForLong("SELECT count(*) FROM crm.teams WHERE id = 5000")).isZero();
    }

    @Test
    void init_refuses_a_tenants_table_that_is_not_there_and_a_change_once_organizations_exist() {
        DataSource other = TestDatabases.newDatabase();
        assertThatThrownBy(() -> SeedReset.configure().dataSource(other).discoverPacks(false).migrationLocations("classpath:db/seedreset")
                .tenancy(CRM).load().init())
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_CONFIGURATION))
                .hasMessage("tenants table crm.accounts does not exist: create it (your application's migrations) before init, or fix the tenancy settings");

        seedReset.createOrganization(DEMO, "Northwind (demo)", OrganizationKind.DEMO);
        assertThatThrownBy(() -> SeedReset.configure().dataSource(dataSource).discoverPacks(false).migrationLocations("classpath:db/seedreset")
                .tenancy(Tenancy.DEFAULT).load().init())
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_CONFIGURATION))
                .hasMessageContaining("it holds organizations, so init cannot change that");
        assertThatThrownBy(() -> Tenancy.column("Tenant-Id"))
                .hasMessage("tenant column 'Tenant-Id' is not a lower-case SQL identifier");
    }

    /** A pack whose team hangs under another tenant's team: the foreign key is content, the engine is not. */
    static final class CrossingPack implements SeedPack {
        static final String ID = "crossing";
        private final long foreignTeam;

        CrossingPack(long foreignTeam) {
            this.foreignTeam = foreignTeam;
        }

        @Override
        public io.seedreset.pack.PackDescriptor descriptor() {
            return new io.seedreset.pack.PackDescriptor(ID, "1.0.0", "Crossing", "A team under another tenant's team.", List.of("crm"),
                    List.of(io.seedreset.pack.Mode.of("default", "one team", Map.of())), List.of(), List.of());
        }

        @Override
        public void generate(io.seedreset.pack.PackContext context, io.seedreset.pack.RowSink sink) {
            sink.add("crm.teams", Row.withKey(5000L).set("name", "Hijacker").set("parent_id", foreignTeam));
        }
    }

    /** Every row of the organization in each table, as text without the tenant column, in key order. */
    private Map<String, List<String>> rows(Organization organization) {
        Map<String, List<String>> rows = new java.util.LinkedHashMap<>();
        for (String table : TABLES) {
            rows.put(table, db.strings("SELECT (to_jsonb(t) - 'tenant_id')::text FROM " + table + " t WHERE tenant_id = ? ORDER BY 1",
                    Long.parseLong(organization.tenantKey())));
        }
        return rows;
    }

    private static Map<String, List<String>> withoutTeam(Map<String, List<String>> rows, String name) {
        Map<String, List<String>> copy = new java.util.LinkedHashMap<>(rows);
        copy.put("crm.teams", rows.get("crm.teams").stream().filter(row -> !row.contains("\"" + name + "\"")).toList());
        return copy;
    }

    private void execute(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = OwnSchemaTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
