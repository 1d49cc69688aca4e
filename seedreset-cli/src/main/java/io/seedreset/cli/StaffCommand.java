package io.seedreset.cli;

import io.seedreset.platform.staff.Staff;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code seedreset staff}: the staff who use the admin API and the console of {@code seedreset serve}.
 * A member's token is printed once, at creation; only its hash is kept.
 */
@Command(name = "staff", mixinStandardHelpOptions = true,
        description = "Staff who run demo tenants through the admin API and the console of 'seedreset serve'.",
        subcommands = {StaffCommand.Create.class, StaffCommand.ListMembers.class, StaffCommand.Revoke.class})
final class StaffCommand {

    @ParentCommand
    SeedresetCommand root;

    Staff staff() {
        return new Staff(root.dataSource(), Clock.systemUTC());
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a staff member and print their token, once (only its hash is kept): 'Authorization: Bearer <token>'"
                    + " on /api/admin/v1, or the console's sign-in.")
    static final class Create implements Callable<Integer> {

        @ParentCommand
        StaffCommand parent;

        @Parameters(paramLabel = "<name>", description = "the member's name, as the audit records what they do (staff:<name>)")
        String name;

        @Override
        public Integer call() {
            SeedresetCommand root = parent.root;
            Staff.Created created = parent.staff().create(name, root.actor);
            if (!root.printedJson(created)) {
                root.printer().line("Created staff member '%s'. Their token, shown this once (only its hash is kept):", created.member().name());
                root.printer().line("  %s", created.token());
                root.printer().line("Send it as 'Authorization: Bearer <token>' to /api/admin/v1, or paste it into the console's sign-in."
                        + " 'seedreset staff revoke \"%s\"' stops it.", created.member().name());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the staff, revoked members included.")
    static final class ListMembers implements Callable<Integer> {

        @ParentCommand
        StaffCommand parent;

        /** What {@code staff list --json} prints. */
        record Listing(List<Staff.Member> staff) {
        }

        @Override
        public Integer call() {
            SeedresetCommand root = parent.root;
            List<Staff.Member> members = parent.staff().list();
            if (!root.printedJson(new Listing(members))) {
                root.printer().staff(members);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a staff member's token: it stops answering at once.")
    static final class Revoke implements Callable<Integer> {

        @ParentCommand
        StaffCommand parent;

        @Parameters(paramLabel = "<name>", description = "the member's name (compared without case)")
        String name;

        @Override
        public Integer call() {
            SeedresetCommand root = parent.root;
            Staff.Member revoked = parent.staff().revoke(name);
            if (!root.printedJson(revoked)) {
                root.printer().line("Revoked staff member '%s': their token no longer answers.", revoked.name());
            }
            return ExitCodes.OK;
        }
    }
}
