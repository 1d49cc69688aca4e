package io.seedreset.cli;

import io.seedreset.api.ApplyResult;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.cli.output.ResultPrinter;
import io.seedreset.pack.Persona;
import io.seedreset.platform.identity.ApiTokens;
import io.seedreset.platform.identity.Person;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code seedreset tokens issue}: long-lived API tokens for an organization's personas (or for the
 * people named), each shown once; the people's earlier API tokens stop answering. Apply and reset
 * issue them too ({@link #afterApply}).
 */
@Command(name = "tokens", mixinStandardHelpOptions = true, description = "Issue API tokens for an organization's personas.",
        subcommands = {TokensCommand.Issue.class})
final class TokensCommand {

    @ParentCommand
    SeedresetCommand root;

    /** What {@code tokens issue --json} prints. */
    record TokensResult(String organization, List<ApiTokens.Issued> apiTokens) {
    }

    @Command(name = "issue", mixinStandardHelpOptions = true,
            description = {"Revoke the API tokens of an organization's personas and issue new ones, shown once (only their hashes are kept).",
                    "Without --email: every persona of the packs applied to the organization (the logins apply printed). "
                            + "With --email: those people, personas or not, in any organization (production too)."})
    static final class Issue implements Callable<Integer> {

        @ParentCommand
        TokensCommand tokens;

        @Option(names = "--org", required = true, paramLabel = "<slug>", description = "organization slug")
        String organization;

        @Option(names = "--email", paramLabel = "E", description = "a person of the organization (repeatable; default: every persona)")
        List<String> emails;

        @Override
        public Integer call() {
            SeedresetCommand root = tokens.root;
            // Refuses an unknown organization (and a database that is not initialised) before anything is written.
            List<Persona> personas = root.seedReset().personas(organization);
            List<String> wanted = emails == null || emails.isEmpty() ? personas.stream().map(Persona::email).toList() : emails;
            if (wanted.isEmpty()) {
                throw new SeedResetException(Reason.INVALID_VALUE, "organization '" + organization + "' has no personas (no pack that"
                        + " creates logins is applied to it): give --email to issue a token for one of its people",
                        Map.of(SeedResetException.ORGANIZATION, organization));
            }
            if (emails != null) {
                for (String email : emails) {
                    refuseUnusable(person(root, email), email);
                }
            }
            List<ApiTokens.Issued> issued = root.issueApiTokens(organization, wanted);
            if (issued.isEmpty()) {
                throw new SeedResetException(Reason.INVALID_VALUE, "none of the personas of '" + organization + "' can sign in"
                        + " (deactivated or gone): no token was issued", Map.of(SeedResetException.ORGANIZATION, organization));
            }
            if (!root.printedJson(new TokensResult(organization, issued))) {
                ResultPrinter printer = root.printer();
                printer.line("Issued %d API token(s) in '%s'; the earlier API tokens of these people no longer answer.", issued.size(),
                        organization);
                printer.apiTokens(organization, issued);
            }
            return ExitCodes.OK;
        }

        private Optional<Person> person(SeedresetCommand root, String email) {
            try {
                return root.apiTokens().person(organization, email);
            } catch (SQLException e) {
                throw new SeedResetException(Reason.DATABASE_ERROR, "looking up '" + email + "' in '" + organization + "' failed: "
                        + e.getMessage(), Map.of(SeedResetException.ORGANIZATION, organization,
                        SeedResetException.SQL_STATE, String.valueOf(e.getSQLState())), e);
            }
        }

        private void refuseUnusable(Optional<Person> person, String email) {
            if (person.isEmpty()) {
                throw new SeedResetException(Reason.INVALID_VALUE, "nobody in organization '" + organization + "' has the email '" + email
                        + "': no token was issued", Map.of(SeedResetException.ORGANIZATION, organization, SeedResetException.VALUE, email));
            }
            if (!person.get().active()) {
                throw new SeedResetException(Reason.INVALID_VALUE, "the account " + person.get().email() + " of '" + organization
                        + "' is deactivated, so a token of it would not answer: no token was issued",
                        Map.of(SeedResetException.ORGANIZATION, organization, SeedResetException.VALUE, email));
            }
        }
    }

    /** After an apply that wrote its rows: an API token for each persona it created. None for an apply that changed nothing. */
    static List<ApiTokens.Issued> afterApply(SeedresetCommand root, ApplyResult result) {
        return result.status() == ApplyResult.Status.UNCHANGED ? List.of()
                : root.issueApiTokens(result.organization(), result.personas().stream().map(Persona::email).toList());
    }

    /** The apply, its logins and the tokens issued for them (or, when it changed nothing, where they went). */
    static void printApply(ResultPrinter printer, ApplyResult result, List<ApiTokens.Issued> tokens) {
        printer.apply(result);
        if (result.status() == ApplyResult.Status.UNCHANGED && !result.personas().isEmpty()) {
            printer.apiTokensKept(result.organization());
        }
        printer.apiTokens(result.organization(), tokens);
    }
}
