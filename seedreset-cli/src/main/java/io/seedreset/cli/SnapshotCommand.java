package io.seedreset.cli;

import io.seedreset.api.RemovalPreview;
import io.seedreset.api.RestoreRequest;
import io.seedreset.api.RestoreResult;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.SnapshotInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = {"Take, list, export, restore and delete snapshots: an organization's whole state (every tenant table, rows"
                + " people created included), kept in the database or in a portable file.",
                "A restore makes a non-production organization exactly that state in one transaction; its rows go to the ledger,"
                        + " so teardown and reset work on them."},
        subcommands = {SnapshotCommand.Create.class, SnapshotCommand.ListSnapshots.class, SnapshotCommand.Export.class,
                SnapshotCommand.Restore.class, SnapshotCommand.Delete.class})
final class SnapshotCommand {

    @ParentCommand
    SeedresetCommand root;

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Take a snapshot of a non-production organization and keep it in the database (and in a file with --out).")
    static final class Create implements Callable<Integer> {

        @ParentCommand
        SnapshotCommand snapshot;

        @Option(names = "--org", required = true, paramLabel = "<slug>", description = "organization slug")
        String organization;

        @Option(names = "--name", required = true, paramLabel = "<name>",
                description = "1-63 lowercase letters, digits, '.', '_' or '-', unique in the organization")
        String name;

        @Option(names = "--out", paramLabel = "<file>", description = "also write it to this file (a zip; refused if the file exists)")
        Path out;

        @Override
        public Integer call() {
            if (out != null) {
                refuseExisting(out);
            }
            SnapshotInfo created = snapshot.root.seedReset().createSnapshot(organization, name);
            if (out != null) {
                export(snapshot.root, organization, name, out);
            }
            if (!snapshot.root.printedJson(created)) {
                snapshot.root.printer().snapshotCreated(created, out);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List snapshots, newest first.")
    static final class ListSnapshots implements Callable<Integer> {

        @ParentCommand
        SnapshotCommand snapshot;

        @Option(names = "--org", paramLabel = "<slug>", description = "only this organization's (default: every organization's)")
        String organization;

        @Override
        public Integer call() {
            List<SnapshotInfo> snapshots = snapshot.root.seedReset().snapshots(organization);
            if (!snapshot.root.printedJson(snapshots)) {
                snapshot.root.printer().snapshots(snapshots);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write a stored snapshot to a file, to restore in another installation.")
    static final class Export implements Callable<Integer> {

        @ParentCommand
        SnapshotCommand snapshot;

        @Option(names = "--org", required = true, paramLabel = "<slug>", description = "the organization the snapshot was taken of")
        String organization;

        @Option(names = "--name", required = true, paramLabel = "<name>", description = "the snapshot's name")
        String name;

        @Option(names = "--out", required = true, paramLabel = "<file>", description = "the file to write (refused if it exists)")
        Path out;

        @Override
        public Integer call() {
            refuseExisting(out);
            export(snapshot.root, organization, name, out);
            if (!snapshot.root.printedJson(Map.of("organization", organization, "snapshot", name, "file", out.toString()))) {
                snapshot.root.printer().line("Wrote snapshot '%s' of '%s' to %s.", name, organization, out);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = {"Make a non-production organization exactly a snapshot's state: everything in it is deleted (rows people"
                    + " created too), then the snapshot's rows are written, in one transaction.",
                    "A file from another installation must come from the same schema version; a damaged or altered file is refused"
                            + " and nothing is written."})
    static final class Restore implements Callable<Integer> {

        @ParentCommand
        SnapshotCommand snapshot;

        @Option(names = "--org", required = true, paramLabel = "<slug>", description = "the organization to restore into")
        String organization;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;

        static final class Source {
            @Option(names = "--name", paramLabel = "<name>", description = "a stored snapshot")
            String name;

            @Option(names = "--from", paramLabel = "<file>", description = "a snapshot file")
            Path file;
        }

        @Option(names = "--of", paramLabel = "<slug>", description = "with --name: the organization the snapshot was taken of (default: --org)")
        String of;

        @Mixin
        Confirmation confirmation;

        @Option(names = "--dry-run", description = "show, per table, what would be deleted and written, and the rows people created;"
                + " writes nothing and needs no --confirm (refused on production all the same)")
        boolean dryRun;

        @Override
        public Integer call() {
            RestoreRequest request = source.file != null ? RestoreRequest.file(organization, source.file)
                    : RestoreRequest.snapshot(organization, source.name).of(of);
            if (dryRun) {
                RemovalPreview preview = snapshot.root.seedReset().previewRestore(request);
                if (!snapshot.root.printedJson(preview)) {
                    snapshot.root.printer().preview(preview);
                }
                return ExitCodes.OK;
            }
            RestoreResult result = snapshot.root.seedReset().restore(request.confirm(confirmation.obtain("Restoring into", organization)));
            if (!snapshot.root.printedJson(result)) {
                snapshot.root.printer().restore(result);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a stored snapshot (refused while it is a baseline or restored in an organization).")
    static final class Delete implements Callable<Integer> {

        @ParentCommand
        SnapshotCommand snapshot;

        @Option(names = "--org", required = true, paramLabel = "<slug>", description = "the organization the snapshot was taken of")
        String organization;

        @Option(names = "--name", required = true, paramLabel = "<name>", description = "the snapshot's name")
        String name;

        @Mixin
        Confirmation confirmation;

        @Override
        public Integer call() {
            SnapshotInfo deleted = snapshot.root.seedReset().deleteSnapshot(organization, name,
                    confirmation.obtain("Deleting snapshot '" + name + "' of", organization));
            if (!snapshot.root.printedJson(deleted)) {
                snapshot.root.printer().line("Deleted snapshot '%s' of '%s'.", deleted.name(), deleted.organization());
            }
            return ExitCodes.OK;
        }
    }

    private static void refuseExisting(Path file) {
        if (Files.exists(file)) {
            throw new SeedResetException(SeedResetException.Reason.ALREADY_EXISTS, file + " exists: choose another file or remove it first",
                    Map.of(SeedResetException.VALUE, file.toString()));
        }
    }

    /** Writes next to the file and moves it in place, so an interrupted export leaves no half a file under its name. */
    private static void export(SeedresetCommand root, String organization, String name, Path out) {
        Path absolute = out.toAbsolutePath();
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        try {
            try (OutputStream stream = Files.newOutputStream(partial)) {
                root.seedReset().exportSnapshot(organization, name, stream);
            }
            Files.move(partial, absolute, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            throw new SeedResetException(SeedResetException.Reason.ALREADY_EXISTS, out + " exists: choose another file or remove it first",
                    Map.of(SeedResetException.VALUE, out.toString()));
        } catch (IOException e) {
            throw new SeedResetException(SeedResetException.Reason.FILE_ERROR, "writing " + out + " failed: " + e.getMessage(),
                    Map.of(SeedResetException.VALUE, out.toString()), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // best effort: the partial file is named as such
            }
        }
    }
}
