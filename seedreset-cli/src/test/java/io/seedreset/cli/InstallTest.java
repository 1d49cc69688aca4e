package io.seedreset.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'seedreset install' makes the printed and documented 'seedreset ...' commands work as typed. */
class InstallTest {

    @Test
    void install_links_the_launcher_into_a_directory_and_says_whether_it_is_on_the_path(@TempDir Path home) throws Exception {
        Path launcher = Files.writeString(home.resolve("seedreset"), "#!/bin/sh\n");
        Path bin = home.resolve("bin");
        Map<String, String> environment = Map.of(InstallCommand.LAUNCHER_VARIABLE, launcher.toString(), "PATH", "/usr/bin:/bin");

        Cli.Run first = Cli.run(environment, "install", "--bin-dir", bin.toString());
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(Files.readSymbolicLink(bin.resolve("seedreset"))).isEqualTo(launcher);
        assertThat(first.out()).isEqualTo("Linked " + bin.resolve("seedreset") + " to " + launcher + ".\n"
                + bin + " is not on your PATH: add it, e.g. echo 'export PATH=\"" + bin + ":$PATH\"' >> ~/.bashrc, then open a new shell.\n");

        Cli.Run again = Cli.run(Map.of(InstallCommand.LAUNCHER_VARIABLE, launcher.toString(), "PATH", bin + ":/usr/bin"),
                "install", "--bin-dir", bin.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).isEqualTo(bin.resolve("seedreset") + " already links to " + launcher + ".\n"
                + "Type 'seedreset' in any directory, e.g. 'seedreset --help'.\n");
    }

    @Test
    void install_with_json_prints_what_it_did_as_json(@TempDir Path home) throws Exception {
        Path launcher = Files.writeString(home.resolve("seedreset"), "#!/bin/sh\n");
        Path bin = home.resolve("bin");
        Map<String, String> environment = Map.of(InstallCommand.LAUNCHER_VARIABLE, launcher.toString(), "PATH", bin + ":/usr/bin");

        Cli.Run first = Cli.run(environment, "--json", "install", "--bin-dir", bin.toString());
        assertThat(first.exitCode()).as(first.toString()).isZero();
        JsonNode linked = new ObjectMapper().readTree(first.out());
        assertThat(linked.get("link").asText()).isEqualTo(bin.resolve("seedreset").toString());
        assertThat(linked.get("target").asText()).isEqualTo(launcher.toString());
        assertThat(linked.get("status").asText()).isEqualTo("linked");
        assertThat(linked.get("onPath").asBoolean()).isTrue();

        JsonNode again = new ObjectMapper().readTree(Cli.run(environment, "install", "--bin-dir", bin.toString(), "--json").out());
        assertThat(again.get("status").asText()).isEqualTo("already_linked");

        Cli.Run taken = Cli.run(Map.of(InstallCommand.LAUNCHER_VARIABLE, home.resolve("other").toString()), "--json", "install",
                "--bin-dir", bin.toString());
        assertThat(taken.exitCode()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(taken.out()).isEmpty();
        assertThat(new ObjectMapper().readTree(taken.err()).get("error").get("kind").asText()).isEqualTo("conflict");
    }

    @Test
    void install_never_replaces_another_seedreset(@TempDir Path home) throws Exception {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Files.writeString(bin.resolve("seedreset"), "someone else's\n");
        Cli.Run run = Cli.run(Map.of(InstallCommand.LAUNCHER_VARIABLE, home.resolve("launcher").toString()), "install",
                "--bin-dir", bin.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(run.err()).isEqualTo("seedreset: " + bin.resolve("seedreset")
                + " already exists: remove it first, or choose another directory with --bin-dir\n");
        assertThat(Files.readString(bin.resolve("seedreset"))).isEqualTo("someone else's\n");
    }
}
