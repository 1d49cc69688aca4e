package io.seedreset.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seedreset.platform.staff.Staff;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** 'seedreset staff create|list|revoke': a token printed once that the admin side recognises, revoked at once; bad input writes nothing. */
class StaffCommandTest {

    private static final Pattern TOKEN = Pattern.compile("srk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Cli.OnDatabase database = Cli.onFreshDatabase("--actor", "ops-lead");
    private final Staff staff = new Staff(database.dataSource(), Clock.systemUTC());

    private Cli.Run run(String... args) {
        return database.run(args);
    }

    private Cli.Run ok(String... args) {
        Cli.Run run = run(args);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).as(run.toString()).isEmpty();
        return run;
    }

    private static String token(String out) {
        Matcher matcher = TOKEN.matcher(out);
        assertThat(matcher.find()).as(out).isTrue();
        return matcher.group();
    }

    @Test
    void create_prints_a_token_once_that_answers_until_revoked() {
        ok("init");

        Cli.Run created = ok("staff", "create", "Dana Whitfield");

        assertThat(created.out()).startsWith("Created staff member 'Dana Whitfield'. Their token, shown this once (only its hash is kept):\n  srk_")
                .contains("'seedreset staff revoke \"Dana Whitfield\"' stops it.");
        String token = token(created.out());
        assertThat(staff.authenticate(token)).hasValueSatisfying(member -> assertThat(member.createdBy()).isEqualTo("ops-lead"));
        assertThat(ok("staff", "list").out()).containsPattern("(?m)^  Dana Whitfield +active +\\S+Z +ops-lead +-$").doesNotContain(token);

        assertThat(ok("staff", "revoke", "dana whitfield").out()).isEqualTo("Revoked staff member 'Dana Whitfield': their token no longer answers.\n");
        assertThat(staff.authenticate(token)).isEmpty();
        assertThat(ok("staff", "list").out()).containsPattern("(?m)^  Dana Whitfield +revoked +\\S+Z +ops-lead +\\S+Z$");
    }

    @Test
    void json_output_carries_the_token_on_create_only() throws Exception {
        ok("init");
        JsonNode created = JSON.readTree(ok("--json", "staff", "create", "Sam Okafor").out());
        assertThat(created.get("token").asText()).matches(TOKEN);
        assertThat(created.at("/member/name").asText()).isEqualTo("Sam Okafor");

        JsonNode listed = JSON.readTree(ok("--json", "staff", "list").out());
        assertThat(listed.get("staff")).hasSize(1);
        assertThat(listed.toString()).doesNotContain(created.get("token").asText()).doesNotContain("secret");
    }

    @Test
    void bad_input_and_taken_names_are_one_line_errors_with_their_exit_codes_and_write_nothing() {
        ok("init");
        ok("staff", "create", "Dana Whitfield");

        Cli.Run taken = run("staff", "create", "DANA WHITFIELD");
        assertThat(taken.exitCode()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(taken.err()).isEqualTo("seedreset: a staff member named 'DANA WHITFIELD' exists: revoke them first, or choose another name\n");

        Cli.Run blank = run("staff", "create", " ");
        assertThat(blank.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(blank.err()).isEqualTo("seedreset: a staff member needs a name\n");

        Cli.Run unknown = run("staff", "revoke", "Nobody");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).isEqualTo("seedreset: no active staff member is named 'Nobody'\n");

        assertThat(staff.list()).hasSize(1);
    }

    @Test
    void an_uninitialised_database_is_refused_as_by_every_command() {
        Cli.Run refused = run("staff", "list");

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(refused.err()).startsWith("seedreset: ").contains("seedreset init");
    }
}
