package io.seedreset.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seedreset.platform.identity.SignIn;
import io.seedreset.testing.DatabaseReader;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * API tokens for personas: apply and reset issue one per persona and print it once, 'tokens issue'
 * revokes and reissues them, and every token issued before a reset stops answering. Bad input
 * changes nothing.
 */
class TokensTest {

    private static final Pattern TOKEN = Pattern.compile("sra_[0-9a-f]{32}_[A-Za-z0-9_-]{43}");
    private static final String STARTER = "event-agency-starter";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Cli.OnDatabase database = Cli.onFreshDatabase("--actor", "tokens-test");
    private final DatabaseReader reader = new DatabaseReader(database.dataSource());
    private final SignIn signIn = new SignIn(database.dataSource(), Clock.systemUTC(), Duration.ofHours(8));

    @BeforeEach
    void organizations() {
        ok("init");
        ok("org", "create", "acme-demo", "--name", "Acme Demo", "--kind", "demo");
        ok("org", "create", "acme", "--name", "Acme");
    }

    private Cli.Run ok(String... args) {
        Cli.Run run = database.run(args);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).as(run.toString()).isEmpty();
        return run;
    }

    private static List<String> tokens(String out) {
        List<String> found = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(out);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private boolean answers(String token) throws Exception {
        return signIn.authenticate(token).isPresent();
    }

    /** The accounting pack's owner and accountant live in identity.users, like the agency's: apply issues each a token that answers for them. */
    @Test
    void apply_of_demo_travel_co_issues_tokens_to_its_owner_and_accountant() throws Exception {
        Cli.Run apply = ok("apply", "demo-travel-co", "--org", "acme-demo", "--confirm", "acme-demo", "--mode", "minimal");

        assertThat(apply.out()).containsPattern("Claire Donovan +owner +owner\\.demo@example\\.test +DemoTravel!2026")
                .containsPattern("Samir Haddad +accountant +accountant\\.demo@example\\.test +DemoTravel!2026");
        List<String> tokens = tokens(apply.out());
        assertThat(tokens).hasSize(2);
        List<String> roles = new ArrayList<>();
        for (String token : tokens) {
            roles.add(signIn.authenticate(token).orElseThrow().role());
        }
        assertThat(roles).containsExactlyInAnyOrder("owner", "accountant");
    }

    @Test
    void apply_prints_one_token_per_persona_once_and_keeps_only_hashes() throws Exception {
        Cli.Run apply = ok("apply", STARTER, "--org", "acme-demo", "--confirm", "acme-demo");

        // The command it prints reaches this test's database: seedreset --url ... --user postgres tokens issue ...
        assertThat(apply.out()).contains("\nLogins:\n", "\nAPI tokens, for 'Authorization: Bearer <token>' (shown this once: only their"
                + " hashes are kept; 'seedreset --url ", " tokens issue --org acme-demo' revokes them and issues new ones):\n  EMAIL ");
        List<String> tokens = tokens(apply.out());
        assertThat(tokens).hasSize(2);
        for (String token : tokens) {
            assertThat(answers(token)).as(token).isTrue();
            assertThat(reader.strings("SELECT t::text FROM identity.tokens t")).noneMatch(row -> row.contains(token.substring(37)));
        }
        assertThat(signIn.authenticate(tokens.get(0)).orElseThrow().role()).isEqualTo("owner");

        Cli.Run again = ok("apply", STARTER, "--org", "acme-demo", "--confirm", "acme-demo");
        assertThat(tokens(again.out())).as("an apply that changes nothing issues none").isEmpty();
        assertThat(again.out()).contains("\nTheir API tokens were shown when it was applied; 'seedreset --url ",
                " tokens issue --org acme-demo' revokes them and issues new ones.\n");
        assertThat(tokens).allSatisfy(token -> assertThat(signIn.authenticate(token)).isPresent());
    }

    @Test
    void apply_and_reset_json_carry_the_tokens_after_the_result() throws Exception {
        JsonNode apply = JSON.readTree(ok("--json", "apply", STARTER, "--org", "acme-demo", "--confirm", "acme-demo").out());
        assertThat(apply.get("status").asText()).isEqualTo("applied");
        assertThat(apply.get("apiTokens")).hasSize(2);
        assertThat(apply.at("/apiTokens/0/email").asText()).isEqualTo(apply.at("/personas/0/email").asText());
        assertThat(apply.at("/apiTokens/1/role").asText()).isEqualTo("planner");
        String applied = apply.at("/apiTokens/0/token").asText();

        JsonNode reset = JSON.readTree(ok("--json", "reset", "--org", "acme-demo", "--confirm", "acme-demo").out());
        assertThat(reset.get("apiTokens")).hasSize(2);
        assertThat(reset.at("/deleted/identity.tokens").asLong()).isEqualTo(2);
        assertThat(answers(applied)).isFalse();
        assertThat(answers(reset.at("/apiTokens/0/token").asText())).isTrue();

        JsonNode unchanged = JSON.readTree(ok("--json", "apply", STARTER, "--org", "acme-demo", "--confirm", "acme-demo").out());
        assertThat(unchanged.get("apiTokens")).isEmpty();
    }

    @Test
    void a_reset_revokes_the_api_tokens_and_sessions_issued_before_it_and_prints_new_ones() throws Exception {
        List<String> before = tokens(ok("apply", STARTER, "--org", "acme-demo", "--confirm", "acme-demo").out());
        String email = reader.strings("SELECT email FROM identity.users WHERE role = 'owner'").get(0);
        SignIn.Session session = signIn.signIn("acme-demo", email, "DemoAgency!2026");
        assertThat(answers(session.token())).isTrue();

        Cli.Run reset = ok("reset", "--org", "acme-demo", "--confirm", "acme-demo");

        assertThat(answers(before.get(0))).isFalse();
        assertThat(answers(before.get(1))).isFalse();
        assertThat(answers(session.token())).isFalse();
        List<String> after = tokens(reset.out());
        assertThat(after).hasSize(2).allSatisfy(token -> assertThat(signIn.authenticate(token)).isPresent());
        assertThat(reset.out()).contains(" tokens issue --org acme-demo' revokes them");
    }

    @Test
    void tokens_issue_revokes_and_reissues_for_every_persona_or_the_people_named() throws Exception {
        List<String> applied = tokens(ok("apply", STARTER, "--org", "acme-demo", "--confirm", "acme-demo").out());

        Cli.Run all = ok("tokens", "issue", "--org", "acme-demo");
        assertThat(all.out()).startsWith("Issued 2 API token(s) in 'acme-demo'; the earlier API tokens of these people no longer answer.\n");
        List<String> reissued = tokens(all.out());
        assertThat(reissued).hasSize(2).allSatisfy(token -> assertThat(signIn.authenticate(token)).isPresent());
        assertThat(applied).noneSatisfy(token -> assertThat(signIn.authenticate(token)).isPresent());

        String planner = reader.strings("SELECT email FROM identity.users WHERE role = 'planner'").get(0);
        JsonNode one = JSON.readTree(ok("--json", "tokens", "issue", "--org", "acme-demo", "--email", planner.toUpperCase()).out());
        assertThat(one.get("organization").asText()).isEqualTo("acme-demo");
        assertThat(one.get("apiTokens")).singleElement().satisfies(token -> assertThat(token.get("email").asText()).isEqualTo(planner));
        assertThat(answers(reissued.get(0))).as("the owner's stays").isTrue();
        assertThat(answers(reissued.get(1))).as("the planner's is replaced").isFalse();
        assertThat(reader.queryForLong("SELECT count(*) FROM identity.tokens")).isEqualTo(2);
    }

    @Test
    void a_production_persons_token_is_issued_by_email() throws Exception {
        ok("apply", STARTER, "--org", "acme-demo", "--confirm", "acme-demo");
        reader.execute("""
                INSERT INTO identity.users (org_id, id, email, password_hash, name, role, active, created_at)
                SELECT o.id, gen_random_uuid(), 'ops@acme.example', u.password_hash, 'Ops Person', 'owner', true, now()
                  FROM platform.organizations o, identity.users u WHERE o.slug = 'acme' LIMIT 1""");

        List<String> issued = tokens(ok("tokens", "issue", "--org", "acme", "--email", "ops@acme.example").out());

        assertThat(issued).singleElement().satisfies(token ->
                assertThat(signIn.authenticate(token).orElseThrow().organization()).isEqualTo("acme"));
    }

    @Test
    void a_deactivated_person_or_an_unknown_one_gets_no_token_and_nothing_changes() {
        ok("apply", STARTER, "--org", "acme-demo", "--confirm", "acme-demo");
        reader.execute("UPDATE identity.users SET active = false WHERE role = 'planner'");
        String owner = reader.strings("SELECT email FROM identity.users WHERE role = 'owner'").get(0);
        String planner = reader.strings("SELECT email FROM identity.users WHERE role = 'planner'").get(0);
        Map<String, String> before = DatabaseSnapshot.of(database.dataSource());

        Cli.Run deactivated = database.run("tokens", "issue", "--org", "acme-demo", "--email", owner, "--email", planner);
        Cli.Run unknown = database.run("tokens", "issue", "--org", "acme-demo", "--email", owner, "--email", "ghost@example.net");

        assertThat(deactivated.exitCode()).as(deactivated.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(deactivated.err()).isEqualTo("seedreset: the account " + planner + " of 'acme-demo' is deactivated, so a token of it"
                + " would not answer: no token was issued\n");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).isEqualTo("seedreset: nobody in organization 'acme-demo' has the email 'ghost@example.net': no token was issued\n");
        assertThat(deactivated.out() + unknown.out()).isEmpty();
        assertThat(DatabaseSnapshot.of(database.dataSource())).isEqualTo(before);

        Cli.Run rest = ok("tokens", "issue", "--org", "acme-demo");
        assertThat(tokens(rest.out())).as("personas who can sign in").hasSize(1);
    }
}
