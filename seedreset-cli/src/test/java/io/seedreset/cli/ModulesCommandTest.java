package io.seedreset.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code apply --modules} and {@code plan --modules} on a real database: event-agency-starter seeded in
 * two parts equals the whole pack row for row, the plan of a part is its apply, a part whose rows
 * reference a module not applied is refused (exit 4) and an unknown module is a usage error (exit 2),
 * both writing nothing, reset applies the same parts again, history shows them, production is refused.
 */
class ModulesCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PACK = "event-agency-starter";
    private static final String ORG = "acme-demo";
    private static final String ANCHOR = "2026-01-05";
    private static final List<String> AGENCY_SCHEMAS = List.of("suppliers", "events", "sales", "budget", "dispatch", "spaces", "identity");
    private static final String FIRST_PART = "suppliers,events,spaces,identity";
    private static final String SECOND_PART = "sales,budget,dispatch";

    private Cli.OnDatabase database;

    @BeforeEach
    void demoOrganization() {
        database = organization();
    }

    private static Cli.OnDatabase organization() {
        Cli.OnDatabase fresh = Cli.onFreshDatabase("--actor", "modules-test");
        ok(fresh, "init");
        ok(fresh, "org", "create", ORG, "--name", "Acme Demo", "--kind", "demo");
        ok(fresh, "org", "create", "acme", "--name", "Acme");
        return fresh;
    }

    private static Cli.Run ok(Cli.OnDatabase on, String... args) {
        Cli.Run run = on.run(args);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }

    private Cli.Run apply(String modules, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("apply", PACK, "--org", ORG, "--confirm", ORG, "--modules", modules));
        args.addAll(List.of(more));
        return database.run(args.toArray(String[]::new));
    }

    /** The agency's tables: every row as a digest per table. API tokens are random, issued after each apply, and left out. */
    private static Map<String, String> agencyRows(Cli.OnDatabase on) {
        Map<String, String> rows = new TreeMap<>(DatabaseSnapshot.of(on.dataSource(), "identity.tokens"));
        rows.keySet().removeIf(table -> !AGENCY_SCHEMAS.contains(table.substring(0, table.indexOf('.'))));
        return rows;
    }

    /** Every table but the audit (each attempt is audited, refused ones too). */
    private Map<String, String> everything() {
        return DatabaseSnapshot.of(database.dataSource(), "platform.seed_audit");
    }

    @Test
    void the_pack_applied_in_two_parts_equals_the_whole_pack_row_for_row_and_the_plan_of_a_part_is_its_apply() throws Exception {
        Cli.Run first = ok(database, "--json", "apply", PACK, "--org", ORG, "--confirm", ORG, "--anchor", ANCHOR, "--modules", FIRST_PART);
        JsonNode firstResult = JSON.readTree(first.out());
        assertThat(firstResult.get("selectedModules").toString()).isEqualTo("[\"suppliers\",\"events\",\"spaces\",\"identity\"]");
        assertThat(firstResult.get("personas")).hasSize(2);
        assertThat(firstResult.get("apiTokens")).hasSize(2);

        Cli.Run planned = ok(database, "plan", PACK, "--org", ORG, "--modules", "dispatch,sales,budget");
        assertThat(planned.out()).contains("Modules: sales, budget, dispatch (of suppliers, events, sales, budget, dispatch, spaces, identity:"
                + " the others' rows are left out)");
        // Without --anchor the part takes the anchor of the part it references, and the printed apply says so.
        assertThat(planned.out()).contains("--anchor 2026-01-05T00:00:00Z").contains("--modules sales,budget,dispatch --plan-hash");
        JsonNode plan = JSON.readTree(ok(database, "--json", "plan", PACK, "--org", ORG, "--modules", SECOND_PART).out());
        Cli.Run second = ok(database, "--json", "apply", PACK, "--org", ORG, "--confirm", ORG, "--modules", SECOND_PART,
                "--plan-hash", plan.get("planHash").asText());
        JsonNode secondResult = JSON.readTree(second.out());
        assertThat(secondResult.get("planHash")).isEqualTo(plan.get("planHash"));
        assertThat(secondResult.get("counts")).isEqualTo(plan.get("counts"));
        assertThat(counts(secondResult.get("counts"))).containsOnlyKeys("sales.deals", "budget.budgets", "budget.budget_lines", "dispatch.work_orders");
        assertThat(secondResult.get("personas")).isEmpty();
        assertThat(secondResult.get("apiTokens")).isEmpty();

        Cli.OnDatabase whole = organization();
        ok(whole, "apply", PACK, "--org", ORG, "--confirm", ORG, "--anchor", ANCHOR);
        assertThat(agencyRows(database)).isEqualTo(agencyRows(whole));
        assertThat(agencyRows(database).values()).noneMatch(digest -> digest.startsWith("0 rows"));
        ok(database, "validate", "--org", ORG);
    }

    @Test
    void a_part_referencing_a_module_not_applied_is_refused_with_exit_4_and_writes_nothing() {
        Map<String, String> before = everything();
        Cli.Run refused = apply("sales");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(refused.err().strip()).isEqualTo("seedreset: module 'events' of pack 'event-agency-starter' must be applied to 'acme-demo'"
                + " first: sales.deals references events.events; apply it with the same version, mode, parameters and seed (--modules events)");
        Cli.Run budget = apply("sales,budget");
        assertThat(budget.err().strip()).startsWith("seedreset: modules 'events' and 'suppliers' of pack 'event-agency-starter' must be applied"
                + " to 'acme-demo' first: budget.budget_lines references events.events, budget.budget_lines references suppliers.vendors;")
                .endsWith("(--modules events,suppliers)");
        assertThat(database.run("plan", PACK, "--org", ORG, "--modules", "sales").exitCode()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(everything()).isEqualTo(before);
    }

    @Test
    void an_unknown_module_is_a_usage_error_naming_the_packs_modules() {
        Map<String, String> before = everything();
        Cli.Run unknown = apply("events,ticketing");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err().strip()).isEqualTo("seedreset: pack 'event-agency-starter' has no module 'ticketing': its modules are"
                + " suppliers, events, sales, budget, dispatch, spaces, identity");
        Cli.Run empty = apply("");
        assertThat(empty.exitCode()).as(empty.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(database.run("plan", PACK, "--org", ORG, "--modules", "nope").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(everything()).isEqualTo(before);
    }

    @Test
    void reset_applies_the_same_parts_again_and_history_shows_them() throws Exception {
        ok(database, "apply", PACK, "--org", ORG, "--confirm", ORG, "--anchor", ANCHOR, "--modules", FIRST_PART);
        ok(database, "apply", PACK, "--org", ORG, "--confirm", ORG, "--modules", SECOND_PART);
        Map<String, String> before = agencyRows(database);

        JsonNode reset = JSON.readTree(ok(database, "--json", "reset", "--org", ORG, "--confirm", ORG, "--anchor", ANCHOR).out());
        assertThat(reset.get("reapplied")).extracting(applied -> applied.get("selectedModules").toString())
                .containsExactly("[\"suppliers\",\"events\",\"spaces\",\"identity\"]", "[\"sales\",\"budget\",\"dispatch\"]");
        assertThat(agencyRows(database)).isEqualTo(before);

        Cli.Run history = ok(database, "history", "--org", ORG);
        assertThat(history.out()).contains("MODULES").contains(FIRST_PART).contains(SECOND_PART);
        JsonNode applications = JSON.readTree(ok(database, "--json", "history", "--org", ORG).out()).get("applications");
        assertThat(applications).extracting(a -> a.get("selectedModules").size()).containsExactly(3, 4, 3, 4);
    }

    @Test
    void a_part_applied_again_is_a_no_op_and_one_of_its_modules_again_is_a_conflict() {
        ok(database, "apply", PACK, "--org", ORG, "--confirm", ORG, "--modules", FIRST_PART);
        Cli.Run again = ok(database, "apply", PACK, "--org", ORG, "--confirm", ORG, "--modules", "identity,spaces,events,suppliers");
        assertThat(again.out()).contains("is already applied to 'acme-demo' with this mode, parameters and seed, modules suppliers, events,"
                + " spaces, identity").contains("nothing to do");
        Map<String, String> before = everything();
        Cli.Run overlapping = apply("events,sales");
        assertThat(overlapping.exitCode()).as(overlapping.toString()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(overlapping.err()).contains("module 'events' of pack 'event-agency-starter' is already applied to 'acme-demo'");
        assertThat(everything()).isEqualTo(before);
    }

    @Test
    void tearing_down_a_part_the_other_part_references_is_refused() throws Exception {
        JsonNode first = JSON.readTree(ok(database, "--json", "apply", PACK, "--org", ORG, "--confirm", ORG, "--modules", FIRST_PART).out());
        ok(database, "apply", PACK, "--org", ORG, "--confirm", ORG, "--modules", SECOND_PART);
        Map<String, String> before = everything();
        Cli.Run teardown = database.run("teardown", "--org", ORG, "--confirm", ORG, "--application", first.get("applicationId").asText());
        assertThat(teardown.exitCode()).as(teardown.toString()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(teardown.err()).contains("teardown refused");
        assertThat(everything()).isEqualTo(before);
        ok(database, "teardown", "--org", ORG, "--confirm", ORG);
        assertThat(agencyRows(database).values()).allMatch(digest -> digest.startsWith("0 rows"));
    }

    @Test
    void a_production_organization_is_refused_with_exit_3_and_nothing_is_written() {
        Map<String, String> before = everything();
        Cli.Run refused = database.run("apply", PACK, "--org", "acme", "--confirm", "acme", "--modules", "suppliers");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(refused.err()).contains("organization 'acme' is a production organization");
        assertThat(database.run("plan", PACK, "--org", "acme", "--modules", "suppliers").exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(everything()).isEqualTo(before);
    }

    @Test
    void plan_and_apply_say_what_modules_does_in_their_help() {
        for (String command : List.of("plan", "apply")) {
            Cli.Run help = Cli.run(command, "--help");
            assertThat(help.exitCode()).isZero();
            assertThat(help.out()).contains("[--modules=M[,M...]]...").contains("--modules=M[,M...]   seed only these modules of the pack");
        }
    }

    private static Map<String, Long> counts(JsonNode node) {
        Map<String, Long> counts = new TreeMap<>();
        node.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }
}
