package io.seedreset.testing;

import io.seedreset.api.ApplyRequest;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.PackRequest;
import io.seedreset.api.SeedReset;
import io.seedreset.api.SeedResetConfiguration;
import io.seedreset.api.TeardownRequest;
import io.seedreset.api.TeardownResult;
import io.seedreset.pack.SeedPack;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What most tests start from: a fresh database that {@code init} migrated (cloned from a template
 * migrated once per test JVM), one organization in it, and a {@link SeedReset} on a fixed clock.
 * Built with {@link #builder()}; modules' tests extend it with their own tables and requests.
 *
 * <pre>{@code
 * TestTenant tenant = TestTenant.builder().organization("harbor-demo", "Harbor Events (demo)").clock(ANCHOR).build();
 * tenant.apply(PackRequest.of("event-agency-starter", "harbor-demo"));
 * }</pre>
 */
public class TestTenant extends DatabaseReader {

    public final SeedReset seedReset;
    /** The slug of the organization the builder created. */
    public final String organization;

    protected TestTenant(Builder builder) {
        super(TestDatabases.newMigratedDatabase(builder.template,
                ds -> builder.configure(ds).load().init()));
        this.seedReset = builder.configure(dataSource).load();
        this.organization = builder.slug;
        seedReset.createOrganization(builder.slug, builder.name, builder.kind);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Applies to this tenant's organization, confirmed with its slug. */
    public ApplyResult apply(PackRequest request) {
        return seedReset.apply(ApplyRequest.of(request).confirm(organization));
    }

    /** Tears down every application of this tenant's organization. */
    public TeardownResult teardown() {
        return seedReset.teardown(TeardownRequest.of(organization).confirm(organization));
    }

    /** The rows of a tenant table that belong to this tenant's organization. */
    public long tenantRows(String table) {
        return queryForLong("SELECT count(*) FROM " + table + " t JOIN platform.organizations o ON o.id = t.org_id WHERE o.slug = ?",
                organization);
    }

    /** The organization's id, as text. */
    public String organizationId() {
        return strings("SELECT id::text FROM platform.organizations WHERE slug = ?", organization).get(0);
    }

    /**
     * Every row of this organization in every tenant table (outside {@code platform}, with an
     * {@code org_id} column, as the engine finds them), as PostgreSQL renders it, by table: equal
     * snapshots mean the organization's rows are the same byte for byte, whichever tables a pack
     * or a scenario touched.
     */
    public Map<String, List<String>> organizationRows() {
        String org = organizationId();
        Map<String, List<String>> rows = new TreeMap<>();
        for (String table : strings("""
                SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('platform', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
                   AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped)
                 ORDER BY 1""")) {
            rows.put(table, strings("SELECT t::text FROM " + table + " t WHERE t.org_id = ?::uuid ORDER BY t::text", org));
        }
        return rows;
    }

    /** A test tenant's settings; every one has a default but the organization. */
    public static final class Builder {

        private String template = "platform";
        private final List<String> migrationLocations = new ArrayList<>();
        private final List<SeedPack> packs = new ArrayList<>();
        private boolean discoverPacks = true;
        private Instant now = Instant.parse("2026-11-21T09:00:00Z");
        private String actor = "test";
        private String slug;
        private String name;
        private OrganizationKind kind = OrganizationKind.DEMO;

        private Builder() {
        }

        /** The organization to create (a demo organization unless {@link #kind} says otherwise). */
        public Builder organization(String slug, String name) {
            this.slug = slug;
            this.name = name;
            return this;
        }

        public Builder kind(OrganizationKind kind) {
            this.kind = kind;
            return this;
        }

        /**
         * Other migrations than the default (core's and the modules' on the class path); the
         * template name keys the database migrated once and cloned for every test.
         */
        public Builder migrations(String template, String... locations) {
            this.template = template;
            this.migrationLocations.clear();
            this.migrationLocations.addAll(List.of(locations));
            return this;
        }

        /** Packs registered beside (or, with {@code discover} false, instead of) those ServiceLoader finds. */
        public Builder packs(boolean discover, SeedPack... packs) {
            this.discoverPacks = discover;
            this.packs.addAll(List.of(packs));
            return this;
        }

        /** The instant the fixed clock reads (default 2026-11-21T09:00:00Z). */
        public Builder clock(Instant now) {
            this.now = now;
            return this;
        }

        public Builder actor(String actor) {
            this.actor = actor;
            return this;
        }

        public TestTenant build() {
            return new TestTenant(this);
        }

        SeedResetConfiguration configure(javax.sql.DataSource dataSource) {
            Objects.requireNonNull(slug, "a test tenant needs an organization");
            SeedResetConfiguration configuration = SeedReset.configure().dataSource(dataSource).actor(actor)
                    .clock(Clock.fixed(now, ZoneOffset.UTC)).discoverPacks(discoverPacks).packs(packs.toArray(SeedPack[]::new));
            return migrationLocations.isEmpty() ? configuration : configuration.migrationLocations(migrationLocations.toArray(String[]::new));
        }
    }
}
