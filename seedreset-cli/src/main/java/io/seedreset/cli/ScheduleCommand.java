package io.seedreset.cli;

import io.seedreset.platform.schedule.JobCatalogue;
import io.seedreset.platform.schedule.ScheduledJob;
import io.seedreset.platform.schedule.Schedules;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code seedreset schedule}: scheduled jobs per organization, which {@code seedreset serve} runs: a nightly
 * reset, a monthly rotation of the personas' API tokens. A production organization is refused (exit 3) and
 * audited.
 */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = {"Scheduled jobs per organization, run by 'seedreset serve' (once among the servers on one database).",
                "Jobs: reset (default 'nightly 03:00'), rotate-credentials (default 'monthly 1 04:00'), activity (default 'weekly mon 05:00': the last 7 days' synthetic activity). Never on a production organization."},
        subcommands = {ScheduleCommand.ListSchedules.class, ScheduleCommand.Set.class, ScheduleCommand.Clear.class, ScheduleCommand.RunNow.class})
final class ScheduleCommand {

    @ParentCommand
    SeedresetCommand root;

    Schedules schedules() {
        return new Schedules(root.seedReset(), root.dataSource(), Clock.systemUTC(), JobCatalogue.standard(root.uploadStore(null)));
    }

    /** The job names, for --help and completion: whatever the catalogue holds. */
    static final class JobNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            // Only the names are read: the purge's folder does not matter here.
            return JobCatalogue.standard(new io.seedreset.platform.uploads.UploadStore(java.nio.file.Path.of("."))).jobs().stream()
                    .map(ScheduledJob::name).iterator();
        }
    }

    /** Whom a schedule is of, as its lines say: {@code 'acme-demo' (demo)}, or the whole database. */
    static String of(Schedules.Entry entry) {
        return entry.organization() == null ? "the whole database" : "'" + entry.organization() + "' (" + entry.organizationKind() + ")";
    }

    /** What {@code schedule list --json} prints. */
    record Listing(List<Schedules.Entry> schedules) {
    }

    /** The options every change of a schedule takes: the organization, the job and the typed slug. */
    static final class Target {

        @Option(names = "--org", paramLabel = "<slug>", description = "organization slug (required, but for a job of the whole database)")
        String organization;

        @Option(names = "--job", required = true, paramLabel = "<job>", completionCandidates = JobNames.class,
                description = "the job: ${COMPLETION-CANDIDATES}")
        String job;

        @Mixin
        Confirmation confirmation;

        /** The slug typed to confirm; a job of the whole database is confirmed by its name. */
        String confirm(String verb) {
            return confirmation.obtain(verb, organization == null ? job : organization);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the schedules: job, organization and its kind, timing, next run, and the last attempt's result and time.")
    static final class ListSchedules implements Callable<Integer> {

        @ParentCommand
        ScheduleCommand parent;

        @Option(names = "--org", paramLabel = "<slug>", description = "only this organization's")
        String organization;

        @Override
        public Integer call() {
            List<Schedules.Entry> entries = parent.schedules().list(organization);
            if (!parent.root.printedJson(new Listing(entries))) {
                parent.root.printer().schedules(entries);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = {"Schedule a job for an organization, replacing its schedule of that job if it had one.",
                    "--at: 'nightly HH:MM' (or 'daily HH:MM'), 'weekly DAY HH:MM' (DAY mon-sun), 'monthly D HH:MM' (D 1-28),"
                            + " 'every N(m|h|d)' (after the previous run finished) or 'cron S M H DOM MON DOW' (six fields, seconds first)."})
    static final class Set implements Callable<Integer> {

        @ParentCommand
        ScheduleCommand parent;

        @Mixin
        Target target;

        @Option(names = "--at", paramLabel = "<when>", description = "when it runs (default: the job's, see 'seedreset schedule --help')")
        String at;

        @Option(names = "--zone", paramLabel = "<zone>", description = "the time zone of --at, e.g. Europe/Paris (default: UTC)")
        String zone;

        @Override
        public Integer call() {
            SeedresetCommand root = parent.root;
            Schedules.Entry entry = parent.schedules().set(root.actor, target.organization, target.job, at, zone,
                    target.confirm("Scheduling a job of"));
            if (!root.printedJson(entry)) {
                root.printer().line("Scheduled %s of %s: %s; next run %s. 'seedreset serve' runs it.", entry.job(), of(entry),
                        entry.timing(), entry.nextRun());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "clear", mixinStandardHelpOptions = true, description = "Remove an organization's schedule of a job.")
    static final class Clear implements Callable<Integer> {

        @ParentCommand
        ScheduleCommand parent;

        @Mixin
        Target target;

        @Override
        public Integer call() {
            SeedresetCommand root = parent.root;
            parent.schedules().clear(root.actor, target.organization, target.job,
                    target.confirm("Clearing a schedule of"));
            if (!root.printedJson(new Listing(parent.schedules().list(target.organization)))) {
                root.printer().line("Cleared the %s schedule of %s.", target.job,
                        target.organization == null ? "the whole database" : "'" + target.organization + "'");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "run-now", mixinStandardHelpOptions = true,
            description = {"Make an organization's scheduled job due now: the next look of a running 'seedreset serve' (every 10 s) runs it,",
                    "as a scheduled run (retried on failure, shown by 'schedule list'); then it follows its timing again."})
    static final class RunNow implements Callable<Integer> {

        @ParentCommand
        ScheduleCommand parent;

        @Mixin
        Target target;

        @Override
        public Integer call() {
            SeedresetCommand root = parent.root;
            Schedules.Entry entry = parent.schedules().runNow(root.actor, target.organization, target.job,
                    target.confirm("Running a job of"));
            if (!root.printedJson(entry)) {
                root.printer().line("The %s of %s is due now: a running 'seedreset serve' runs it within %d s;"
                                + " 'seedreset schedule list%s' shows its result.", entry.job(), of(entry),
                        Schedules.Settings.DEFAULT.pollingInterval().toSeconds(), entry.organization() == null ? "" : " --org " + entry.organization());
            }
            return ExitCodes.OK;
        }
    }
}
