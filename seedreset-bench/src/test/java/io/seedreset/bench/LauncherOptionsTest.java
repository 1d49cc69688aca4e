package io.seedreset.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** ./bench small times the cold apply as the launcher runs it: with the launcher's own JVM options. */
class LauncherOptionsTest {

    @Test
    void the_benchmark_uses_the_jvm_options_the_launcher_gives_every_short_command() throws Exception {
        String launcher = Files.readString(Path.of("..", "seedreset"));
        assertThat(launcher).contains("exec java " + String.join(" ", SmallBenchmark.LAUNCHER_JVM_OPTIONS) + " ${SEEDRESET_JAVA_OPTS:-} -jar");
    }
}
