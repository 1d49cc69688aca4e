package io.seedreset.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/DEMO_DATA.md's API walkthroughs, run as written: the organization and pack a walkthrough starts from,
 * {@code seedreset serve} as a process on it, then every {@code bash} block of the walkthrough's section
 * ("The platform API, walked through" for ticketing-demo, "Demo Travel Co's books, walked through" for
 * demo-travel-co) in one shell, with curl and jq, and {@code seedreset} on the PATH. The one line changed is
 * where the API listens (a free port instead of 8080).
 */
class DemoDataWalkthroughTest {

    private static final Path DEMO_DATA = Path.of("..", "docs", "DEMO_DATA.md");
    private static final String API_LINE = "API=http://127.0.0.1:8080";
    private static final Pattern LISTENING = Pattern.compile("^Serving the platform API on http://127\\.0\\.0\\.1:(\\d+) ");

    @Test
    void the_ticketing_walkthroughs_run_in_one_shell_against_serve_and_show_what_they_say(@TempDir Path bin) throws Exception {
        String output = walkThrough(bin, "## The platform API, walked through", "acme-demo", "Acme Events", "ticketing-demo");
        assertThat(output).as(output)
                .contains("Chicago Gales")
                .containsPattern("\"orderNumber\": \"ORD-\\d+\",\\s+\"status\": \"PAID\"")
                .containsPattern("order_confirmation +ethan\\.park@example\\.org +Your tickets for .* +captured")
                .containsPattern("\"status\": \"DRAFT\"")
                .containsPattern("(?m)^no event [0-9a-f-]{36}$")
                .contains("\"result\": \"ACCEPTED\"")
                .containsPattern("(?m)^409 already_used: ");
    }

    @Test
    void the_travel_books_walkthrough_runs_in_one_shell_against_serve_and_shows_what_it_says(@TempDir Path bin) throws Exception {
        String output = walkThrough(bin, "## Demo Travel Co's books, walked through", "travel-demo", "Demo Travel Co", "demo-travel-co");
        assertThat(output).as(output)
                .containsPattern("\"over90\": [1-9]")
                .containsPattern("\"netIncome\": [1-9]")
                .containsPattern("(?m)^\\d{4}-01  in ")
                .containsPattern("(?m)^Q\\d \\d{4}  CLOSED$")
                .containsPattern("\"status\": \"ISSUED\",\\s+\"subtotal\": 17240,\\s+\"tax\": 40.63,\\s+\"total\": 17280.63")
                .containsPattern("\"status\": \"PARTIALLY_PAID\",\\s+\"total\": 17280.63,\\s+\"balance\": 12280.63")
                .containsPattern("(?m)^409 period_closed: the period Q\\d \\d{4} ")
                .containsPattern("(?m)^403 forbidden: only the owner may run payroll")
                .satisfiesAnyOf(paid -> assertThat(paid).containsPattern("\"status\": \"PAID\",\\s+\"payDate\": \"\\d{4}-\\d{2}-\\d{2}\",\\s+\"gross\": [1-9]"),
                        lastWeekday -> assertThat(lastWeekday).as("no draft to pay: the month's last weekday has come")
                                .doesNotContain("  DRAFT  gross"));
        assertThat(database.run("validate", "--org", "travel-demo").exitCode())
                .as("the books people wrote through the API keep every rule of the pack").isZero();
    }

    private Cli.OnDatabase database;

    /**
     * Creates the organization, applies the pack, starts serve, and runs the section's bash blocks as one script with
     * {@code seedreset} on the PATH; answers what the script printed once it ended well.
     */
    private String walkThrough(Path bin, String section, String org, String name, String pack) throws Exception {
        String script = script(Files.readString(DEMO_DATA), section);
        database = Cli.onFreshDatabase();
        for (String[] command : new String[][] {{"init"}, {"org", "create", org, "--name", name, "--kind", "demo"},
                {"apply", pack, "--org", org, "--confirm", org}}) {
            assertThat(database.run(command).exitCode()).as(String.join(" ", command)).isZero();
        }
        onPath(bin, database.options());

        List<String> serveArgs = new ArrayList<>(database.options());
        serveArgs.addAll(List.of("serve", "--port", "0"));
        Process serve = Cli.process(Map.of(), serveArgs.toArray(String[]::new)).redirectErrorStream(true).start();
        try {
            int port = port(serve);
            ProcessBuilder bash = new ProcessBuilder("bash", "-c", "set -euo pipefail\n" + script.replace(API_LINE, "API=http://127.0.0.1:" + port))
                    .redirectErrorStream(true);
            bash.environment().put("PATH", bin + ":" + System.getenv("PATH"));
            Process shell = bash.start();
            String output = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(shell.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(shell.exitValue()).as(output).isZero();
            return output;
        } finally {
            serve.destroy();
            if (!serve.waitFor(30, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
    }

    /** The section's bash blocks, in order, as one script. */
    private static String script(String markdown, String section) {
        int start = markdown.indexOf(section);
        assertThat(start).as("DEMO_DATA.md has the section '" + section + "'").isNotNegative();
        int end = markdown.indexOf("\n## ", start + section.length());
        String text = markdown.substring(start, end < 0 ? markdown.length() : end);
        List<String> blocks = new ArrayList<>();
        Matcher block = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL).matcher(text);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        assertThat(blocks).as("bash blocks of the walkthroughs").hasSizeGreaterThanOrEqualTo(5);
        assertThat(blocks.get(0)).contains(API_LINE);
        return String.join("\n", blocks);
    }

    /** A {@code seedreset} command on the PATH of the shell, on the test's database, as the CLI's own process. */
    private static void onPath(Path bin, List<String> options) throws IOException {
        String command = String.join(" ", Cli.process(Map.of()).command().stream().map(DemoDataWalkthroughTest::quoted).toList());
        Path seedreset = bin.resolve("seedreset");
        Files.writeString(seedreset, "#!/usr/bin/env bash\nexec " + command + " "
                + options.stream().map(DemoDataWalkthroughTest::quoted).collect(Collectors.joining(" ")) + " \"$@\"\n");
        Files.setPosixFilePermissions(seedreset, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** Reads serve's output up to its address line, then keeps reading it (the access log) so that its pipe never fills. */
    private static int port(Process serve) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            Matcher listening = LISTENING.matcher(line);
            if (listening.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        while (lines.readLine() != null) {
                            // the access log
                        }
                    } catch (IOException e) {
                        // serve ended
                    }
                }, "serve-output");
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(listening.group(1));
            }
        }
        throw new IllegalStateException("serve ended before listening");
    }
}
