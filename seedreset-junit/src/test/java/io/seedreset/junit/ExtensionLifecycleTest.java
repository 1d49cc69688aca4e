package io.seedreset.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.seedreset.api.HistoryRequest;
import io.seedreset.api.Organization;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.SeedReset;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * What the extension does around a class, seen from outside by running sample classes on the JUnit Platform:
 * a failed test is restored after too, the class ends with its seeded rows torn down, a bad {@code @WithPack}
 * fails the class with one line, a production organization in the same database is never touched, and
 * {@code SEEDRESET_URL} (here its system property) chooses the database.
 */
class ExtensionLifecycleTest {

    private static final TestDatabase DATABASE = TestDatabase.current();

    @Test
    void a_failed_test_is_restored_after_too_and_the_class_ends_with_its_rows_torn_down() {
        EngineExecutionResults results = SampleRuns.run(FailingSample.class);

        assertThat(SampleRuns.testFailures(results)).singleElement().extracting(Throwable::getMessage).isEqualTo("a test that fails after writing");
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        SeedReset seedReset = DATABASE.seedReset();
        Organization organization = seedReset.requireOrganization(FailingSample.slug);
        assertThat(OrganizationRows.count(OrganizationRows.of(DATABASE.dataSource(), organization.id()))).isZero();
        assertThat(seedReset.snapshots(organization.slug())).isEmpty();
        assertThat(seedReset.baseline(organization.slug())).isEmpty();
    }

    @Test
    void an_unknown_pack_a_bad_mode_or_a_bad_parameter_fails_the_class_with_one_line_naming_it() {
        int organizations = DATABASE.seedReset().organizations().size();

        EngineExecutionResults results = SampleRuns.run(UnknownPackSample.class, UnknownModeSample.class, BadParameterSample.class);

        assertThat(SampleRuns.classFailures(results)).extracting(Throwable::getMessage).containsExactlyInAnyOrder(
                "UnknownPackSample: @WithPack(\"no-such-pack\"): no such pack (installed: " + installed() + ")",
                "UnknownModeSample: @WithPack(\"ticketing-demo\", mode = \"huge\"): pack 'ticketing-demo' has no mode 'huge' (its modes: default, minimal, full)",
                "BadParameterSample: @WithPack(\"ticketing-demo\", mode = \"minimal\", params = {events}): parameter 'events' is not key=value");
        assertThat(SampleRuns.classFailures(results)).extracting(Throwable::getMessage).allSatisfy(message -> assertThat(message).doesNotContain("\n"));
        results.testEvents().assertStatistics(stats -> stats.started(0));
        assertThat(DATABASE.seedReset().organizations()).hasSize(organizations);
    }

    private static String installed() {
        return String.join(", ", DATABASE.seedReset().packs().stream().map(p -> p.id()).sorted().toList());
    }

    @Test
    void a_parameter_the_pack_refuses_fails_the_class_naming_the_pack() {
        EngineExecutionResults results = SampleRuns.run(RefusedParameterSample.class);

        assertThat(SampleRuns.classFailures(results)).singleElement().extracting(Throwable::getMessage).asString()
                .startsWith("RefusedParameterSample: seeding @WithPack(\"ticketing-demo\", mode = \"minimal\", params = {events=100000}) failed: ")
                .contains("events").doesNotContain("\n");
        results.testEvents().assertStatistics(stats -> stats.started(0));
    }

    @Test
    void a_production_organization_in_the_same_database_is_never_touched() throws Exception {
        SeedReset seedReset = DATABASE.seedReset();
        String slug = "production-" + UUID.randomUUID().toString().substring(0, 8);
        Organization production = seedReset.createOrganization(slug, "A customer", OrganizationKind.PRODUCTION);
        Sql.update(DATABASE.dataSource(), "INSERT INTO ticketing.companies (org_id, id, name, slug, type, email, phone, city, state, created_at) "
                + "VALUES (?, ?, 'A real customer', 'real', 'PROMOTER', 'ops@example.com', '555-0199', 'Chicago', 'IL', now())",
                production.id(), UUID.randomUUID());
        Map<String, List<String>> before = OrganizationRows.of(DATABASE.dataSource(), production.id());
        int auditBefore = seedReset.history(HistoryRequest.of(slug)).audit().size();

        EngineExecutionResults results = SampleRuns.run(FailingSample.class);

        results.testEvents().assertStatistics(stats -> stats.started(2));
        assertThat(OrganizationRows.of(DATABASE.dataSource(), production.id())).isEqualTo(before);
        assertThat(seedReset.history(HistoryRequest.of(slug)).audit()).hasSize(auditBefore);
        assertThat(seedReset.requireOrganization(FailingSample.slug).kind()).isEqualTo(OrganizationKind.QA);
    }

    @Test
    void the_change_log_refuses_to_restore_a_production_organization_even_if_it_were_tracked() throws Exception {
        SeedReset seedReset = DATABASE.seedReset();
        String slug = "production-" + UUID.randomUUID().toString().substring(0, 8);
        Organization production = seedReset.createOrganization(slug, "A customer", OrganizationKind.PRODUCTION);
        ChangeLog.install(DATABASE.dataSource());
        ChangeLog.track(DATABASE.dataSource(), production.tenantKey());
        try {
            Sql.update(DATABASE.dataSource(), "INSERT INTO ticketing.companies (org_id, id, name, slug, type, email, phone, city, state, created_at) "
                    + "VALUES (?, ?, 'A real customer', 'real', 'PROMOTER', 'ops@example.com', '555-0199', 'Chicago', 'IL', now())",
                    production.id(), UUID.randomUUID());
            Map<String, List<String>> before = OrganizationRows.of(DATABASE.dataSource(), production.id());

            assertThatThrownBy(() -> ChangeLog.undo(DATABASE.dataSource(), production.tenantKey()))
                    .hasMessage("organization '" + slug + "' is a production organization: seedreset-junit never restores one");
            assertThat(OrganizationRows.of(DATABASE.dataSource(), production.id())).isEqualTo(before);
        } finally {
            ChangeLog.untrack(DATABASE.dataSource(), production.tenantKey());
        }
    }

    @Test
    void init_runs_again_on_a_database_with_the_change_log_and_leaves_it_in_place() throws Exception {
        ChangeLog.install(DATABASE.dataSource());

        DATABASE.seedReset().init();

        assertThat(Sql.count(DATABASE.dataSource(), "SELECT count(*) FROM pg_trigger WHERE tgname = 'junit_change_log' "
                + "AND tgrelid = 'ticketing.companies'::regclass")).isEqualTo(1);
    }

    @Test
    void a_class_whose_instance_comes_first_gets_its_organization_in_its_constructor() {
        EngineExecutionResults results = SampleRuns.run(PerClassSample.class);

        assertThat(SampleRuns.testFailures(results)).isEmpty();
        assertThat(SampleRuns.classFailures(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    @Test
    void the_seedreset_url_property_names_the_database_instead_of_the_embedded_one() throws Exception {
        String database = "junit_url_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = DATABASE.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        String url = ((HikariDataSource) DATABASE.dataSource()).getJdbcUrl().replace("/postgres?", "/" + database + "?");
        EngineExecutionResults results;
        System.setProperty(TestDatabase.URL_PROPERTY, url);
        try {
            results = SampleRuns.run(UrlSample.class);
        } finally {
            System.clearProperty(TestDatabase.URL_PROPERTY);
        }

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(UrlSample.url).isEqualTo(url);
        assertThat(DATABASE.seedReset().organization(UrlSample.slug)).isEmpty();
        assertThat(TestDatabase.current().dataSource()).isSameAs(DATABASE.dataSource());
    }

    @Test
    void a_seedreset_url_that_is_no_postgresql_jdbc_url_fails_the_class_with_one_line() {
        EngineExecutionResults results;
        System.setProperty(TestDatabase.URL_PROPERTY, "mysql://localhost/qa");
        try {
            results = SampleRuns.run(UrlSample.class);
        } finally {
            System.clearProperty(TestDatabase.URL_PROPERTY);
        }

        assertThat(SampleRuns.classFailures(results)).singleElement().extracting(Throwable::getMessage).isEqualTo(
                "SEEDRESET_URL (or -Dseedreset.url) is not a PostgreSQL JDBC URL: 'mysql://localhost/qa'; use e.g. jdbc:postgresql://localhost:5432/qa");
    }

    @SeedResetTest
    @WithPack(value = "ticketing-demo", mode = "minimal")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class FailingSample {

        static String slug;
        private static Map<String, List<String>> applied;

        @BeforeAll
        static void remember(SeededOrganization organization, DataSource dataSource) {
            slug = organization.slug();
            applied = OrganizationRows.of(dataSource, organization.id());
        }

        @Test
        @Order(1)
        void writes_then_fails(SeededOrganization organization, DataSource dataSource) throws Exception {
            Sql.update(dataSource, "DELETE FROM ticketing.notifications WHERE org_id = ?", organization.id());
            throw new AssertionError("a test that fails after writing");
        }

        @Test
        @Order(2)
        void finds_the_organization_as_applied(SeededOrganization organization, DataSource dataSource) {
            assertThat(OrganizationRows.of(dataSource, organization.id())).isEqualTo(applied);
        }
    }

    @SeedResetTest
    @WithPack(value = "ticketing-demo", mode = "minimal")
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerClassSample {

        private final SeededOrganization organization;
        private final DataSource dataSource;
        private Map<String, List<String>> applied;

        PerClassSample(SeededOrganization organization, DataSource dataSource) {
            this.organization = organization;
            this.dataSource = dataSource;
        }

        @BeforeAll
        void remember() {
            applied = OrganizationRows.of(dataSource, organization.id());
        }

        @Test
        @Order(1)
        void writes(SeededOrganization same) throws Exception {
            assertThat(same).isSameAs(organization);
            Sql.update(dataSource, "UPDATE ticketing.events SET name = 'per class' WHERE org_id = ?", organization.id());
        }

        @Test
        @Order(2)
        void finds_the_organization_as_applied() {
            assertThat(OrganizationRows.of(dataSource, organization.id())).isEqualTo(applied);
        }
    }

    @SeedResetTest
    @WithPack("no-such-pack")
    static class UnknownPackSample {
        @Test
        void never_runs() {
        }
    }

    @SeedResetTest
    @WithPack(value = "ticketing-demo", mode = "huge")
    static class UnknownModeSample {
        @Test
        void never_runs() {
        }
    }

    @SeedResetTest
    @WithPack(value = "ticketing-demo", mode = "minimal", params = "events")
    static class BadParameterSample {
        @Test
        void never_runs() {
        }
    }

    @SeedResetTest
    @WithPack(value = "ticketing-demo", mode = "minimal", params = "events=100000")
    static class RefusedParameterSample {
        @Test
        void never_runs() {
        }
    }

    @SeedResetTest
    @WithPack(value = "ticketing-demo", mode = "minimal")
    static class UrlSample {

        static String url;
        static String slug;

        @Test
        void uses_the_named_database(DataSource dataSource, SeededOrganization organization) {
            url = ((HikariDataSource) dataSource).getJdbcUrl();
            slug = organization.slug();
        }
    }
}
