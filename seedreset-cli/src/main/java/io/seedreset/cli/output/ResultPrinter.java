package io.seedreset.cli.output;

import io.seedreset.api.ApplicationRecord;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.AuditEntry;
import io.seedreset.api.AuditOutcome;
import io.seedreset.api.HistoryResult;
import io.seedreset.api.ImportResult;
import io.seedreset.api.InitResult;
import io.seedreset.api.Organization;
import io.seedreset.api.PlanResult;
import io.seedreset.api.ResetResult;
import io.seedreset.api.TeardownResult;
import io.seedreset.api.ValidationResult;
import io.seedreset.pack.Mode;
import io.seedreset.pack.PackDescriptor;
import io.seedreset.pack.Parameter;
import io.seedreset.pack.Persona;
import io.seedreset.platform.identity.ApiTokens;
import io.seedreset.platform.mail.Mailbox;
import io.seedreset.platform.modules.ModuleFlags;
import io.seedreset.platform.usage.UsageReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How results read on a terminal. Every value is printed through {@link #line} or {@link TextTable},
 * which escape control characters, so no name or parameter can fake a line. JSON output is the
 * result objects themselves ({@link io.seedreset.api.json.SeedResetJson}).
 */
public final class ResultPrinter {

    /** Sample rows show the first columns that read as data; ids are in the JSON output. */
    private static final int SAMPLE_COLUMNS = 6;

    private final PrintWriter out;
    private final CommandWords commands;

    /** Prints to {@code out}; commands it suggests are written with {@code commands}. */
    public ResultPrinter(PrintWriter out, CommandWords commands) {
        this.out = out;
        this.commands = commands;
    }

    /** Prints one line: {@code format} is ours, its arguments are escaped unless they are numbers. */
    public void line(String format, Object... args) {
        Object[] safe = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            safe[i] = args[i] == null || args[i] instanceof Number ? args[i] : TerminalText.escape(args[i].toString());
        }
        out.println(String.format(format, safe));
    }

    public void blank() {
        out.println();
    }

    public void init(InitResult result) {
        line("Schema at version %s (%d migration(s) applied now); guard triggers on %d tenant tables.", result.schemaVersion(),
                result.migrationsApplied(), result.guardedTables().size());
        if (!result.guardRepairs().isEmpty()) {
            line("Repaired %d guard(s) that had been dropped, disabled or altered (recorded in the audit):", result.guardRepairs().size());
            result.guardRepairs().forEach(repair -> line("  %s", repair));
        }
    }

    public void organizationCreated(Organization created) {
        line("Created %s organization '%s' (%s)%s.", created.kind().label(), created.slug(), created.name(),
                created.production() ? ": seed packs will never run there" : "");
    }

    public void organizations(List<Organization> organizations) {
        if (organizations.isEmpty()) {
            line("No organizations yet: create one with 'seedreset org create SLUG --name NAME --kind demo'.");
            return;
        }
        TextTable table = new TextTable("SLUG", "NAME", "KIND", "PRODUCTION", "CREATED", "CLOCK");
        organizations.forEach(o -> table.row(o.slug(), o.name(), o.kind().label(), o.production() ? "yes" : "no", o.createdAt(),
                o.clockMonths() == 0 ? "real" : "+" + o.clockMonths() + " month(s)"));
        table.print(out);
    }

    public void packs(List<PackDescriptor> packs) {
        for (PackDescriptor pack : packs) {
            line("%s %s  %s", pack.id(), pack.version(), pack.title());
            line("  %s", pack.description());
            line("  modules:  %s", String.join(", ", pack.modules()));
            line("  modes:    %s", pack.modes().size() == 1 ? pack.defaultMode().name()
                    : pack.modes().stream().map(Mode::name).collect(Collectors.joining(", ")) + " (the first is the default)");
            if (!pack.requires().isEmpty()) {
                line("  requires: %s (a scenario: apply %s first)", String.join(", ", pack.requires()),
                        pack.requires().size() == 1 ? "it" : "them");
            }
            if (!pack.parameters().isEmpty()) {
                TextTable table = new TextTable("PARAMETER", "DEFAULT", "ACCEPTS", "DESCRIPTION");
                for (Parameter parameter : pack.parameters()) {
                    table.row(parameter.name(), parameter.defaultValue(), parameter.expectation().replace("expects ", ""),
                            parameter.description());
                }
                table.print(out);
            }
            blank();
        }
    }

    /** The plan, then the command that applies exactly it. */
    public void plan(PlanResult plan) {
        line("Plan: %s %s for '%s' (mode %s, seed %d, anchor %s)", plan.packId(), plan.packVersion(), plan.organization(),
                plan.mode(), plan.seed(), plan.anchor());
        line("Modules: %s", plan.selectedModules().isEmpty() ? String.join(", ", plan.modules())
                : String.join(", ", plan.selectedModules()) + " (of " + String.join(", ", plan.modules()) + ": the others' rows are left out)");
        line("Parameters: %s", parameters(plan.parameters()));
        blank();
        counts(plan.appliedAs() == null ? "Rows to write" : "Rows written", plan.counts());
        if (!plan.updates().isEmpty()) {
            blank();
            counts("Rows to change (teardown restores them)", plan.updates());
        }
        samplesAndTotals(plan);
        personas(plan.personas());
        blank();
        if (plan.appliedAs() != null) {
            line("Already applied as application %s (plan hash %s, %d rows): applying it again changes nothing.",
                    plan.appliedAs(), plan.planHash(), plan.totalRows());
        } else {
            line("Plan hash: %s (%d rows). Nothing was written.", plan.planHash(), plan.totalRows());
        }
        if (!plan.replaces().isEmpty()) {
            line("'%s' is already applied to '%s' with other arguments (application %s): applying this plan replaces it.",
                    plan.packId(), plan.organization(), plan.replaces().stream().map(Object::toString).collect(Collectors.joining(", ")));
        }
        line(plan.appliedAs() == null ? "To apply exactly this plan:"
                : "To apply exactly this plan (a no-op while that application stays):");
        line("  %s", applyCommand(plan));
    }

    /** The sample rows of each table and the expected totals, as a plan previews them. */
    public void samplesAndTotals(PlanResult plan) {
        if (!plan.samples().isEmpty()) {
            blank();
        }
        for (Map.Entry<String, List<Map<String, String>>> samples : plan.samples().entrySet()) {
            line("Sample %s:", samples.getKey());
            List<String> columns = samples.getValue().get(0).keySet().stream()
                    .filter(c -> !c.equals("id") && !c.endsWith("_id")).limit(SAMPLE_COLUMNS).toList();
            TextTable table = new TextTable(columns.toArray(String[]::new));
            for (Map<String, String> row : samples.getValue()) {
                table.row(columns.stream().map(row::get).toArray());
            }
            table.print(out);
        }
        if (!plan.totals().isEmpty()) {
            blank();
            line("Expected totals:");
            TextTable totals = new TextTable("TOTAL", "AMOUNT");
            plan.totals().forEach(totals::row);
            totals.print(out);
        }
    }

    /** {@code seedreset apply ...} with every argument that fixes the plan's rows, quoted for a shell. */
    String applyCommand(PlanResult plan) {
        List<String> words = new ArrayList<>(List.of("apply", plan.packId(), "--org", plan.organization(),
                "--confirm", plan.organization(), "--mode", plan.mode(), "--seed", String.valueOf(plan.seed()),
                "--anchor", plan.anchor().toString()));
        plan.parameters().forEach((key, value) -> words.addAll(List.of("--set", key + "=" + value)));
        if (!plan.selectedModules().isEmpty()) {
            words.addAll(List.of("--modules", String.join(",", plan.selectedModules())));
        }
        if (!plan.replaces().isEmpty()) {
            words.add("--replace");
        }
        words.addAll(List.of("--plan-hash", plan.planHash()));
        return commands.command(words);
    }

    public void apply(ApplyResult result) {
        if (result.status() == ApplyResult.Status.UNCHANGED) {
            line("%s %s is already applied to '%s' with this mode, parameters and seed%s (application %s): nothing to do.",
                    result.packId(), result.packVersion(), result.organization(),
                    result.selectedModules().isEmpty() ? "" : ", modules " + String.join(", ", result.selectedModules()), result.applicationId());
            personas(result.personas());
            return;
        }
        if (!result.replaced().isEmpty()) {
            line("Replaced application(s) %s.", result.replaced().stream().map(Object::toString).collect(Collectors.joining(", ")));
        }
        if (result.backup() != null) {
            line("Backup: snapshot '%s' holds the organization as it was before.", result.backup());
        }
        line("Applied %s %s to '%s' as application %s: %d rows in %d ms (seed %d, anchor %s, plan hash %s).",
                result.packId(), result.packVersion(), result.organization(), result.applicationId(), result.totalRows(),
                result.duration().toMillis(), result.seed(), result.anchor(), result.planHash());
        if (!result.selectedModules().isEmpty()) {
            line("Modules: %s (the pack's other modules were left out).", String.join(", ", result.selectedModules()));
        }
        counts("Rows written", result.counts());
        if (!result.updates().isEmpty()) {
            blank();
            counts("Rows changed", result.updates());
        }
        personas(result.personas());
    }

    public void teardown(TeardownResult result) {
        if (result.applications().isEmpty()) {
            line("'%s' has no seeded applications: nothing to tear down.", result.organization());
            return;
        }
        line("Tore down %d application(s) in '%s': %d rows deleted in %d ms.", result.applications().size(),
                result.organization(), result.totalRows(), result.duration().toMillis());
        counts("Rows deleted", result.deleted());
        if (!result.restored().isEmpty()) {
            blank();
            counts("Rows restored (as before the scenario changed them)", result.restored());
        }
    }

    /**
     * A teardown's or reset's preview (--dry-run): one row per table with the rows that would be
     * deleted, restored and written, and the rows people created (not seeded) apart.
     */
    public void preview(io.seedreset.api.RemovalPreview preview) {
        // A reset and a restore both delete everything and write; a teardown deletes what was seeded and puts back what was changed.
        boolean reset = !"teardown".equals(preview.operation());
        line("Dry run of %s in '%s' (nothing written): %s.", preview.operation(), preview.organization(), preview.refused()
                ? "the " + preview.operation() + " would be refused"
                : reset ? String.format(Locale.ROOT, "would delete %d rows (%d not seeded), write %d rows", preview.deletedRows(),
                        preview.unseededRows(), preview.writtenRows())
                : String.format(Locale.ROOT, "would delete %d rows of %d application(s), restore %d rows", preview.deletedRows(),
                        preview.applications().size(), preview.restoredRows()));
        java.util.SortedSet<String> tables = new java.util.TreeSet<>();
        tables.addAll(preview.deleted().keySet());
        tables.addAll(preview.restored().keySet());
        tables.addAll(preview.written().keySet());
        tables.addAll(preview.updated().keySet());
        tables.addAll(preview.unseeded().keySet());
        if (!tables.isEmpty()) {
            TextTable table = reset ? new TextTable("TABLE", "DELETED", "NOT SEEDED", "WRITTEN", "UPDATED")
                    : new TextTable("TABLE", "DELETED", "RESTORED", "NOT SEEDED (KEPT)");
            for (String name : tables) {
                if (reset) {
                    table.row(name, preview.deleted().getOrDefault(name, 0L), preview.unseeded().getOrDefault(name, 0L),
                            preview.written().getOrDefault(name, 0L), preview.updated().getOrDefault(name, 0L));
                } else {
                    table.row(name, preview.deleted().getOrDefault(name, 0L), preview.restored().getOrDefault(name, 0L),
                            preview.unseeded().getOrDefault(name, 0L));
                }
            }
            table.print(out);
        }
        if (preview.refused()) {
            line("%s", preview.refusal());
        }
    }

    public void imported(ImportResult result) {
        if (result.dryRun()) {
            line("Dry run of import into '%s' (nothing written): %s would import %d rows into %s%s.", result.organization(), result.source(),
                    result.rows(), result.table(), result.generatedIds() ? " (ids made from the file)" : "");
            return;
        }
        line("Imported %d rows of %s into %s of '%s' in %d ms%s.", result.rows(), result.source(), result.table(), result.organization(),
                result.duration().toMillis(), result.generatedIds() ? " (ids made from the file)" : "");
        line("Application %s: '%s' removes them; a reset drops them.", result.application(),
                commands.command("teardown", "--org", result.organization(), "--confirm", result.organization(), "--application",
                        result.application().toString()));
    }

    public void reset(ResetResult result) {
        if (result.backup() != null) {
            line("Backup: snapshot '%s' holds what the reset replaced ('snapshot restore --name %s' brings it back).", result.backup(),
                    result.backup());
        }
        line("Reset '%s' in %d ms: deleted %d rows, re-applied %d pack(s)%s.", result.organization(),
                result.duration().toMillis(), result.deletedRows(), result.reapplied().size(), result.restored().isEmpty() ? ""
                        : ", restored " + result.restored().stream().map(r -> "snapshot '" + r.source() + "' (" + r.restoredRows() + " rows written)")
                        .collect(Collectors.joining(", ")));
        for (ApplyResult applied : result.reapplied()) {
            line("  %s %s as application %s: %d rows (seed %d, anchor %s%s)", applied.packId(), applied.packVersion(),
                    applied.applicationId(), applied.totalRows(), applied.seed(), applied.anchor(),
                    applied.selectedModules().isEmpty() ? "" : ", modules " + String.join(", ", applied.selectedModules()));
        }
        result.reapplied().forEach(applied -> personas(applied.personas()));
    }

    /** Synthetic activity: one line, then one row per pack that posts activity. */
    public void activity(io.seedreset.api.ActivityResult result) {
        if (result.runs().isEmpty()) {
            line("'%s' has no pack that posts activity: nothing posted.", result.organization());
            return;
        }
        line("Activity for '%s', %s to %s, in %d ms: %d rows written, %d rows changed.", result.organization(), result.from(), result.to(),
                result.duration().toMillis(), result.totalRows(), result.changedRows());
        TextTable table = new TextTable("PACK", "STATUS", "DAYS", "ROWS", "CHANGED", "APPLICATION");
        for (io.seedreset.api.ActivityResult.Run run : result.runs()) {
            table.row(run.packId(), run.status().name().toLowerCase(Locale.ROOT), run.days().size(), run.totalRows(), run.changedRows(),
                    run.applicationId() == null ? "-" : run.applicationId());
        }
        table.print(out);
        Map<String, Long> written = new java.util.TreeMap<>();
        result.runs().forEach(run -> run.counts().forEach((t, n) -> written.merge(t, n, Long::sum)));
        if (!written.isEmpty()) {
            blank();
            counts("Rows written", written);
        }
    }

    public void timetravel(io.seedreset.api.TimetravelResult result, boolean dryRun) {
        line("%s'%s': clock %d -> %d month(s) ahead, today %s, in %d ms.", dryRun ? "Dry run (nothing written) of time travel in " : "Time travel in ",
                result.organization(), result.fromMonths(), result.toMonths(), result.today(), result.duration().toMillis());
        if (!result.posted().isEmpty()) {
            TextTable table = new TextTable("PACK", "DAYS", "ROWS", "CHANGED", "APPLICATION");
            for (io.seedreset.api.ActivityResult.Run run : result.posted()) {
                table.row(run.packId(), run.days().size(), run.totalRows(), run.changedRows(), run.applicationId() == null ? "-" : run.applicationId());
            }
            table.print(out);
        }
        if (!result.removed().isEmpty()) {
            line("Tore down %d activity application(s) of the days given back.", result.removed().size());
            counts("Rows deleted", result.deleted());
            if (!result.restored().isEmpty()) {
                blank();
                counts("Rows put back", result.restored());
            }
        }
    }

    public void snapshotCreated(io.seedreset.api.SnapshotInfo snapshot, java.nio.file.Path file) {
        line("Took snapshot '%s' of '%s': %d rows in %d tables, %d bytes compressed%s.", snapshot.name(), snapshot.organization(),
                snapshot.rows(), snapshot.counts().size(), snapshot.bytes(), file == null ? "" : "; written to " + file);
        counts("Rows", snapshot.counts());
    }

    public void snapshots(List<io.seedreset.api.SnapshotInfo> snapshots) {
        if (snapshots.isEmpty()) {
            line("No snapshots.");
            return;
        }
        TextTable table = new TextTable("ORGANIZATION", "NAME", "KIND", "TAKEN", "BY", "ROWS", "BYTES", "SCHEMA", "BASELINE");
        for (io.seedreset.api.SnapshotInfo snapshot : snapshots) {
            table.row(snapshot.organization(), snapshot.name(), snapshot.kind(), snapshot.takenAt(), snapshot.takenBy(), snapshot.rows(),
                    snapshot.bytes(), snapshot.schemaVersion(), snapshot.baseline() ? "yes" : "");
        }
        table.print(out);
    }

    public void restore(io.seedreset.api.RestoreResult result) {
        line("Restored '%s' into '%s' in %d ms: deleted %d rows, wrote %d rows as application %s.", result.source(), result.organization(),
                result.duration().toMillis(), result.deletedRows(), result.restoredRows(), result.application());
        counts("Rows written", result.restored());
        line("The organization's API tokens and sessions were deleted with its rows: '%s' issues new ones.",
                commands.command("tokens", "issue", "--org", result.organization()));
    }

    public void validation(ValidationResult result) {
        if (result.rules().isEmpty()) {
            line("'%s' has no applied pack with validation rules: nothing to check.", result.organization());
            return;
        }
        TextTable table = new TextTable("PACK", "RULE", "RESULT", "EXAMPLE");
        for (ValidationResult.Rule rule : result.rules()) {
            table.row(rule.pack(), rule.name(), rule.passed() ? "ok" : "FAILED", rule.passed() ? null : rule.violations().get(0));
        }
        table.print(out);
        line("%d of %d rules hold in '%s'.", result.rules().size() - result.failed().size(), result.rules().size(),
                result.organization());
    }

    public void history(HistoryResult history) {
        line("Applications (newest first):");
        if (history.applications().isEmpty()) {
            line("  none");
        } else {
            // Seed, anchor, parameters and modules are what reproduces an application exactly.
            TextTable table = new TextTable("APPLIED", "ORG", "PACK", "VERSION", "MODE", "MODULES", "SEED", "ANCHOR", "PARAMETERS", "ROWS",
                    "ACTOR", "STATE", "ID");
            for (ApplicationRecord a : history.applications()) {
                table.row(a.appliedAt(), a.organization(), a.packId(), a.packVersion(), a.mode(),
                        a.selectedModules().isEmpty() ? "all" : String.join(",", a.selectedModules()), a.seed(), a.anchor(),
                        parameters(a.parameters()), a.counts().values().stream().mapToLong(Long::longValue).sum(), a.actor(),
                        a.active() ? "active" : removed(a.removal()) + " by " + a.removedBy(), a.id());
            }
            table.print(out);
        }
        blank();
        line("Audit (newest first):");
        if (history.audit().isEmpty()) {
            line("  none");
        } else {
            TextTable table = new TextTable("AT", "ACTOR", "OPERATION", "ORG", "PACK", "OUTCOME", "MESSAGE");
            for (AuditEntry e : history.audit()) {
                table.row(e.startedAt(), e.actor(), e.operation().label(), e.organization(),
                        e.packId() == null ? null : e.packId() + " " + e.packVersion(),
                        e.outcome() == AuditOutcome.STARTED ? "started (never finished)" : e.outcome().label(), e.message());
            }
            table.print(out);
        }
    }

    /**
     * API tokens just issued, each shown this once (only their hashes are kept), and the command
     * that issues new ones when they are lost. Nothing when none were issued.
     */
    public void apiTokens(String organization, List<ApiTokens.Issued> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        blank();
        line("API tokens, for 'Authorization: Bearer <token>' (shown this once: only their hashes are kept; '%s' revokes them and issues new ones):",
                commands.command("tokens", "issue", "--org", organization));
        TextTable table = new TextTable("EMAIL", "ROLE", "TOKEN");
        tokens.forEach(t -> table.row(t.email(), t.role(), t.token()));
        table.print(out);
    }

    /** After an apply that changed nothing: the logins' tokens were shown when it was applied. */
    public void apiTokensKept(String organization) {
        line("Their API tokens were shown when it was applied; '%s' revokes them and issues new ones.",
                commands.command("tokens", "issue", "--org", organization));
    }

    /** The logins a pack created: who to sign in as to show what. */
    private void personas(List<Persona> personas) {
        if (personas.isEmpty()) {
            return;
        }
        blank();
        line("Logins:");
        TextTable table = new TextTable("NAME", "ROLE", "EMAIL", "PASSWORD", "SHOWS");
        personas.forEach(p -> table.row(p.name(), p.role(), p.email(), p.password(), p.description()));
        table.print(out);
    }

    private void counts(String heading, Map<String, Long> counts) {
        TextTable table = new TextTable("TABLE", heading.toUpperCase(Locale.ROOT));
        counts.forEach(table::row);
        table.print(out);
    }

    private static String parameters(Map<String, Object> parameters) {
        return parameters.isEmpty() ? "none" : parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    /** How a removal reads after "STATE": torn down, reset or replaced by someone. */
    private static String removed(ApplicationRecord.Removal removal) {
        return switch (removal) {
            case TEARDOWN -> "torn down";
            case RESET -> "reset";
            case REPLACE -> "replaced";
            case RESTORE -> "replaced by a restore";
        };
    }

    /** An organization's mailbox, newest first. */
    public void mailbox(String organization, boolean production, List<Mailbox.Entry> messages) {
        line("Mailbox of '%s', newest first (%s):", organization, production
                ? "a production organization: its mail is sent over SMTP by 'seedreset serve --smtp-host'"
                : "not production: its mail is captured here and never sent");
        if (messages.isEmpty()) {
            line("  none");
            return;
        }
        TextTable table = new TextTable("TIME", "KIND", "TO", "SUBJECT", "STATUS");
        messages.forEach(m -> table.row(m.createdAt(), m.kind(), m.recipient(), m.subject(),
                m.lastError() == null ? m.status() : m.status() + " after " + m.attempts() + " attempt(s): " + m.lastError()));
        table.print(out);
    }

    /** The staff, revoked members included. */
    public void staff(List<io.seedreset.platform.staff.Staff.Member> members) {
        if (members.isEmpty()) {
            line("No staff yet: 'seedreset staff create <name>' creates a member and prints their token.");
            return;
        }
        TextTable table = new TextTable("NAME", "STATE", "CREATED", "CREATED BY", "REVOKED");
        members.forEach(m -> table.row(m.name(), m.active() ? "active" : "revoked", m.createdAt().truncatedTo(ChronoUnit.SECONDS), m.createdBy(),
                m.active() ? "-" : m.revokedAt().truncatedTo(ChronoUnit.SECONDS)));
        table.print(out);
    }

    /** Scheduled jobs: what runs when on which organization, and how its last attempt went. */
    public void schedules(List<io.seedreset.platform.schedule.Schedules.Entry> entries) {
        if (entries.isEmpty()) {
            line("No schedules: 'seedreset schedule set --org <slug> --job reset --confirm <slug>' resets an organization nightly.");
            return;
        }
        TextTable table = new TextTable("JOB", "ORGANIZATION", "KIND", "WHEN", "NEXT RUN", "LAST RESULT", "LAST RUN");
        entries.forEach(e -> table.row(e.job(), e.organization() == null ? "(all)" : e.organization(),
                e.organizationKind() == null ? "-" : e.organizationKind(), e.timing(),
                e.running() ? "running" : e.nextRun().truncatedTo(ChronoUnit.SECONDS),
                e.lastRun() == null ? "-" : e.lastRun().outcome() + (e.lastRun().attempt() > 1 ? " (attempt " + e.lastRun().attempt() + ")" : "")
                        + ": " + e.lastRun().message(),
                e.lastRun() == null ? "-" : e.lastRun().finishedAt().truncatedTo(ChronoUnit.SECONDS)));
        table.print(out);
    }

    /** An organization's usage: requests per module, route, persona and day. */
    public void usage(UsageReport report, boolean production) {
        line("Usage of '%s' from %s to %s (UTC): %d request(s).", report.organization(), report.from(), report.to(), report.total());
        if (production) {
            line("  '%s' is a production organization: its requests are not counted.", report.organization());
            return;
        }
        if (report.rows().isEmpty()) {
            line("  none");
            return;
        }
        TextTable table = new TextTable("MODULE", "ROUTE", "PERSONA", "DAY", "REQUESTS");
        report.rows().forEach(row -> table.row(row.module(), row.route(), row.persona(), row.day(), row.count()));
        table.print(out);
    }

    /** Each API module's state in an organization, after the switches just made. */
    public void modules(String organization, boolean production, Map<String, Boolean> switched, List<ModuleFlags.State> states) {
        switched.forEach((module, on) -> line("Switched %s %s for '%s'.", module, on ? "on" : "off", organization));
        line("Modules of '%s' (%s):", organization, production ? "production" : "not production: unstable modules are off unless switched on");
        if (states.isEmpty()) {
            line("  none");
            return;
        }
        TextTable table = new TextTable("MODULE", "STATE", "WHY");
        states.forEach(state -> table.row(state.module(), state.enabled() ? "on" : "off",
                state.switched() ? "switched " + (state.enabled() ? "on" : "off")
                        : state.unstable() ? "unstable (in beta): " + (state.enabled() ? "on in production" : "off unless switched on")
                        : "stable: on unless switched off"));
        table.print(out);
    }
}
