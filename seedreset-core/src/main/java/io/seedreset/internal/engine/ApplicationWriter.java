package io.seedreset.internal.engine;

import io.seedreset.api.ActivityResult;
import io.seedreset.api.ApplicationRecord;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.internal.ledger.Applications;
import io.seedreset.internal.schema.Sequences;
import io.seedreset.internal.sink.CopySink;
import io.seedreset.internal.sink.RowStream;
import io.seedreset.pack.ActivityPack;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.PackDescriptor;
import io.seedreset.pack.PackFailure;
import io.seedreset.pack.Persona;
import io.seedreset.pack.RowSink;
import io.seedreset.pack.SeedPack;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writes one application inside the gate: the record, the rows and their ledger, the validation. Apply, reset and activity share it. */
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
        try (CopySink sink = new CopySink(descriptor.id(), inside.schema(), inside.organization().id(), inside.organization().tenantKey(), applicationId,
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
            validate(inside, descriptor, resolved.pack(), sink.counts(), descriptor.id());
            Duration duration = Duration.ofNanos(System.nanoTime() - started);
            Applications.complete(inside.connection(), applicationId, sink.counts(), sink.hash(), duration.toMillis());
            return new ApplyResult(replaced.isEmpty() ? ApplyResult.Status.APPLIED : ApplyResult.Status.REPLACED, applicationId,
                    descriptor.id(), descriptor.version(), inside.organization().slug(), resolved.mode(), resolved.selectedModules(),
                    resolved.parameters(), resolved.seed(), resolved.anchor(), sink.counts(), sink.updates(),
                    personas(resolved, context, sink), sink.hash(), duration, replaced, null);
        }
    }

    /**
     * Writes one application of synthetic activity: the pack's activity for each day, oldest first, on
     * the pack's own context (its seed, mode, parameters and anchor, as applied here), then the pack's
     * validation rules and those of the packs it builds on.
     *
     * @param resolved the pack as its application here resolved it; its modules limit the rows written
     * @param days     the days to post, oldest first
     */
    ActivityResult.Run writeActivity(MutationGate.Inside inside, ResolvedPack resolved, Map<String, Long> requiredSeeds,
                                     List<LocalDate> days) throws SQLException {
        long started = System.nanoTime();
        UUID applicationId = inside.newApplication();
        PackDescriptor descriptor = resolved.descriptor();
        String activityId = ActivityOperation.applicationPackId(descriptor.id());
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put(ActivityOperation.DAYS, days.stream().map(LocalDate::toString).toList());
        parameters.put(ActivityOperation.FROM, days.get(0).toString());
        parameters.put(ActivityOperation.TO, days.get(days.size() - 1).toString());
        Applications.insert(inside.connection(), ApplicationRecord.Source.ACTIVITY, applicationId, inside.organization().id(), activityId,
                descriptor.version(), resolved.mode(), resolved.selectedModules(), parameters, resolved.seed(), resolved.anchor(),
                inside.caller().actor(), clock.instant());
        ActivityPack pack = (ActivityPack) resolved.pack();
        try (CopySink sink = new CopySink(descriptor.id(), inside.schema(), inside.organization().id(), inside.organization().tenantKey(), applicationId,
                List.of(), resolved.selectedModules(), inside.connection(), inside.caller().progress())) {
            PackContext context = resolved.context(requiredSeeds, sink::query);
            inside.caller().progress().start("activity " + descriptor.id());
            try {
                for (LocalDate day : days) {
                    runPackCode(descriptor, "posting activity", () -> pack.activity(context, day, sink));
                }
                sink.finish();
            } catch (CopySink.CopyFailed e) {
                throw e.getCause();
            } finally {
                inside.caller().progress().finish();
            }
            validate(inside, descriptor, pack, sink.counts(), activityId);
            Applications.complete(inside.connection(), applicationId, sink.counts(), sink.hash(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            return new ActivityResult.Run(descriptor.id(), ActivityResult.Status.POSTED, applicationId, days, sink.counts(), sink.updates());
        }
    }

    /** The rules of the pack, and of the packs it builds on, which must still hold after it changed their rows. */
    private void validate(MutationGate.Inside inside, PackDescriptor descriptor, SeedPack pack, Map<String, Long> written, String applying)
            throws SQLException {
        List<SeedPack> validated = new ArrayList<>();
        validated.add(pack);
        descriptor.requires().forEach(id -> validated.add(packs.require(id)));
        for (String table : written.keySet()) {
            Sequences.advance(inside.connection(), inside.schema().table(table).orElseThrow());
        }
        TenantReferences.require(inside.connection(), inside.schema(), inside.organization().id(), written.keySet(), Reason.PACK_FAILED);
        Validation.refreshStatistics(inside.connection(), written);
        Validation.require(inside.connection(), validated, inside.schema().tenantLiteral(inside.organization().tenantKey()), applying);
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
        runPackCode(resolved.descriptor(), "generating", () -> resolved.pack().generate(context, sink));
    }

    private static void runPackCode(PackDescriptor descriptor, String doing, Runnable code) {
        try {
            code.run();
        } catch (PackFailure e) {
            throw new SeedResetException(Reason.PACK_FAILED, "pack '" + descriptor.id() + "': " + e.getMessage(),
                    Map.of(SeedResetException.PACK, descriptor.id()), e);
        } catch (SeedResetException | CopySink.CopyFailed e) {
            throw e;
        } catch (RuntimeException e) {
            // A bug in the pack, not in the engine: say whose, and what it threw.
            throw new SeedResetException(Reason.PACK_FAILED, "pack '" + descriptor.id() + "' failed while " + doing + ": "
                    + e.getClass().getSimpleName() + ": " + e.getMessage(), Map.of(SeedResetException.PACK, descriptor.id()), e);
        }
    }
}
