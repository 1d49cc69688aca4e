package io.seedreset.internal.engine;

import io.seedreset.api.ActivityRequest;
import io.seedreset.api.ActivityResult;
import io.seedreset.api.ApplicationRecord;
import io.seedreset.api.AuditOperation;
import io.seedreset.api.AuditOutcome;
import io.seedreset.api.Organization;
import io.seedreset.api.PackRequest;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.internal.ledger.Applications;
import io.seedreset.pack.ActivityPack;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Synthetic activity: each pack applied to the organization that posts activity ({@link ActivityPack})
 * does so for each of the last days up to today, in one transaction behind the gate, as one application
 * of source {@code activity} per pack (pack id {@code activity:<pack>}, parameters {@code days},
 * {@code from}, {@code to}), validated by the pack's rules before commit.
 *
 * <p>A day is posted once: a day an active activity application of the pack already holds is skipped,
 * so running it twice on the same day changes nothing the second time ({@code UNCHANGED}), and a
 * catch-up over several days posts only the days missing. Reset drops activity (it re-applies packs and
 * snapshots only); teardown removes it like any application.
 */
final class ActivityOperation {

    static final String DAYS = "days";
    static final String FROM = "from";
    static final String TO = "to";
    private static final String PREFIX = "activity:";

    private final PackRegistry packs;
    private final Clock clock;
    private final MutationGate gate;
    private final ApplicationWriter writer;

    ActivityOperation(PackRegistry packs, Clock clock, MutationGate gate, ApplicationWriter writer) {
        this.packs = packs;
        this.clock = clock;
        this.gate = gate;
        this.writer = writer;
    }

    /** The pack id an activity application of {@code packId} is recorded under. */
    static String applicationPackId(String packId) {
        return PREFIX + packId;
    }

    ActivityResult run(ActivityRequest request, Caller caller) {
        if (request.days() < 1 || request.days() > ActivityRequest.MAX_DAYS) {
            throw new SeedResetException(Reason.INVALID_VALUE, "activity covers 1 to " + ActivityRequest.MAX_DAYS + " days, not "
                    + request.days(), Map.of(SeedResetException.ORGANIZATION, request.organization()));
        }
        MutationGate.Mutation mutation = new MutationGate.Mutation(AuditOperation.ACTIVITY, request.organization(), request.confirmation(),
                "posting activity to", null);
        return gate.enter(mutation, caller, inside -> {
            long started = System.nanoTime();
            // The organization's own today: ahead of the real one after time travel.
            LocalDate today = inside.organization().today(clock);
            List<LocalDate> asked = today.minusDays(request.days() - 1L).datesUntil(today.plusDays(1)).toList();
            List<ActivityResult.Run> runs = post(inside, asked);
            ActivityResult result = new ActivityResult(inside.organization().slug(), asked.get(0), today, runs,
                    Duration.ofNanos(System.nanoTime() - started));
            List<ActivityResult.Run> posted = runs.stream().filter(r -> r.status() == ActivityResult.Status.POSTED).toList();
            return new MutationGate.Attempt<>(result, posted.isEmpty() ? AuditOutcome.UNCHANGED : AuditOutcome.SUCCEEDED,
                    posted.size() == 1 ? posted.get(0).applicationId() : null,
                    posted.isEmpty() ? "no activity to post for " + asked.get(0) + " to " + today
                            : "posted " + posted.stream().map(r -> "'" + r.packId() + "' (" + r.days().size() + " day(s), "
                            + r.totalRows() + " rows, changed " + r.changedRows() + ")").collect(Collectors.joining(", ")));
        });
    }

    /** Posts each activity pack's days among {@code asked} that it does not hold yet; time travel posts the months it skips so. */
    List<ActivityResult.Run> post(MutationGate.Inside inside, List<LocalDate> asked) throws SQLException {
        Organization organization = inside.organization();
        List<ApplicationRecord> active = Applications.active(inside.connection(), organization.id());
        Map<String, Long> seeds = Scenarios.seedsOf(active.stream().filter(a -> a.source() == ApplicationRecord.Source.PACK).toList());
        List<ActivityResult.Run> runs = new ArrayList<>();
        for (Map.Entry<String, List<ApplicationRecord>> applied : packApplications(active).entrySet()) {
            ApplicationRecord first = applied.getValue().get(0);
            Set<LocalDate> held = heldDays(active, applied.getKey());
            List<LocalDate> days = asked.stream().filter(day -> !held.contains(day)).toList();
            if (days.isEmpty()) {
                runs.add(new ActivityResult.Run(applied.getKey(), ActivityResult.Status.UNCHANGED, null, List.of(), Map.of(), Map.of()));
                continue;
            }
            Map<String, String> settings = new LinkedHashMap<>();
            first.parameters().forEach((k, v) -> settings.put(k, String.valueOf(v)));
            ResolvedPack resolved = ResolvedPack.resolve(packs, new PackRequest(first.packId(), organization.slug(), first.mode(), first.seed(),
                    first.anchor(), settings, modules(applied.getValue())), clock);
            Map<String, Long> requiredSeeds = Scenarios.requiredSeeds(seeds, organization, resolved.descriptor());
            runs.add(writer.writeActivity(inside, resolved, requiredSeeds, days));
        }
        return runs;
    }

    /** The active applications of each installed pack that posts activity, by pack, in the order the packs were applied. */
    private Map<String, List<ApplicationRecord>> packApplications(List<ApplicationRecord> active) {
        Map<String, List<ApplicationRecord>> byPack = new LinkedHashMap<>();
        for (ApplicationRecord record : active) {
            if (record.source() == ApplicationRecord.Source.PACK
                    && packs.find(record.packId()).map(ActivityPack.class::isInstance).orElse(false)) {
                byPack.computeIfAbsent(record.packId(), id -> new ArrayList<>()).add(record);
            }
        }
        return byPack;
    }

    /** The modules the pack's applications hold together: none named (the whole pack) when one of them is whole. */
    private static List<String> modules(List<ApplicationRecord> parts) {
        if (parts.stream().anyMatch(p -> p.selectedModules().isEmpty())) {
            return List.of();
        }
        return parts.stream().flatMap(p -> p.selectedModules().stream()).distinct().toList();
    }

    /** The days an active activity application of the pack already holds. */
    private static Set<LocalDate> heldDays(List<ApplicationRecord> active, String packId) {
        Set<LocalDate> held = new HashSet<>();
        for (ApplicationRecord record : active) {
            if (record.source() == ApplicationRecord.Source.ACTIVITY && record.packId().equals(applicationPackId(packId))
                    && record.parameters().get(DAYS) instanceof List<?> days) {
                days.forEach(day -> held.add(LocalDate.parse(String.valueOf(day))));
            }
        }
        return held;
    }
}
