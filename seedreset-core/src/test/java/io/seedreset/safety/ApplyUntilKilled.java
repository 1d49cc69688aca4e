package io.seedreset.safety;

import io.seedreset.fixture.Fixture;
import io.seedreset.fixture.LedgerPack;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.RowSink;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Run in a child JVM by {@link CrashDuringApplyTest}: starts an apply whose pack, once its
 * first rows have reached the database, announces it on stdout and waits to be killed.
 */
public final class ApplyUntilKilled {

    static final String ROWS_SENT = "rows sent, waiting to be killed";

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        var dataSource = new org.postgresql.ds.PGSimpleDataSource();
        dataSource.setUrl(args[0]);
        dataSource.setUser("postgres");
        Fixture.configure(dataSource, new StallingPack()).load().apply(Fixture.applyTo(Fixture.DEMO));
        throw new IllegalStateException("the apply finished; it should have been killed mid-way");
    }

    /** Writes rows, waits until they are in the database, then stalls inside the apply transaction. */
    static final class StallingPack extends LedgerPack {
        @Override
        public void generate(PackContext context, RowSink sink) {
            super.generate(new PackContext(LedgerPack.ID, context.organizationSlug(), context.seed(), context.anchor(),
                    context.mode(), java.util.Map.of("accounts", 40L, "entries", 500L, "break_balance", false)), sink);
            // A read waits until the loader has written everything emitted so far.
            context.query("SELECT count(*) FROM fixture.entries WHERE org_id = :org");
            System.out.println(ROWS_SENT);
            System.out.flush();
            try {
                while (System.in.read() >= 0) {
                    // wait for the kill; stdin stays open while the parent lives
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private ApplyUntilKilled() {
    }

}
