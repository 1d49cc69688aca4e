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
 * docs/DEMO_DATA.md's API walkthroughs, run as written: the organization its first commands create,
 * {@code seedreset serve} as a process on it, then every {@code bash} block of "The platform API, walked
 * through" in one shell, with curl and jq, and {@code seedreset} on the PATH. The one line changed is
 * where the API listens (a free port instead of 8080).
 */
class DemoDataWalkthroughTest {

    private static final Path DEMO_DATA = Path.of("..", "docs", "DEMO_DATA.md");
    private static final String SECTION = "## The platform API, walked through";
    private static final String API_LINE = "API=http://127.0.0.1:8080";
    private static final Pattern LISTENING = Pattern.compile("^Serving the platform API on http://127\\.0\\.0\\.1:(\\d+) ");

    @Test
    void the_walkthroughs_run_in_one_shell_against_serve_and_show_what_they_say(@TempDir Path bin) throws Exception {
        String script = script(Files.readString(DEMO_DATA));
        Cli.OnDatabase database = Cli.onFreshDatabase();
        for (String[] command : new String[][] {{"init"}, {"org", "create", "acme-demo", "--name", "Acme Events", "--kind", "demo"},
                {"apply", "ticketing-demo", "--org", "acme-demo", "--confirm", "acme-demo"}}) {
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
            assertThat(output).as(output)
                    .contains("Chicago Gales")
                    .containsPattern("\"orderNumber\": \"ORD-\\d+\",\\s+\"status\": \"PAID\"")
                    .containsPattern("order_confirmation +ethan\\.park@example\\.org +Your tickets for .* +captured")
                    .containsPattern("\"status\": \"DRAFT\"")
                    .containsPattern("(?m)^no event [0-9a-f-]{36}$")
                    .contains("\"result\": \"ACCEPTED\"")
                    .containsPattern("(?m)^409 already_used: ");
        } finally {
            serve.destroy();
            if (!serve.waitFor(30, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
    }

    /** The section's bash blocks, in order, as one script. */
    private static String script(String markdown) {
        int start = markdown.indexOf(SECTION);
        assertThat(start).as("DEMO_DATA.md has the section '" + SECTION + "'").isNotNegative();
        int end = markdown.indexOf("\n## ", start + SECTION.length());
        String section = markdown.substring(start, end < 0 ? markdown.length() : end);
        List<String> blocks = new ArrayList<>();
        Matcher block = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL).matcher(section);
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
