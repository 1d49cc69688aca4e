package io.seedreset.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Three test classes run at once with JUnit's parallel execution: each gets its own organization in the one
 * database, sees only its own rows while the others write theirs, and finds its organization as applied after.
 * A barrier all three must reach proves they really ran at the same time (a sequential run would time out there).
 */
class ParallelClassesTest {

    private static final int CLASSES = 3;
    private static final CyclicBarrier ALL_WROTE = new CyclicBarrier(CLASSES);
    private static final CyclicBarrier ALL_CHECKED = new CyclicBarrier(CLASSES);
    private static final Map<String, UUID> ORGANIZATIONS = new ConcurrentHashMap<>();

    @Test
    void parallel_classes_get_separate_organizations_and_see_only_their_own_rows() {
        EngineExecutionResults results = SampleRuns.run(Map.of(
                        "junit.jupiter.execution.parallel.enabled", "true",
                        "junit.jupiter.execution.parallel.mode.default", "same_thread",
                        "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                        "junit.jupiter.execution.parallel.config.strategy", "fixed",
                        "junit.jupiter.execution.parallel.config.fixed.parallelism", String.valueOf(CLASSES)),
                First.class, Second.class, Third.class);

        assertThat(SampleRuns.testFailures(results)).isEmpty();
        assertThat(SampleRuns.classFailures(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(2 * CLASSES).succeeded(2 * CLASSES));
        assertThat(ORGANIZATIONS).containsOnlyKeys("First", "Second", "Third");
        assertThat(ORGANIZATIONS.values()).doesNotHaveDuplicates();
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    abstract static class ParallelSample {

        private static final Map<UUID, Map<String, List<String>>> APPLIED = new ConcurrentHashMap<>();

        @BeforeAll
        static void remember(SeededOrganization organization, DataSource dataSource) {
            APPLIED.put(organization.id(), OrganizationRows.of(dataSource, organization.id()));
        }

        @Test
        @Order(1)
        void writes_its_own_rows_while_the_others_write_theirs(SeededOrganization organization, DataSource dataSource) throws Exception {
            String me = getClass().getSimpleName();
            ORGANIZATIONS.put(me, organization.id());
            Sql.update(dataSource, "INSERT INTO ticketing.companies (org_id, id, name, slug, type, email, phone, city, state, created_at) "
                    + "VALUES (?, ?, ?, 'parallel', 'PROMOTER', 'p@example.com', '555-0102', 'Austin', 'TX', now())",
                    organization.id(), UUID.randomUUID(), "Parallel " + me);
            Sql.update(dataSource, "UPDATE ticketing.events SET name = ? WHERE org_id = ?", "Renamed by " + me, organization.id());
            ALL_WROTE.await(2, TimeUnit.MINUTES);

            // Every class has written and none has been restored yet: each sees its own rows only.
            assertThat(Sql.count(dataSource, "SELECT count(*) FROM ticketing.companies WHERE slug = 'parallel' AND org_id = ?", organization.id()))
                    .isEqualTo(1);
            assertThat(Sql.count(dataSource, "SELECT count(*) FROM ticketing.companies WHERE name = ? AND org_id <> ?", "Parallel " + me,
                    organization.id())).isZero();
            assertThat(Sql.count(dataSource, "SELECT count(*) FROM ticketing.events WHERE org_id = ? AND name <> ?", organization.id(),
                    "Renamed by " + me)).isZero();
            assertThat(Sql.count(dataSource, "SELECT count(DISTINCT org_id) FROM ticketing.companies WHERE slug = 'parallel'"))
                    .isGreaterThanOrEqualTo(CLASSES);
            ALL_CHECKED.await(2, TimeUnit.MINUTES);
        }

        @Test
        @Order(2)
        void finds_its_organization_as_applied(SeededOrganization organization, DataSource dataSource) {
            assertThat(OrganizationRows.of(dataSource, organization.id())).isEqualTo(APPLIED.get(organization.id()));
        }
    }

    @SeedResetTest
    @WithPack(value = "ticketing-demo", mode = "minimal")
    static class First extends ParallelSample {
    }

    @SeedResetTest
    @WithPack(value = "ticketing-demo", mode = "minimal")
    static class Second extends ParallelSample {
    }

    @SeedResetTest
    @WithPack(value = "ticketing-demo", mode = "minimal")
    static class Third extends ParallelSample {
    }
}
