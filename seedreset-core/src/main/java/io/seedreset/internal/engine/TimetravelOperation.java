package io.seedreset.internal.engine;

import io.seedreset.api.ActivityResult;
import io.seedreset.api.ApplicationRecord;
import io.seedreset.api.AuditOperation;
import io.seedreset.api.AuditOutcome;
import io.seedreset.api.Organization;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.api.TimetravelRequest;
import io.seedreset.api.TimetravelResult;
import io.seedreset.internal.ledger.Applications;
import io.seedreset.internal.ledger.Removal;
import io.seedreset.internal.organization.Organizations;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Time travel: an organization's clock runs ahead of the real one by whole months, so that the platform's
 * "today" for it (aging, upcoming events, what is due) is in the future. Going ahead fills the days
 * skipped with synthetic activity, as if people had used the platform meanwhile; going back tears down
 * every activity application that holds a day after the new today (putting back the rows it changed), so
 * ahead then back leaves the organization's rows exactly as they were. One transaction behind the gate.
 */
final class TimetravelOperation {

    private final Clock clock;
    private final MutationGate gate;
    private final ActivityOperation activity;

    TimetravelOperation(Clock clock, MutationGate gate, ActivityOperation activity) {
        this.clock = clock;
        this.gate = gate;
        this.activity = activity;
    }

    TimetravelResult run(TimetravelRequest request, Caller caller) {
        requireMonths(request);
        MutationGate.Mutation mutation = new MutationGate.Mutation(AuditOperation.TIMETRAVEL, request.organization(), request.confirmation(),
                "moving the clock of", null);
        return gate.enter(mutation, caller, inside -> {
            TimetravelResult result = travel(inside, request);
            return new MutationGate.Attempt<>(result, AuditOutcome.SUCCEEDED, null, message(result));
        });
    }

    /** The travel's own code behind the same gate, rolled back: what it would post or remove. */
    TimetravelResult preview(TimetravelRequest request, Caller caller) {
        requireMonths(request);
        MutationGate.Mutation mutation = new MutationGate.Mutation(AuditOperation.TIMETRAVEL, request.organization(), request.organization(),
                "moving the clock of", null);
        return gate.enter(mutation, caller, inside -> {
            try {
                TimetravelResult result = travel(inside, request);
                return new MutationGate.Attempt<>(result, AuditOutcome.UNCHANGED, null, "dry run: " + message(result) + "; nothing written");
            } finally {
                inside.connection().rollback();
            }
        });
    }

    private TimetravelResult travel(MutationGate.Inside inside, TimetravelRequest request) throws SQLException {
        long started = System.nanoTime();
        Organization organization = inside.organization();
        int from = organization.clockMonths();
        int to = from + request.months();
        if (to < 0 || to > Organization.MAX_CLOCK_MONTHS) {
            throw new SeedResetException(Reason.INVALID_VALUE, "organization '" + organization.slug() + "' runs " + from + " month(s) ahead;"
                    + " its clock runs 0 to " + Organization.MAX_CLOCK_MONTHS + " months ahead, not " + to,
                    Map.of(SeedResetException.ORGANIZATION, organization.slug(), SeedResetException.VALUE, String.valueOf(request.months())));
        }
        LocalDate real = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        LocalDate before = real.plusMonths(from);
        LocalDate after = real.plusMonths(to);
        Organizations.setClock(inside.connection(), organization.id(), to, inside.caller().actor(), clock.instant());
        if (to > from) {
            List<ActivityResult.Run> posted = activity.post(inside, before.plusDays(1).datesUntil(after.plusDays(1)).toList());
            return new TimetravelResult(organization.slug(), from, to, after, posted, List.of(), Map.of(), Map.of(),
                    Duration.ofNanos(System.nanoTime() - started));
        }
        List<UUID> removed = new ArrayList<>();
        for (ApplicationRecord record : Applications.active(inside.connection(), organization.id())) {
            if (record.source() == ApplicationRecord.Source.ACTIVITY && holdsDayAfter(record, after)) {
                removed.add(record.id());
            }
        }
        Removal.Removed undone = removed.isEmpty() ? Removal.Removed.NOTHING
                : Removal.seededRows(inside.connection(), inside.schema(), organization.id(), removed, inside.caller().progress());
        Applications.markRemoved(inside.connection(), removed, inside.caller().actor(), ApplicationRecord.Removal.TEARDOWN);
        return new TimetravelResult(organization.slug(), from, to, after, List.of(), removed, undone.deleted(), undone.restored(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static boolean holdsDayAfter(ApplicationRecord record, LocalDate day) {
        return record.parameters().get(ActivityOperation.DAYS) instanceof List<?> days
                && days.stream().anyMatch(held -> LocalDate.parse(String.valueOf(held)).isAfter(day));
    }

    private static void requireMonths(TimetravelRequest request) {
        if (request.months() == 0 || Math.abs(request.months()) > Organization.MAX_CLOCK_MONTHS) {
            throw new SeedResetException(Reason.INVALID_VALUE, "time travel moves an organization's clock 1 to " + Organization.MAX_CLOCK_MONTHS
                    + " months ahead or back, not " + request.months(), Map.of(SeedResetException.VALUE, String.valueOf(request.months())));
        }
    }

    private static String message(TimetravelResult result) {
        return "clock " + result.fromMonths() + " -> " + result.toMonths() + " month(s) ahead, today " + result.today()
                + (result.posted().isEmpty() ? "" : "; posted " + result.posted().stream()
                        .map(run -> "'" + run.packId() + "' (" + run.days().size() + " day(s), " + run.totalRows() + " rows)")
                        .collect(Collectors.joining(", ")))
                + (result.removed().isEmpty() ? "" : "; removed " + result.removed().size() + " activity application(s)");
    }
}
