package io.seedreset.cli;

import io.seedreset.api.HistoryRequest;
import io.seedreset.api.HistoryResult;
import io.seedreset.cli.output.CommandWords;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Applications and audit entries (refused and failed attempts included), newest first, a page at a time:"
                + " the newest " + HistoryRequest.DEFAULT_LIMIT + " of each unless --limit says otherwise.",
                "When older entries exist, the last line gives the command for the next page (with --json, nextPage holds it)."})
final class HistoryCommand implements Callable<Integer> {

    @ParentCommand
    SeedresetCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--org", paramLabel = "<slug>", description = "only this organization")
    String organization;

    @Option(names = "--limit", paramLabel = "N",
            description = "at most N applications and N audit entries (1 to " + HistoryRequest.MAX_LIMIT + ", default "
                    + HistoryRequest.DEFAULT_LIMIT + ")")
    int limit = HistoryRequest.DEFAULT_LIMIT;

    @Option(names = "--before-application", paramLabel = "SEQ",
            description = "only applications made before the one numbered SEQ (the order they were made in, as the next-page line gives it)")
    Long beforeApplication;

    @Option(names = "--before-entry", paramLabel = "ID",
            description = "only audit entries older than the one numbered ID (its id, as the next-page line gives it)")
    Long beforeEntry;

    @Override
    public Integer call() {
        if (limit < 1 || limit > HistoryRequest.MAX_LIMIT) {
            throw new ParameterException(spec.commandLine(), "--limit " + limit + ": a history page holds 1 to " + HistoryRequest.MAX_LIMIT
                    + " applications and as many audit entries");
        }
        notNegative("--before-application", beforeApplication);
        notNegative("--before-entry", beforeEntry);
        HistoryResult history = root.seedReset().history(new HistoryRequest(organization, limit, beforeApplication, beforeEntry));
        if (!root.printedJson(history)) {
            root.printer().history(history);
            history.next().ifPresent(next -> {
                root.printer().blank();
                root.printer().line("Older entries exist; the next page: %s", command(root.commandWords(), next));
            });
        }
        return ExitCodes.OK;
    }

    private void notNegative(String option, Long value) {
        if (value != null && value < 0) {
            throw new ParameterException(spec.commandLine(), option + " " + value + ": give the number the next-page line gives, 0 or more");
        }
    }

    /** {@code seedreset history ...} for this request, quoted for a shell, on the same database; the default limit is left out. */
    static String command(CommandWords commands, HistoryRequest request) {
        List<String> words = new ArrayList<>(List.of("history"));
        if (request.organization() != null) {
            words.addAll(List.of("--org", request.organization()));
        }
        if (request.limit() != HistoryRequest.DEFAULT_LIMIT) {
            words.addAll(List.of("--limit", String.valueOf(request.limit())));
        }
        if (request.beforeApplication() != null) {
            words.addAll(List.of("--before-application", String.valueOf(request.beforeApplication())));
        }
        if (request.beforeEntry() != null) {
            words.addAll(List.of("--before-entry", String.valueOf(request.beforeEntry())));
        }
        return commands.command(words);
    }
}
