package io.seedreset.cli.output;

import io.seedreset.api.ApplicationRecord;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.AuditEntry;
import io.seedreset.api.HistoryResult;
import io.seedreset.api.PlanResult;
import io.seedreset.api.ResetResult;
import io.seedreset.api.TeardownResult;
import io.seedreset.api.ValidationResult;
import io.seedreset.pack.Persona;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How results read on a terminal. JSON output is the result objects themselves ({@link Json}). */
public final class ResultPrinter {

    /** Sample rows show the first columns that read as data; ids are in the JSON output. */
    private static final int SAMPLE_COLUMNS = 6;

    private final PrintWriter out;

    public ResultPrinter(PrintWriter out) {
        this.out = out;
    }

    public void plan(PlanResult plan) {
        out.printf("Plan: %s %s for '%s' (mode %s, seed %d, anchor %s)%n", plan.packId(), plan.packVersion(),
                plan.organization(), plan.mode(), plan.seed(), plan.anchor());
        out.printf("Modules: %s%n", String.join(", ", plan.modules()));
        out.printf("Parameters: %s%n%n", parameters(plan.parameters()));
        counts("Rows to write", plan.counts());
        if (!plan.updates().isEmpty()) {
            out.println();
            counts("Rows to change (teardown restores them)", plan.updates());
        }
        out.println();
        for (Map.Entry<String, List<Map<String, String>>> samples : plan.samples().entrySet()) {
            out.printf("Sample %s:%n", samples.getKey());
            List<String> columns = samples.getValue().get(0).keySet().stream()
                    .filter(c -> !c.equals("id") && !c.endsWith("_id")).limit(SAMPLE_COLUMNS).toList();
            TextTable table = new TextTable(columns.toArray(String[]::new));
            for (Map<String, String> row : samples.getValue()) {
                table.row(columns.stream().map(row::get).toArray());
            }
            table.print(out);
        }
        if (!plan.totals().isEmpty()) {
            out.println();
            out.println("Expected totals:");
            TextTable totals = new TextTable("TOTAL", "AMOUNT");
            plan.totals().forEach(totals::row);
            totals.print(out);
        }
        personas(plan.personas());
        out.printf("%nPlan hash: %s (%d rows). Nothing was written.%n", plan.planHash(), plan.totalRows());
        out.printf("To apply exactly this plan:%n  seedreset apply %s --org %s --confirm %s --mode %s --seed %d --anchor %s%s --plan-hash %s%n",
                plan.packId(), plan.organization(), plan.organization(), plan.mode(), plan.seed(), plan.anchor(),
                plan.parameters().entrySet().stream().map(e -> " --set " + e.getKey() + "=" + e.getValue()).collect(Collectors.joining()),
                plan.planHash());
    }

    public void apply(ApplyResult result) {
        if (result.status() == ApplyResult.Status.UNCHANGED) {
            out.printf("%s %s is already applied to '%s' with this mode, parameters and seed (application %s): nothing to do.%n",
                    result.packId(), result.packVersion(), result.organization(), result.applicationId());
            personas(result.personas());
            return;
        }
        if (!result.replaced().isEmpty()) {
            out.printf("Replaced application(s) %s.%n", result.replaced().stream().map(Object::toString).collect(Collectors.joining(", ")));
        }
        out.printf("Applied %s %s to '%s' as application %s: %d rows in %d ms (seed %d, anchor %s, plan hash %s).%n",
                result.packId(), result.packVersion(), result.organization(), result.applicationId(), result.totalRows(),
                result.duration().toMillis(), result.seed(), result.anchor(), result.planHash());
        counts("Rows written", result.counts());
        if (!result.updates().isEmpty()) {
            out.println();
            counts("Rows changed", result.updates());
        }
        personas(result.personas());
    }

    public void teardown(TeardownResult result) {
        if (result.applications().isEmpty()) {
            out.printf("'%s' has no seeded applications: nothing to tear down.%n", result.organization());
            return;
        }
        out.printf("Tore down %d application(s) in '%s': %d rows deleted in %d ms.%n", result.applications().size(),
                result.organization(), result.totalRows(), result.duration().toMillis());
        counts("Rows deleted", result.deleted());
        if (!result.restored().isEmpty()) {
            out.println();
            counts("Rows restored (as before the scenario changed them)", result.restored());
        }
    }

    public void reset(ResetResult result) {
        out.printf("Reset '%s' in %d ms: deleted %d rows, re-applied %d pack(s).%n", result.organization(),
                result.duration().toMillis(), result.deletedRows(), result.reapplied().size());
        for (ApplyResult applied : result.reapplied()) {
            out.printf("  %s %s as application %s: %d rows (seed %d, anchor %s)%n", applied.packId(), applied.packVersion(),
                    applied.applicationId(), applied.totalRows(), applied.seed(), applied.anchor());
        }
        result.reapplied().forEach(applied -> personas(applied.personas()));
    }

    public void validation(ValidationResult result) {
        if (result.rules().isEmpty()) {
            out.printf("'%s' has no applied pack with validation rules: nothing to check.%n", result.organization());
            return;
        }
        TextTable table = new TextTable("PACK", "RULE", "RESULT", "EXAMPLE");
        for (ValidationResult.Rule rule : result.rules()) {
            table.row(rule.pack(), rule.name(), rule.passed() ? "ok" : "FAILED", rule.passed() ? null : rule.violations().get(0));
        }
        table.print(out);
        out.printf("%d of %d rules hold in '%s'.%n", result.rules().size() - result.failed().size(), result.rules().size(),
                result.organization());
    }

    public void history(HistoryResult history) {
        out.println("Applications (newest first):");
        if (history.applications().isEmpty()) {
            out.println("  none");
        } else {
            // Seed, anchor and parameters are what reproduces an application exactly.
            TextTable table = new TextTable("APPLIED", "ORG", "PACK", "VERSION", "MODE", "SEED", "ANCHOR", "PARAMETERS", "ROWS",
                    "ACTOR", "STATE", "ID");
            for (ApplicationRecord a : history.applications()) {
                table.row(a.appliedAt(), a.organization(), a.packId(), a.packVersion(), a.mode(), a.seed(), a.anchor(),
                        parameters(a.parameters()), a.counts().values().stream().mapToLong(Long::longValue).sum(), a.actor(),
                        a.active() ? "active" : a.removal() + " by " + a.removedBy(), a.id());
            }
            table.print(out);
        }
        out.println();
        out.println("Audit (newest first):");
        if (history.audit().isEmpty()) {
            out.println("  none");
        } else {
            TextTable table = new TextTable("AT", "ACTOR", "OPERATION", "ORG", "PACK", "OUTCOME", "MESSAGE");
            for (AuditEntry e : history.audit()) {
                table.row(e.startedAt(), e.actor(), e.operation(), e.organization(),
                        e.packId() == null ? null : e.packId() + " " + e.packVersion(),
                        e.outcome().equals("started") ? "started (never finished)" : e.outcome(), e.message());
            }
            table.print(out);
        }
    }

    /** The logins a pack created: who to sign in as to show what. */
    private void personas(List<Persona> personas) {
        if (personas.isEmpty()) {
            return;
        }
        out.println();
        out.println("Logins:");
        TextTable table = new TextTable("NAME", "ROLE", "EMAIL", "PASSWORD", "SHOWS");
        personas.forEach(p -> table.row(p.name(), p.role(), p.email(), p.password(), p.description()));
        table.print(out);
    }

    private void counts(String heading, Map<String, Long> counts) {
        TextTable table = new TextTable("TABLE", heading.toUpperCase(java.util.Locale.ROOT));
        counts.forEach(table::row);
        table.print(out);
    }

    private static String parameters(Map<String, Object> parameters) {
        return parameters.isEmpty() ? "none" : parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
