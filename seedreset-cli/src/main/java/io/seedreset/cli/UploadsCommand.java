package io.seedreset.cli;

import io.seedreset.platform.uploads.UploadPurge;
import io.seedreset.platform.uploads.UploadStore;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code seedreset uploads}: the files people upload through {@code seedreset serve} (events' images, bills'
 * receipts). {@code purge} deletes demo organizations' old ones; a scheduler runs the same {@link UploadPurge}.
 */
@Command(name = "uploads", mixinStandardHelpOptions = true,
        description = "The files people upload through 'seedreset serve': events' images and bills' receipts.",
        subcommands = {UploadsCommand.Purge.class})
final class UploadsCommand {

    @ParentCommand
    SeedresetCommand root;

    @Command(name = "purge", mixinStandardHelpOptions = true,
            description = {"Delete demo organizations' uploads older than --older-than (rows and files), and the files their folders hold"
                    + " without a row (left by a reset) once over an hour old.",
                    "Never a production organization's, nor a qa or sandbox organization's. Safe to run twice at once."})
    static final class Purge implements Callable<Integer> {

        private static final Pattern AGE = Pattern.compile("([1-9][0-9]{0,5})([mhd])");

        @ParentCommand
        UploadsCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--older-than", paramLabel = "AGE", defaultValue = "48h",
                description = "how old an upload must be to go: minutes, hours or days, e.g. 90m, 48h, 7d (default: ${DEFAULT-VALUE})")
        String olderThan;

        @Option(names = "--uploads-dir", paramLabel = "DIR",
                description = "the uploads directory 'seedreset serve' keeps files in (default: SEEDRESET_UPLOADS_DIR, else beside the"
                        + " embedded database's data directory, ~/.seedreset/pgdata.uploads)")
        Path uploadsDirectory;

        /** What {@code uploads purge --json} prints. */
        record Purged(String uploadsDirectory, String olderThan, Instant cutoff, int organizations, int rows, int files, int orphans) {
        }

        @Override
        public Integer call() throws SQLException, IOException {
            Duration age = age();
            SeedresetCommand root = parent.root;
            UploadStore store = root.uploadStore(uploadsDirectory);
            UploadPurge.Result result = new UploadPurge(root.dataSource(), store, Clock.systemUTC()).purge(age);
            Purged purged = new Purged(store.root().toString(), olderThan, result.cutoff(), result.organizations(), result.rows(),
                    result.files(), result.orphans());
            if (!root.printedJson(purged)) {
                root.printer().line("Purged the uploads created before %s (older than %s) of %d demo organization%s, in %s:",
                        result.cutoff(), olderThan, result.organizations(), result.organizations() == 1 ? "" : "s", store.root());
                root.printer().line("  %d upload%s deleted (%d file%s), and %d file%s left without a row.", result.rows(),
                        result.rows() == 1 ? "" : "s", result.files(), result.files() == 1 ? "" : "s", result.orphans(),
                        result.orphans() == 1 ? "" : "s");
                root.printer().line("Production, qa and sandbox organizations' uploads are never purged.");
            }
            return ExitCodes.OK;
        }

        private Duration age() {
            Matcher matcher = AGE.matcher(olderThan);
            if (!matcher.matches()) {
                throw new ParameterException(spec.commandLine(), "--older-than '" + olderThan
                        + "': give a whole number of minutes, hours or days, e.g. 90m, 48h, 7d");
            }
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
    }
}
