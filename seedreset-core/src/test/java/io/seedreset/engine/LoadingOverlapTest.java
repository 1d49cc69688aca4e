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
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Apply generates while the database loads: with the COPY into one table held up by another
 * session's lock, the pack still runs to its end. A sink that wrote on the pack's own thread
 * would stop the pack at its first full buffer.
 */
class LoadingOverlapTest {

    /** Emits a few megabytes of rows (several full buffers) and says when it is done: a latch of its own, so a rerun starts closed. */
    static final class AnnouncingPack extends LedgerPack {
        final CountDownLatch generated = new CountDownLatch(1);

        @Override
        public void generate(PackContext context, RowSink sink) {
            super.generate(context, sink);
            generated.countDown();
        }
    }

    @Test
    void the_pack_keeps_generating_while_a_copy_waits_for_the_database() throws Exception {
        AnnouncingPack pack = new AnnouncingPack();
        Fixture fixture = new Fixture(pack);
        CompletableFuture<ApplyResult> apply;
        try (Connection locker = fixture.dataSource.getConnection(); Statement statement = locker.createStatement()) {
            locker.setAutoCommit(false);
            statement.execute("LOCK TABLE fixture.entries IN SHARE MODE");

            apply = CompletableFuture.supplyAsync(() -> fixture.seedReset.apply(
                    ApplyRequest.of(PackRequest.of(LedgerPack.ID, DEMO).set("accounts", "2000").set("entries", "10")).confirm(DEMO)));

            assertThat(pack.generated.await(60, TimeUnit.SECONDS)).as("the pack ran to its end while entries could not be written").isTrue();
            assertThat(apply).as("the apply waits for the rows to be written").isNotDone();
            locker.commit();
        }
        assertThat(apply.get(60, TimeUnit.SECONDS).counts()).containsEntry("fixture.entries", 20_000L);
    }
}
