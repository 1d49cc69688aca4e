package io.seedreset.safety;

import static io.seedreset.fixture.Fixture.DEMO;
import static org.assertj.core.api.Assertions.assertThat;

import io.seedreset.api.HistoryRequest;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.AuditEntry;
import io.seedreset.api.AuditOperation;
import io.seedreset.api.AuditOutcome;
import io.seedreset.fixture.Fixture;
import io.seedreset.testing.TestDatabases;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A JVM killed in the middle of an apply leaves no tenant rows and no claim of success. */
class CrashDuringApplyTest {

    @Test
    void a_killed_apply_leaves_no_rows_and_a_history_entry_that_does_not_claim_success() throws Exception {
        Fixture fixture = new Fixture();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ApplyUntilKilled.class.getName(), TestDatabases.url(fixture.dataSource))
                .redirectErrorStream(true).start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder seen = new StringBuilder();
            String line;
            while ((line = output.readLine()) != null && !line.equals(ApplyUntilKilled.ROWS_SENT)) {
                seen.append(line).append('\n');
            }
            assertThat(line).as("child output: %s", seen).isEqualTo(ApplyUntilKilled.ROWS_SENT);

            assertThat(fixture.count("""
                    SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                     WHERE l.relation = 'fixture.entries'::regclass AND l.mode = 'RowExclusiveLock'
                       AND a.state = 'idle in transaction'""")).as("the child is inside its apply transaction, rows written").isEqualTo(1);

            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        assertThat(fixture.tenantRows(DEMO)).isZero();
        assertThat(fixture.count("SELECT count(*) FROM platform.seed_rows")).isZero();
        assertThat(fixture.count("SELECT count(*) FROM platform.seed_applications")).isZero();
        AuditEntry entry = fixture.seedReset.history(HistoryRequest.of(DEMO)).audit().get(0);
        assertThat(entry.operation()).isEqualTo(AuditOperation.APPLY);
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.STARTED);
        assertThat(entry.finishedAt()).isNull();

        // The organization is usable again as soon as the database has noticed the dead client.
        assertThat(fixture.seedReset.apply(Fixture.applyTo(DEMO)).status()).isEqualTo(ApplyResult.Status.APPLIED);
        assertThat(fixture.seededRowsInProduction()).isZero();
    }
}
