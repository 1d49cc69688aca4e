package io.seedreset.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedreset.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input of every kind, each answered with its documented exit code, exactly one line on
 * stderr, and nothing changed: no row of any table, and at most one audit entry recording the
 * refused or failed attempt (every attempt is audited, by design).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExitCodeCatalogueTest {

    private static final String STARTER = "event-agency-starter";
    private static final String AUDIT = "platform.seed_audit";

    private DataSource dataSource;
    private String url;

    /**
     * One bad input.
     *
     * @param start what stderr starts with, when the case checks the words
     */
    record Case(int exitCode, String start, Map<String, String> environment, List<String> args) {

        @Override
        public String toString() {
            return "exit " + exitCode + ": seedreset " + String.join(" ", args).replace("\n", "\\n").replace("\r", "\\r");
        }
    }

    private static Case exits(int exitCode, String... args) {
        return new Case(exitCode, null, Map.of(), List.of(args));
    }

    private static Case says(int exitCode, String start, String... args) {
        return new Case(exitCode, start, Map.of(), List.of(args));
    }

    static Stream<Case> catalogue() {
        String longName = "x".repeat(200);
        return Stream.of(
                // 2: usage
                says(2, "seedreset: unknown command 'frobnicate': the commands are init, org, packs, plan, apply, teardown, reset, activity, timetravel, snapshot, baseline, "
                        + "import, validate, history, mail, usage, uploads, demo, db, serve, schedule, tokens, staff, install, new-pack, help (see 'seedreset --help')", "frobnicate"),
                says(2, "seedreset: a command is missing: the commands are init, org, packs,"),
                says(2, "seedreset: unknown command 'frob': the commands are create, list, modules (see 'seedreset org --help')", "org", "frob"),
                says(2, "seedreset: a command is missing: the commands are create, list, modules", "org"),
                says(2, "seedreset: a command is missing: the commands are start, status, stop", "db"),
                exits(2, "help", "nope"),
                exits(2, "plan"),
                says(2, "seedreset: unknown pack 'nope'", "plan", "nope", "--org", "acme-demo"),
                says(2, "seedreset: unknown organization 'ghost'", "plan", STARTER, "--org", "ghost"),
                says(2, "seedreset: unknown organization 'ghost\\nseedreset: applied'", "plan", STARTER, "--org", "ghost\nseedreset: applied"),
                says(2, "seedreset: unknown organization 'gh\\rost'", "apply", STARTER, "--org", "gh\rost", "--confirm", "gh\rost"),
                says(2, "seedreset: unknown organization '" + "x".repeat(79) + "…'", "history", "--org", longName),
                exits(2, "plan", STARTER, "--org", "acme-demo", "--org", "acme"),
                exits(2, "plan", STARTER, "--org", "acme-demo", "--mode", "huge"),
                exits(2, "plan", STARTER, "--org", "acme-demo", "--set", "events"),
                exits(2, "plan", STARTER, "--org", "acme-demo", "--set", "events=lots"),
                says(2, "seedreset: parameter 'events' of pack 'event-agency-starter' expects an integer between 1 and 50, got '٣'",
                        "plan", STARTER, "--org", "acme-demo", "--set", "events=٣"),
                says(2, "seedreset: --set events is given twice ('3' and '4'): set each parameter once",
                        "plan", STARTER, "--org", "acme-demo", "--set", "events=3", "--set", "events=4"),
                exits(2, "apply", STARTER, "--org", "acme-demo", "--confirm", "acme-demo", "--set", "vendors=5", "--set", "vendors=6"),
                exits(2, "plan", STARTER, "--org", "acme-demo", "--set", "nope=1"),
                exits(2, "plan", STARTER, "--org", "acme-demo", "--set", "events=100000"),
                new Case(2, "seedreset: environment variable SEED_EVENTS='٣'", Map.of("SEED_EVENTS", "٣"),
                        List.of("plan", STARTER, "--org", "acme-demo")),
                exits(2, "plan", STARTER, "--org", "acme-demo", "--anchor", "yesterday"),
                says(2, "seedreset: anchor '9999-12-31' is out of range: use a date from 1900-01-01 to 2200-12-31",
                        "plan", STARTER, "--org", "acme-demo", "--anchor", "9999-12-31"),
                says(2, "seedreset: anchor '+100000-01-01' is out of range: use a date from 1900-01-01 to 2200-12-31",
                        "apply", STARTER, "--org", "acme-demo", "--confirm", "acme-demo", "--anchor", "+100000-01-01"),
                says(2, "seedreset: anchor '1899-12-31T23:59:59Z' is out of range", "plan", STARTER, "--org", "acme-demo",
                        "--anchor", "1899-12-31T23:59:59Z"),
                says(2, "seedreset: anchor '2201-01-01' is out of range", "reset", "--org", "acme-demo", "--confirm", "acme-demo",
                        "--anchor", "2201-01-01"),
                exits(2, "plan", STARTER, "--org", "acme-demo", "--seed", "abc"),
                says(2, "seedreset: Invalid value for option '--seed': '٣' is not a long (digits 0-9)",
                        "plan", STARTER, "--org", "acme-demo", "--seed", "٣"),
                exits(2, "plan", STARTER, "--org", "acme-demo", "--seed", "99999999999999999999"),
                exits(2, "apply", STARTER, "--org", "acme-demo", "--frobnicate"),
                exits(2, "teardown", "--org", "acme-demo", "--confirm", "acme-demo", "--application", "not-a-uuid"),
                exits(2, "teardown", "--org", "acme-demo", "--confirm", "acme-demo", "--application", "00000000-0000-0000-0000-000000000001"),
                exits(2, "validate"),
                says(2, "seedreset: file /nonexistent/vendors.csv does not exist", "import", "--org", "acme-demo", "--table", "suppliers.vendors",
                        "--from", "/nonexistent/vendors.csv", "--confirm", "acme-demo"),
                says(2, "seedreset: 'suppliers.nope' is not a tenant table", "import", "--org", "acme-demo", "--table", "suppliers.nope",
                        "--from", "/nonexistent/vendors.csv", "--confirm", "acme-demo"),
                exits(2, "import", "--org", "acme-demo", "--table", "suppliers.vendors"),
                exits(2, "org", "create", "x y", "--name", "X", "--kind", "demo"),
                exits(2, "org", "create", "newco", "--name", "X", "--kind", "staging"),
                exits(2, "org", "create"),
                says(2, "seedreset: --actor '' names nobody", "--actor", "", "org", "list"),
                says(2, "seedreset: --actor '  ' names nobody", "apply", STARTER, "--org", "acme-demo", "--confirm", "acme-demo",
                        "--actor", "  "),
                says(2, "seedreset: 'postgres://localhost/x' is not a PostgreSQL JDBC URL", "--url", "postgres://localhost/x", "org", "list"),
                says(2, "seedreset: 'jdbc:mysql://localhost/x' is not a PostgreSQL JDBC URL", "--url", "jdbc:mysql://localhost/x", "init"),
                says(2, "seedreset: 'jdbc:postgresql://localhost:99999/x' is not a PostgreSQL JDBC URL",
                        "--url", "jdbc:postgresql://localhost:99999/x", "org", "list"),
                says(2, "seedreset: 'seedreset db' manages the embedded PostgreSQL", "db", "status"),
                says(2, "seedreset: a command is missing: the commands are issue", "tokens"),
                exits(2, "tokens", "issue"),
                says(2, "seedreset: unknown organization 'ghost'", "tokens", "issue", "--org", "ghost"),
                says(2, "seedreset: organization 'acme' has no personas (no pack that creates logins is applied to it): give --email",
                        "tokens", "issue", "--org", "acme"),
                says(2, "seedreset: nobody in organization 'acme-demo' has the email 'nobody@example.net': no token was issued",
                        "tokens", "issue", "--org", "acme-demo", "--email", "nobody@example.net"),
                says(2, "{\"error\":{\"exitCode\":2,\"kind\":\"usage\",\"reason\":\"invalid_value\",\"message\":\"nobody in organization",
                        "--json", "tokens", "issue", "--org", "acme", "--email", "nobody@example.net"),
                says(2, "seedreset: install links the ./seedreset launcher of a checkout onto your PATH", "install"),
                says(2, "seedreset: unknown organization 'ghost': see 'seedreset org list'", "mail", "--org", "ghost"),
                says(2, "seedreset: --limit 0: a mailbox page holds 1 to 1000 messages", "mail", "--org", "acme-demo", "--limit", "0"),
                says(2, "seedreset: Missing required option: '--org=<slug>'", "mail"),
                says(2, "seedreset: unknown organization 'ghost'", "usage", "--org", "ghost"),
                says(2, "seedreset: --days 0: use 1 to 366", "usage", "--org", "acme-demo", "--days", "0"),
                says(2, "seedreset: a command is missing: the commands are purge", "uploads"),
                says(2, "seedreset: --older-than '0h': give a whole number of minutes, hours or days, e.g. 90m, 48h, 7d", "uploads", "purge",
                        "--older-than", "0h"),
                says(2, "seedreset: --older-than '2 days': give a whole number of minutes, hours or days", "uploads", "purge",
                        "--older-than", "2 days"),
                says(2, "seedreset: unknown organization 'ghost'", "org", "modules", "--org", "ghost", "--disable", "ticketing"),
                says(2, "seedreset: unknown module 'frob': the modules are ", "org", "modules", "--org", "acme-demo", "--enable", "frob"),
                says(2, "seedreset: --smtp-host needs --smtp-from, the address production mail is sent from", "serve", "--smtp-host", "localhost"),
                says(2, "seedreset: --smtp-from 'nobody' is not an email address", "serve", "--smtp-host", "localhost", "--smtp-from", "nobody"),
                says(2, "seedreset: --feedback-webhook: 'ftp://hooks.example/x' is not an http or https URL", "serve",
                        "--feedback-webhook", "ftp://hooks.example/x"),
                says(2, "{\"error\":{\"exitCode\":2,\"kind\":\"usage\",\"reason\":\"invalid_value\",\"message\":\"unknown command 'frob'", "--json", "frob"),
                says(2, "{\"error\":{\"exitCode\":2,\"kind\":\"usage\",\"reason\":\"unknown_pack\",\"message\":\"unknown pack 'nope'", "plan", "nope", "--org",
                        "acme-demo", "--json"),
                says(2, "seedreset: pack id 'Plants' must be 2 to 63 lower-case letters, digits and single dashes", "new-pack", "Plants",
                        "--dir", "/nonexistent/plants"),
                says(2, "seedreset: --package 'com.example.new' is not a Java package name", "new-pack", "plants", "--package", "com.example.new",
                        "--dir", "/nonexistent/plants"),
                exits(2, "new-pack", "plants", "--dir", "."),
                new Case(2, "seedreset: SEEDRESET_PACKS names /nonexistent/plants.jar, which does not exist", Map.of("SEEDRESET_PACKS",
                        "/nonexistent/plants.jar"), List.of("packs")),
                // 3: refused by the boundary
                exits(3, "plan", STARTER, "--org", "acme"),
                exits(3, "apply", STARTER, "--org", "acme", "--confirm", "acme"),
                exits(3, "teardown", "--org", "acme", "--confirm", "acme"),
                exits(3, "reset", "--org", "acme", "--confirm", "acme"),
                exits(3, "validate", "--org", "acme"),
                exits(3, "import", "--org", "acme", "--table", "suppliers.vendors", "--from", "/nonexistent/vendors.csv", "--confirm", "acme"),
                exits(3, "demo", "--org", "acme"),
                // 4: conflict
                says(4, "seedreset: applying to 'acme-demo' needs confirmation", "apply", STARTER, "--org", "acme-demo"),
                exits(4, "apply", STARTER, "--org", "acme-demo", "--confirm", "acme"),
                says(4, "seedreset: pack 'event-agency-starter' 1.0.0 is already applied to 'acme-demo' with another version",
                        "apply", STARTER, "--org", "acme-demo", "--confirm", "acme-demo", "--set", "events=3"),
                exits(4, "apply", STARTER, "--org", "acme-demo", "--confirm", "acme-demo", "--plan-hash", "0000000000000000"),
                exits(4, "apply", "cancelled-event", "--org", "acme-demo", "--confirm", "acme-demo"),
                exits(4, "reset", "--org", "acme-demo", "--confirm", "nope"),
                exits(4, "teardown", "--org", "acme-demo"),
                exits(4, "import", "--org", "acme-demo", "--table", "suppliers.vendors", "--from", "/nonexistent/vendors.csv", "--confirm", "acme"),
                // 1: failure
                says(1, "seedreset: cannot connect to the database: ", "--url", "jdbc:postgresql://127.0.0.1:1/nowhere", "org", "list"),
                exits(1, "--user", "nobody", "org", "list"));
    }

    @BeforeAll
    void anOrganizationWithAnApplicationAndAProductionOne() {
        dataSource = TestDatabases.newDatabase();
        url = TestDatabases.url(dataSource);
        for (String[] setUp : List.of(new String[] {"init"},
                new String[] {"org", "create", "acme-demo", "--name", "Acme Demo", "--kind", "demo"},
                new String[] {"org", "create", "acme", "--name", "Acme"},
                new String[] {"apply", STARTER, "--org", "acme-demo", "--confirm", "acme-demo"})) {
            Cli.Run run = Cli.run(withDatabase(List.of(setUp)));
            assertThat(run.exitCode()).as(run.toString()).isZero();
        }
    }

    @Test
    void the_catalogue_covers_at_least_forty_bad_inputs_and_every_code() {
        assertThat(catalogue().count()).isGreaterThanOrEqualTo(40);
        assertThat(catalogue().map(Case::exitCode).distinct()).containsExactlyInAnyOrder(1, 2, 3, 4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void bad_input_gets_its_exit_code_one_line_and_changes_nothing(Case bad) throws SQLException {
        Map<String, String> before = DatabaseSnapshot.of(dataSource, AUDIT);
        long[] auditBefore = audit();

        Cli.Run run = Cli.run(bad.environment(), withDatabase(bad.args()));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(bad.exitCode());
        assertThat(run.err()).as(run.toString()).endsWith("\n").doesNotContain("\r");
        assertThat(run.err().indexOf('\n')).as("one line: " + run).isEqualTo(run.err().length() - 1);
        if (bad.start() != null) {
            assertThat(run.err()).startsWith(bad.start());
        }
        assertThat(DatabaseSnapshot.of(dataSource, AUDIT)).as("every table but the audit").isEqualTo(before);
        long[] auditAfter = audit();
        assertThat(auditAfter[1]).as("no audit entry of a success").isEqualTo(auditBefore[1]);
        assertThat(auditAfter[0] - auditBefore[0]).as("at most the entry of the refused attempt").isBetween(0L, 1L);
    }

    /** The arguments with this test's database, user and actor, unless the case names its own. */
    private String[] withDatabase(List<String> args) {
        List<String> all = new ArrayList<>();
        if (!args.contains("--url")) {
            all.addAll(List.of("--url", url));
        }
        if (!args.contains("--user")) {
            all.addAll(List.of("--user", "postgres"));
        }
        if (!args.contains("--actor")) {
            all.addAll(List.of("--actor", "catalogue"));
        }
        all.addAll(args);
        return all.toArray(String[]::new);
    }

    /** Audit entries in all, and those of attempts that did not fail, refuse or conflict. */
    private long[] audit() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*), count(*) FILTER (WHERE outcome NOT IN ('refused', 'conflict', 'failed'))"
                     + " FROM " + AUDIT)) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }
}
