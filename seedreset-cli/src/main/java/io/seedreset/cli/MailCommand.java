package io.seedreset.cli;

import io.seedreset.api.Organization;
import io.seedreset.platform.mail.Mailbox;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "mail", mixinStandardHelpOptions = true,
        description = {"An organization's mailbox, newest first: the mail the platform sent on its people's behalf.",
                "A demo, qa or sandbox organization's mail is captured here and never sent; a production organization's is sent over SMTP"
                        + " by 'seedreset serve --smtp-host' (pending until then, sent, or failed after its last attempt)."})
final class MailCommand implements Callable<Integer> {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    @ParentCommand
    SeedresetCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--org", paramLabel = "<slug>", required = true, description = "the organization")
    String organization;

    @Option(names = "--limit", paramLabel = "N", description = "at most N messages (1 to " + MAX_LIMIT + ", default " + DEFAULT_LIMIT + ")")
    int limit = DEFAULT_LIMIT;

    /** The mailbox as --json prints it. */
    record Listing(String organization, boolean production, List<Mailbox.Entry> messages) {
    }

    @Override
    public Integer call() throws SQLException {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ParameterException(spec.commandLine(), "--limit " + limit + ": a mailbox page holds 1 to " + MAX_LIMIT + " messages");
        }
        Organization org = root.organization(organization);
        Listing listing = new Listing(org.slug(), org.production(), Mailbox.list(root.dataSource(), org.id(), limit));
        if (!root.printedJson(listing)) {
            root.printer().mailbox(listing.organization(), listing.production(), listing.messages());
        }
        return ExitCodes.OK;
    }
}
