package io.seedreset.internal.engine;

import io.seedreset.api.ApplyResult;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.internal.ledger.Applications;
import io.seedreset.internal.sink.CopySink;
import io.seedreset.internal.sink.RowStream;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.PackDescriptor;
import io.seedreset.pack.PackFailure;
import io.seedreset.pack.Persona;
import io.seedreset.pack.RowSink;
import io.seedreset.pack.SeedPack;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writes one application inside the gate: the record, the rows and their ledger, the validation. Apply and reset share it. */
final class ApplicationWriter {

    private final PackRegistry packs;
    private final Clock clock;

    ApplicationWriter(PackRegistry packs, Clock clock) {
        this.packs = packs;
        this.clock = clock;
    }

    ApplyResult write(MutationGate.Inside inside, ResolvedPack resolved, Map<String, Long> requiredSeeds, String expectedPlanHash,
                      List<UUID> replaced) throws SQLException {
        long started = System.nanoTime();
        UUID applicationId = inside.newApplication();
        PackDescriptor descriptor = resolved.descriptor();
        Applications.insert(inside.connection(), applicationId, inside.organization().id(), descriptor.id(), descriptor.version(),
                resolved.mode(), resolved.selectedModules(), resolved.parameters(), resolved.seed(), resolved.anchor(), inside.caller().actor(),
                clock.instant());
        try (CopySink sink = new CopySink(descriptor.id(), inside.schema(), inside.organization().id(), applicationId,
                resolved.pack().totals(), resolved.selectedModules(), inside.connection(), inside.caller().progress())) {
            PackContext context = resolved.context(requiredSeeds, sink::query);
            watchPersonas(resolved, context, sink);
            inside.caller().progress().start("apply " + descriptor.id());
            try {
                generate(resolved, context, sink);
                sink.finish();
            } catch (CopySink.CopyFailed e) {
                throw e.getCause();
            } finally {
                inside.caller().progress().finish();
            }
            if (expectedPlanHash != null && !expectedPlanHash.equals(sink.hash())) {
                throw new SeedResetException(Reason.PLAN_CHANGED, "pack '" + descriptor.id() + "' would write other rows than the reviewed plan (plan hash "
                        + expectedPlanHash + ", now " + sink.hash() + "): run plan again and review it; nothing was applied",
                        Map.of(SeedResetException.PACK, descriptor.id(), SeedResetException.PLAN_HASH, sink.hash(),
                                SeedResetException.REVIEWED_PLAN_HASH, expectedPlanHash));
            }
            // The rules of the packs this one builds on must still hold after it changed their rows.
            List<SeedPack> validated = new ArrayList<>();
            validated.add(resolved.pack());
            descriptor.requires().forEach(id -> validated.add(packs.require(id)));
            Validation.refreshStatistics(inside.connection(), sink.counts());
            Validation.require(inside.connection(), validated, inside.organization().id(), descriptor.id());
            Duration duration = Duration.ofNanos(System.nanoTime() - started);
            Applications.complete(inside.connection(), applicationId, sink.counts(), sink.hash(), duration.toMillis());
            return new ApplyResult(replaced.isEmpty() ? ApplyResult.Status.APPLIED : ApplyResult.Status.REPLACED, applicationId,
                    descriptor.id(), descriptor.version(), inside.organization().slug(), resolved.mode(), resolved.selectedModules(),
                    resolved.parameters(), resolved.seed(), resolved.anchor(), sink.counts(), sink.updates(),
                    personas(resolved, context, sink), sink.hash(), duration, replaced, null);
        }
    }

    /**
     * Before the pack runs: a request limited to some modules creates only the logins whose rows it writes
     * (a part without the pack's people has none), so the sink notices their emails among the rows it keeps.
     */
    static void watchPersonas(ResolvedPack resolved, PackContext context, RowStream sink) {
        if (!resolved.selectedModules().isEmpty()) {
            sink.watch(resolved.pack().personas(context).stream().map(Persona::email).toList());
        }
    }

    /** After the pack ran: its logins, those whose emails the kept rows hold when the request was limited to some modules. */
    static List<Persona> personas(ResolvedPack resolved, PackContext context, RowStream sink) {
        return resolved.pack().personas(context).stream()
                .filter(persona -> resolved.selectedModules().isEmpty() || sink.saw(persona.email())).toList();
    }

    /** Runs the pack; a pack that says it cannot generate here fails with its own words. */
    static void generate(ResolvedPack resolved, PackContext context, RowSink sink) {
        try {
            resolved.pack().generate(context, sink);
        } catch (PackFailure e) {
            throw new SeedResetException(Reason.PACK_FAILED, "pack '" + resolved.descriptor().id() + "': " + e.getMessage(),
                    Map.of(SeedResetException.PACK, resolved.descriptor().id()), e);
        } catch (SeedResetException | CopySink.CopyFailed e) {
            throw e;
        } catch (RuntimeException e) {
            // A bug in the pack, not in the engine: say whose, and what it threw.
            throw new SeedResetException(Reason.PACK_FAILED, "pack '" + resolved.descriptor().id() + "' failed while generating: "
                    + e.getClass().getSimpleName() + ": " + e.getMessage(), Map.of(SeedResetException.PACK, resolved.descriptor().id()), e);
        }
    }
}
