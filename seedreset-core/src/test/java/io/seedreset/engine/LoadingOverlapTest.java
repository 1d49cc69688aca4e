package io.seedreset.engine;

import static io.seedreset.fixture.Fixture.DEMO;
import static org.assertj.core.api.Assertions.assertThat;

import io.seedreset.api.ApplyRequest;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.PackRequest;
import io.seedreset.fixture.Fixture;
import io.seedreset.fixture.LedgerPack;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.RowSink;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Apply loads while the pack is still generating: rows reach the database before generate returns. */
class LoadingOverlapTest {

    private static final CountDownLatch ROWS_SEEN = new CountDownLatch(1);

    /** Emits several megabytes of rows, then waits, still inside generate, until the test has seen them written. */
    static final class WaitingPack extends LedgerPack {
        @Override
        public void generate(PackContext context, RowSink sink) {
            super.generate(context, sink);
            try {
                if (!ROWS_SEEN.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("no rows reached the database while the pack was generating");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void rows_are_written_while_the_pack_still_generates() throws Exception {
        Fixture fixture = new Fixture(new WaitingPack());
        CompletableFuture<ApplyResult> apply = CompletableFuture.supplyAsync(() -> fixture.seedReset.apply(
                ApplyRequest.of(PackRequest.of(LedgerPack.ID, DEMO).set("accounts", "2000").set("entries", "10")).confirm(DEMO)));

        // Another session sees the apply's backend holding a write lock on the entries table: a COPY ran.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (ROWS_SEEN.getCount() > 0 && Instant.now().isBefore(deadline) && !apply.isDone()) {
            if (fixture.count("""
                    SELECT count(*) FROM pg_locks l WHERE l.relation = 'fixture.entries'::regclass
                       AND l.mode = 'RowExclusiveLock' AND l.pid <> pg_backend_pid()""") > 0) {
                ROWS_SEEN.countDown();
            }
        }

        assertThat(ROWS_SEEN.getCount()).as("rows written before generate returned").isZero();
        assertThat(apply.get(60, TimeUnit.SECONDS).counts()).containsEntry("fixture.entries", 20_000L);
    }
}
