package io.seedreset.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CLI contract: commands, words and exit codes, on a real PostgreSQL. */
class CliTest {

    private Cli.OnDatabase database;
    private String url;
    private DataSource dataSource;

    @BeforeEach
    void freshDatabase() {
        database = Cli.onFreshDatabase("--actor", "cli-test");
        dataSource = database.dataSource();
        url = database.url();
    }

    private Cli.Run seedreset(String... args) {
        return database.run(args);
    }

    private Cli.Run seedreset(Map<String, String> environment, String... args) {
        return database.run(environment, args);
    }

    @Test
    void validate_reports_each_rule_and_exits_1_naming_the_broken_ones() throws Exception {
        initWithOrganizations();
        assertThat(seedreset("validate", "--org", "acme-demo").out()).contains("'acme-demo' has no applied pack with validation rules");
        Cli.Run production = seedreset("validate", "--org", "acme");
        assertThat(production.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(production.err()).startsWith("seedreset: organization 'acme' is a production organization: seed packs never run there");
        seedreset("apply", "event-agency-starter", "--org", "acme-demo", "--confirm", "acme-demo");

        Cli.Run valid = seedreset("validate", "--org", "acme-demo");
        assertThat(valid.exitCode()).as(valid.toString()).isZero();
        assertThat(valid.out()).containsPattern("event-agency-starter +budget total equals the sum of its lines +ok").contains("5 of 5 rules hold in 'acme-demo'.");

        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("UPDATE budget.budgets SET total = total + 1");
        }
        Cli.Run broken = seedreset("validate", "--org", "acme-demo");
        assertThat(broken.exitCode()).as(broken.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(broken.out()).contains("FAILED");
        assertThat(broken.err()).matches("seedreset: organization 'acme-demo' breaks 1 of 5 validation rule\\(s\\): budget total equals the sum of its lines\\n");
        assertThat(seedreset("--json", "validate", "--org", "acme-demo").out()).contains("\"passed\" : false");
    }

    @Test
    void seed_environment_variables_set_pack_parameters_and_set_wins() {
        initWithOrganizations();
        Map<String, String> environment = Map.of("SEED_EVENTS", "2", "SEED_UNRELATED", "x");
        assertThat(seedreset(environment, "plan", "event-agency-starter", "--org", "acme-demo").out()).containsPattern("events\\.events +2\\b");
        assertThat(seedreset(environment, "plan", "event-agency-starter", "--org", "acme-demo", "--set", "events=3").out())
                .containsPattern("events\\.events +3\\b");

        assertThat(seedreset(Map.of("SEED_EVENTS", ""), "plan", "event-agency-starter", "--org", "acme-demo").out())
                .as("set but empty means not set").containsPattern("events\\.events +5\\b");
        Cli.Run bad = seedreset(Map.of("SEED_EVENTS", "many"), "plan", "event-agency-starter", "--org", "acme-demo");
        assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).startsWith("seedreset: environment variable SEED_EVENTS='many': parameter 'events' of pack 'event-agency-starter' ");
    }

    private void initWithOrganizations() {
        assertThat(seedreset("init").exitCode()).isZero();
        assertThat(seedreset("org", "create", "acme-demo", "--name", "Acme Demo", "--kind", "demo").exitCode()).isZero();
        assertThat(seedreset("org", "create", "acme", "--name", "Acme").exitCode()).isZero();
    }

    @Test
    void demo_says_what_it_did_and_not_what_a_plan_would_do() {
        Cli.Run demo = seedreset("demo");
        assertThat(demo.exitCode()).as(demo.toString()).isZero();
        assertThat(demo.out()).containsPattern("^Schema at version \\d+ \\(\\d+ migration\\(s\\) applied now\\); guard triggers on \\d+ tenant tables\\.\n")
                .contains("\nCreated demo organization 'demo' (Harbor & Pine Events).\n", "Sample suppliers.vendors:", "Expected totals:",
                        "\nApplied event-agency-starter 1.0.0 to 'demo'", "suppliers.vendors     12", "Next: ")
                .doesNotContain("Nothing was written", "To apply exactly this plan", "Plan hash:");
        Cli.Run again = seedreset("demo");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("Using the existing demo organization 'demo' (Harbor & Pine Events).",
                "is already applied to 'demo'").doesNotContain("Nothing was written", "Created");
    }

    @Test
    void demo_run_by_the_launcher_says_how_to_type_seedreset_when_it_is_not_on_the_path() {
        Cli.Run demo = seedreset(Map.of(InstallCommand.LAUNCHER_VARIABLE, "/checkout/seedreset", "PATH", "/nonexistent"), "demo");
        assertThat(demo.out()).endsWith("('seedreset' is not on your PATH: type './seedreset' in the checkout, "
                + "or run './seedreset install' once.)\n");
    }

    @Test
    void demo_on_a_qa_or_sandbox_organization_asks_for_confirmation_like_any_apply() {
        initWithOrganizations();
        seedreset("org", "create", "acme-qa", "--name", "Acme QA", "--kind", "qa");
        Cli.Run run = seedreset("demo", "--org", "acme-qa");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(run.err()).contains("applying to 'acme-qa' needs confirmation");
        assertThat(seedreset("demo", "--org", "acme-qa", "--confirm", "acme-qa").exitCode()).isZero();
        assertThat(seedreset("demo", "--org", "acme").exitCode()).as("production").isEqualTo(ExitCodes.REFUSED);
    }

    @Test
    void global_options_are_accepted_after_the_command() {
        initWithOrganizations();
        Cli.Run apply = Cli.run("apply", "event-agency-starter", "--org", "acme-demo", "--confirm", "acme-demo",
                "--url", url, "--user", "postgres", "--actor", "maria.sales");
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(seedreset("history", "--org", "acme-demo").out()).containsPattern("maria.sales +apply +acme-demo");
    }

    @Test
    void history_words_operations_outcomes_and_removals_as_the_options_and_the_json_do() throws Exception {
        initWithOrganizations();
        seedreset("apply", "event-agency-starter", "--org", "acme-demo", "--confirm", "acme-demo", "--seed", "1");
        seedreset("apply", "event-agency-starter", "--org", "acme-demo", "--confirm", "acme-demo", "--seed", "2", "--replace");
        seedreset("teardown", "--org", "acme-demo", "--confirm", "acme-demo");
        assertThat(seedreset("plan", "event-agency-starter", "--org", "acme").exitCode()).isEqualTo(ExitCodes.REFUSED);
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            // An attempt whose process died before it finished.
            statement.execute("INSERT INTO platform.seed_audit (actor, operation, org_slug, outcome) VALUES ('ghost', 'reset', 'acme-demo', 'started')");
        }

        String history = seedreset("history").out();

        assertThat(history).containsPattern("replaced by cli-test").containsPattern("torn down by cli-test")
                .containsPattern("ghost +reset +acme-demo +- +started \\(never finished\\)")
                .containsPattern("cli-test +plan +acme +event-agency-starter 1.0.0 +refused")
                .containsPattern("cli-test +teardown +acme-demo +- +succeeded")
                .doesNotContain("APPLY", "SUCCEEDED", "TEARDOWN", "REPLACE");
    }

    @Test
    void org_create_without_kind_creates_a_production_organization() {
        seedreset("init");
        Cli.Run created = seedreset("org", "create", "bigco", "--name", "Big Co");
        assertThat(created.out()).contains("Created production organization 'bigco' (Big Co): seed packs will never run there.");
        Cli.Run list = seedreset("org", "list");
        assertThat(list.out()).containsPattern("bigco +Big Co +production +yes");
    }

    @Test
    void plan_then_apply_with_the_plan_hash_writes_exactly_the_plan() {
        initWithOrganizations();
        Cli.Run plan = seedreset("plan", "event-agency-starter", "--org", "acme-demo", "--seed", "7", "--anchor", "2026-11-01");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("Nothing was written.", "Expected totals:", "Sample events.events:");
        Matcher hash = Pattern.compile("Plan hash: (\\w+)").matcher(plan.out());
        assertThat(hash.find()).isTrue();

        Cli.Run wrong = seedreset("apply", "event-agency-starter", "--org", "acme-demo", "--confirm", "acme-demo",
                "--seed", "8", "--anchor", "2026-11-01", "--plan-hash", hash.group(1));
        assertThat(wrong.exitCode()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(wrong.err()).startsWith("seedreset: pack 'event-agency-starter' would write other rows than the reviewed plan");

        Cli.Run apply = seedreset("apply", "event-agency-starter", "--org", "acme-demo", "--confirm", "acme-demo",
                "--seed", "7", "--anchor", "2026-11-01", "--plan-hash", hash.group(1));
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.out()).contains("Applied event-agency-starter 1.0.0 to 'acme-demo'", "plan hash " + hash.group(1));
    }

    @Test
    void after_a_scenario_is_applied_its_plan_has_the_applied_hash_and_the_printed_apply_line_works() {
        initWithOrganizations();
        assertThat(seedreset("apply", "ticketing-demo", "--org", "acme-demo", "--confirm", "acme-demo", "--anchor", "2026-01-05")
                .exitCode()).isZero();
        Cli.Run scenario = seedreset("apply", "cancelled-event", "--org", "acme-demo", "--confirm", "acme-demo");
        assertThat(scenario.exitCode()).as(scenario.toString()).isZero();
        String appliedHash = group("plan hash (\\w+)\\)", scenario.out());

        Cli.Run plan = seedreset("plan", "cancelled-event", "--org", "acme-demo");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("(mode default, seed ", "anchor 2026-01-05T00:00:00Z)",
                "Already applied as application ", "(plan hash " + appliedHash + ", ", "applying it again changes nothing.");
        Cli.Run again = Cli.run(printedApplyLine(plan));
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("cancelled-event 1.0.0 is already applied to 'acme-demo'");

        // The base pack, applied with an anchor, planned again without one: apply would change nothing either.
        Cli.Run base = seedreset("plan", "ticketing-demo", "--org", "acme-demo");
        assertThat(base.out()).contains("anchor 2026-01-05T00:00:00Z)", "Sample ticketing.events:", "Already applied as application ");
        assertThat(Cli.run(printedApplyLine(base)).exitCode()).isZero();
    }

    @Test
    void a_plan_for_other_arguments_than_the_applied_ones_prints_an_apply_line_that_replaces_them() {
        initWithOrganizations();
        Cli.Run first = seedreset("apply", "event-agency-starter", "--org", "acme-demo", "--confirm", "acme-demo", "--set", "events=3");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        Cli.Run plan = seedreset("plan", "event-agency-starter", "--org", "acme-demo", "--set", "events=4");
        assertThat(plan.out()).contains("'event-agency-starter' is already applied to 'acme-demo' with other arguments (application "
                + group("as application ([0-9a-f-]+)", first.out()) + "): applying this plan replaces it.");
        Cli.Run apply = Cli.run(printedApplyLine(plan));
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.out()).startsWith("Replaced application(s) ").contains("plan hash " + group("Plan hash: (\\w+)", plan.out()));
    }

    @Test
    void history_says_when_older_entries_exist_and_gives_the_command_for_the_next_page() throws Exception {
        initWithOrganizations();
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            // More refused attempts than a default page holds.
            statement.execute("INSERT INTO platform.seed_audit (actor, operation, org_slug, outcome, finished_at, message)"
                    + " SELECT 'ghost', 'apply', 'acme', 'refused', now(), 'attempt ' || n FROM generate_series(1, 60) AS n");
        }
        Cli.Run first = seedreset("history");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("attempt 60\n", "attempt 11\n").doesNotContain("attempt 10\n");
        long oldestShown = entryId("attempt 11");
        assertThat(first.out()).endsWith("\n\nOlder entries exist; the next page: seedreset --url " + database.url()
                + " --user postgres history --before-application 0 --before-entry " + oldestShown + "\n");
        Cli.Run second = Cli.run(nextPage(first));
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).contains("attempt 10\n", "attempt 1\n").doesNotContain("attempt 11\n", "Older entries exist");

        Cli.Run large = seedreset("history", "--limit", "1000");
        assertThat(large.out()).contains("attempt 60\n", "attempt 1\n").doesNotContain("Older entries exist");
    }

    @Test
    void history_pages_through_applications_and_audit_with_limit_and_each_entry_shows_once() {
        initWithOrganizations();
        for (int seed = 1; seed <= 5; seed++) {
            assertThat(seedreset("apply", "event-agency-starter", "--org", "acme-demo", "--confirm", "acme-demo", "--seed",
                    String.valueOf(seed), "--replace").exitCode()).isZero();
        }
        List<String> applications = new java.util.ArrayList<>();
        String[] args = {"history", "--org", "acme-demo", "--limit", "2"};
        int pages = 0;
        Cli.Run page;
        do {
            page = pages == 0 ? seedreset(args) : Cli.run(args);
            assertThat(page.exitCode()).as(page.toString()).isZero();
            Matcher ids = Pattern.compile("\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", Pattern.MULTILINE).matcher(page.out());
            while (ids.find()) {
                applications.add(ids.group());
            }
            pages++;
            if (page.out().contains("Older entries exist")) {
                assertThat(page.out()).containsPattern("the next page: seedreset --url \\S+ --user postgres history --org acme-demo --limit 2"
                        + " --before-application \\d+ --before-entry \\d+\n$");
                args = nextPage(page);
            }
        } while (page.out().contains("Older entries exist") && pages < 10);
        assertThat(pages).as("5 applications, 2 a page").isEqualTo(3);
        assertThat(applications).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void history_limit_is_1_to_1000_and_json_gives_the_next_page_as_a_request() throws Exception {
        initWithOrganizations();
        for (String limit : List.of("0", "1001")) {
            assertUsage(seedreset("history", "--limit", limit), "seedreset: --limit " + limit
                    + ": a history page holds 1 to 1000 applications and as many audit entries (see 'seedreset history --help')");
        }
        assertUsage(seedreset("history", "--before-entry", "-1"), "seedreset: --before-entry -1: ");
        seedreset("apply", "event-agency-starter", "--org", "acme-demo", "--confirm", "acme-demo");
        seedreset("apply", "event-agency-starter", "--org", "acme-demo", "--confirm", "acme-demo", "--seed", "9", "--replace");
        Cli.Run json = seedreset("--json", "history", "--org", "acme-demo", "--limit", "1");
        JsonNode next = new ObjectMapper().readTree(json.out()).get("nextPage");
        assertThat(next.get("organization").asText()).isEqualTo("acme-demo");
        assertThat(next.get("limit").asInt()).isEqualTo(1);
        assertThat(next.get("beforeApplication").asLong()).isPositive();
        assertThat(json.out()).doesNotContain("Older entries exist");
    }

    /** The arguments of the command the notice after a history page gives: it names the database, so it runs as printed. */
    private static String[] nextPage(Cli.Run history) {
        return group("the next page: seedreset ([^\\n]+)\\n$", history.out()).split(" ");
    }

    private long entryId(String message) throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
             var rs = statement.executeQuery("SELECT id FROM platform.seed_audit WHERE message = '" + message + "'")) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    /**
     * The arguments of the command a plan prints under "To apply exactly this plan", run as printed:
     * it names the database the plan ran on (the --url and --user the plan was given), so it needs nothing added.
     */
    private String[] printedApplyLine(Cli.Run plan) {
        String line = group("To apply exactly this plan[^\\n]*:\\n  seedreset ([^\\n]+)\\n", plan.out());
        assertThat(line).as("bundled packs' arguments need no quotes").doesNotContain("'")
                .startsWith("--url " + database.url() + " --user postgres apply ");
        return line.split(" ");
    }

    private static String group(String regex, String text) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as(regex + " in\n" + text).isTrue();
        return matcher.group(1);
    }

    @Test
    void every_mutating_command_refuses_a_production_organization_with_exit_3() {
        initWithOrganizations();
        String expected = "seedreset: organization 'acme' is a production organization: seed packs never run there (create a demo organization"
                + " for seed packs with 'seedreset org create SLUG --name NAME --kind demo')";
        for (String[] command : List.of(
                new String[] {"plan", "event-agency-starter", "--org", "acme"},
                new String[] {"apply", "event-agency-starter", "--org", "acme", "--confirm", "acme"},
                new String[] {"teardown", "--org", "acme", "--confirm", "acme"},
                new String[] {"reset", "--org", "acme", "--confirm", "acme"},
                new String[] {"activity", "--org", "acme", "--confirm", "acme"})) {
            Cli.Run run = seedreset(command);
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.REFUSED);
            assertThat(run.err().strip()).isEqualTo(expected);
        }
        Cli.Run history = seedreset("history", "--org", "acme");
        assertThat(history.out()).contains("refused").containsPattern("cli-test +reset +acme").containsPattern("cli-test +activity +acme");
    }

    @Test
    void confirmation_missing_or_wrong_is_a_conflict_and_writes_nothing() {
        initWithOrganizations();
        Cli.Run missing = seedreset("apply", "event-agency-starter", "--org", "acme-demo");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(missing.err().strip()).isEqualTo(
                "seedreset: applying to 'acme-demo' needs confirmation: type the organization's slug (--confirm acme-demo)");
        Cli.Run wrong = seedreset("reset", "--org", "acme-demo", "--confirm", "acme");
        assertThat(wrong.exitCode()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(wrong.err().strip()).isEqualTo("seedreset: confirmation 'acme' does not match organization 'acme-demo': nothing was changed (--confirm acme-demo)");
        assertThat(seedreset("history", "--json").out()).doesNotContain("\"applications\" : [ {");
    }

    @Test
    void bad_input_gets_one_line_and_exit_2() {
        initWithOrganizations();
        assertUsage(seedreset("plan", "nope", "--org", "acme-demo"), "seedreset: unknown pack 'nope' (installed: ");
        assertUsage(seedreset("plan", "event-agency-starter", "--org", "ghost"), "seedreset: unknown organization 'ghost'");
        assertUsage(seedreset("plan", "event-agency-starter", "--org", "acme-demo", "--mode", "huge"),
                "seedreset: pack 'event-agency-starter' has no mode 'huge': use one of");
        assertUsage(seedreset("plan", "event-agency-starter", "--org", "acme-demo", "--set", "events"),
                "seedreset: --set expects key=value, got 'events'");
        assertUsage(seedreset("plan", "event-agency-starter", "--org", "acme-demo", "--set", "events=lots"),
                "seedreset: parameter 'events' of pack 'event-agency-starter' expects an integer between");
        assertUsage(seedreset("plan", "event-agency-starter", "--org", "acme-demo", "--anchor", "yesterday"),
                "seedreset: anchor 'yesterday' is not an ISO-8601 instant or date");
        assertUsage(seedreset("org", "create", "x y", "--name", "X", "--kind", "demo"), "seedreset: organization slug 'x y' is not valid");
        assertUsage(seedreset("org", "create", "newco", "--name", "X", "--kind", "staging"),
                "seedreset: unknown organization kind 'staging': use one of production, demo, qa, sandbox");
        assertUsage(seedreset("apply", "event-agency-starter", "--org", "acme-demo", "--frobnicate"),
                "seedreset: Unknown option: '--frobnicate' (see 'seedreset apply --help')");
        assertUsage(seedreset("plan", "event-agency-starter", "--org", "acme-demo", "--seed", "abc"),
                "seedreset: Invalid value for option '--seed': 'abc' is not a long (digits 0-9) (see 'seedreset plan --help')");
        assertUsage(seedreset("teardown", "--org", "acme-demo", "--application", "not-a-uuid"),
                "seedreset: Invalid value for option '--application': cannot convert 'not-a-uuid' to UUID (see 'seedreset teardown --help')");
        assertUsage(seedreset("validate"), "seedreset: Missing required option: '--org=<slug>' (see 'seedreset validate --help')");
        assertThat(seedreset("history", "--json").out()).doesNotContain("\"operation\"");
    }

    @Test
    void an_uninitialised_database_is_a_failure_with_what_to_do() {
        Cli.Run run = seedreset("org", "list");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err().strip()).isEqualTo("seedreset: the database is not initialised for Seed & Reset: run 'seedreset init' first");
    }

    @Test
    void an_unreachable_database_is_a_failure_with_what_to_do() {
        Cli.Run run = Cli.run("--url", "jdbc:postgresql://127.0.0.1:1/nowhere", "org", "list");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err().strip()).startsWith("seedreset: cannot connect to the database: ")
                .endsWith("; check the database's URL and that PostgreSQL is running (--url or SEEDRESET_URL)")
                .doesNotContain("\n");
        Cli.Run notJdbc = Cli.run("--url", "postgres://localhost/x", "org", "list");
        assertThat(notJdbc.exitCode()).as("a URL of another kind is a usage error").isEqualTo(ExitCodes.USAGE);
        assertThat(notJdbc.err()).isEqualTo("seedreset: 'postgres://localhost/x' is not a PostgreSQL JDBC URL (--url or SEEDRESET_URL): "
                + "use jdbc:postgresql://HOST:PORT/DATABASE\n");
    }

    @Test
    void teardown_and_reset_round_trip() {
        initWithOrganizations();
        assertThat(seedreset("apply", "event-agency-starter", "--org", "acme-demo", "--confirm", "acme-demo").exitCode()).isZero();
        Cli.Run reset = seedreset("reset", "--org", "acme-demo", "--confirm", "acme-demo");
        assertThat(reset.exitCode()).as(reset.toString()).isZero();
        assertThat(reset.out()).contains("Reset 'acme-demo'", "re-applied 1 pack(s)");
        Cli.Run teardown = seedreset("teardown", "--org", "acme-demo", "--confirm", "acme-demo");
        assertThat(teardown.exitCode()).as(teardown.toString()).isZero();
        assertThat(teardown.out()).contains("Tore down 1 application(s) in 'acme-demo'");
        Cli.Run nothing = seedreset("teardown", "--org", "acme-demo", "--confirm", "acme-demo");
        assertThat(nothing.out()).contains("'acme-demo' has no seeded applications: nothing to tear down.");
    }

    @Test
    void reads_print_json_with_json() throws Exception {
        initWithOrganizations();
        seedreset("apply", "event-agency-starter", "--org", "acme-demo", "--confirm", "acme-demo");
        ObjectMapper json = new ObjectMapper();
        JsonNode orgs = json.readTree(seedreset("--json", "org", "list").out());
        assertThat(orgs).hasSize(2);
        JsonNode history = json.readTree(seedreset("--json", "history", "--org", "acme-demo").out());
        assertThat(history.get("applications").get(0).get("packId").asText()).isEqualTo("event-agency-starter");
        assertThat(history.get("audit").get(0).get("outcome").asText()).isEqualTo("succeeded");
        JsonNode plan = json.readTree(seedreset("--json", "plan", "event-agency-starter", "--org", "acme-demo").out());
        assertThat(plan.get("counts").get("suppliers.vendors").asInt()).isEqualTo(12);
        JsonNode packs = json.readTree(seedreset("--json", "packs").out());
        assertThat(packs.findValuesAsText("id")).containsExactly("cancelled-event", "cash-crunch", "demo-travel-co", "event-agency-starter",
                "high-volume-sales", "quarter-close", "ticketing-demo");
    }

    @Test
    void apply_prints_the_logins_and_a_scenario_waits_for_the_pack_it_builds_on() {
        initWithOrganizations();
        Cli.Run early = seedreset("apply", "cancelled-event", "--org", "acme-demo", "--confirm", "acme-demo");
        assertThat(early.exitCode()).as(early.toString()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(early.err()).isEqualTo("seedreset: pack 'cancelled-event' requires pack 'ticketing-demo', which is not applied to "
                + "'acme-demo': apply 'ticketing-demo' first\n");

        Cli.Run base = seedreset("apply", "ticketing-demo", "--org", "acme-demo", "--confirm", "acme-demo", "--mode", "minimal");
        assertThat(base.exitCode()).as(base.toString()).isZero();
        assertThat(base.out()).contains("Logins:").containsPattern("Dana Whitfield +ADMIN +dana.whitfield@example.com +DemoTickets!2026");

        Cli.Run scenario = seedreset("apply", "cancelled-event", "--org", "acme-demo", "--confirm", "acme-demo");
        assertThat(scenario.exitCode()).as(scenario.toString()).isZero();
        assertThat(scenario.out()).containsPattern("ticketing.events +1\\b").contains("ROWS CHANGED");
        assertThat(seedreset("validate", "--org", "acme-demo").exitCode()).isZero();
    }

    private static void assertUsage(Cli.Run run, String messageStart) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith(messageStart);
        assertThat(run.err().strip()).doesNotContain("\n");
    }
}
