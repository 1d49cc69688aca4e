package io.seedreset.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.seedreset.cli.scaffold.PackScaffold;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Your first pack", followed as written: the commands of its {@code sh} blocks between the guide's
 * markers run in order, in a new directory, as a shell runs them ({@code cd}, {@code export}, {@code $PWD}), so the
 * guide and what it does cannot drift apart.
 *
 * <p>It is also the test that 'seedreset new-pack' writes a project that builds and passes its own test untouched:
 * the guide's {@code mvn} is this checkout's Maven Wrapper, offline ({@code <checkout>/mvnw -B -o}), so the project
 * builds against what is in the local Maven repository. The README's test command, {@code ./mvnw -B install} (and
 * CI's), installs each module before the next one builds, so this build's seedreset-core is there by the time this
 * module's tests run; this test installs nothing itself, and fails when the installed core is missing, older than
 * core's sources or another checkout's build (a local repository may be shared) rather than build against it.
 */
class FirstPackGuideTest {

    private static final Path CHECKOUT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern GUIDE = Pattern.compile("<!-- first-pack guide: [^>]*-->\\n(.*?)<!-- first-pack guide ends -->", Pattern.DOTALL);
    private static final Pattern SH_BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern NAMED_FILE = Pattern.compile("`(src/[^`]+)`");
    private static final long BUILD_MINUTES = 10;
    private static final long COMMAND_MINUTES = 3;

    @Test
    void the_first_pack_guide_runs_as_written(@TempDir Path home) throws Exception {
        Path core = requireInstalled("seedreset-core", CHECKOUT.resolve("seedreset-core/pom.xml"), CHECKOUT.resolve("seedreset-core/src/main"));
        requireSameClasses(core, CHECKOUT.resolve("seedreset-core/target/classes"));
        Path parent = requireInstalled("seedreset-parent", CHECKOUT.resolve("pom.xml"));
        assertThat(parent).as("the installed seedreset-parent is this checkout's pom.xml").hasSameBinaryContentAs(CHECKOUT.resolve("pom.xml"));
        List<String> commands = commands(guide());
        assertThat(commands).as("the guide's commands").hasSizeGreaterThanOrEqualTo(5);
        assertThat(commands.get(0)).startsWith("seedreset new-pack office-plants ");

        Shell shell = new Shell(home);
        Map<String, String> outputs = new HashMap<>();
        for (String command : commands) {
            Shell.Result result = shell.run(command);
            assertThat(result.exitCode()).as("$ " + command + "\n" + result.output()).isZero();
            // By the command's first two words: "mvn verify", "seedreset apply".
            outputs.put(String.join(" ", List.of(command.split(" ")).subList(0, 2)), result.output());
        }

        assertThat(outputs.get("mvn verify")).contains("Tests run: 4, Failures: 0, Errors: 0, Skipped: 0", "BUILD SUCCESS");
        assertThat(home.resolve("office-plants/target/office-plants.jar")).exists();
        assertThat(outputs.get("seedreset packs")).contains("office-plants 1.0.0  Office plants", "event-agency-starter");
        assertThat(outputs.get("seedreset plan")).contains("office_plants.customers  25", "monthly revenue", "Nothing was written.");
        assertThat(outputs.get("seedreset apply")).contains("Applied office-plants 1.0.0 to 'plants-demo'", "office_plants.customers  25");
        assertThat(outputs.get("seedreset validate")).contains("2 of 2 rules hold in 'plants-demo'.");
        assertThat(outputs.get("seedreset teardown")).contains("office_plants.customers");
    }

    @Test
    void the_files_the_guide_names_are_the_files_new_pack_writes(@TempDir Path home) throws IOException {
        String guide = guide();
        List<String> newPack = new ArrayList<>(Shell.words(commands(guide).get(0), Map.of(), home));
        newPack.remove(0);
        newPack.addAll(List.of("--dir", home.resolve("office-plants").toString()));

        Cli.Run run = Cli.run(newPack.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        Matcher named = NAMED_FILE.matcher(guide);
        List<String> files = new ArrayList<>();
        while (named.find()) {
            files.add(named.group(1));
        }
        assertThat(files).as("the files the guide names").hasSizeGreaterThanOrEqualTo(5);
        assertThat(files).allSatisfy(file -> assertThat(home.resolve("office-plants").resolve(file)).as(file).isRegularFile());
        assertThat(guide).contains("`" + "office_plants.customers" + "`");
    }

    private static String guide() throws IOException {
        Matcher guide = GUIDE.matcher(Files.readString(CHECKOUT.resolve("README.md")));
        assertThat(guide.find()).as("README.md has the first-pack guide between its markers").isTrue();
        return guide.group(1);
    }

    /** The lines of the guide's sh blocks, without comments and blank lines. */
    private static List<String> commands(String guide) {
        List<String> commands = new ArrayList<>();
        Matcher block = SH_BLOCK.matcher(guide);
        while (block.find()) {
            block.group(1).lines().map(line -> line.replaceAll("\\s+#.*$", "").strip()).filter(line -> !line.isEmpty()).forEach(commands::add);
        }
        return commands;
    }

    /**
     * Fails unless the artifact is in the local Maven repository ({@code settings.localRepository}, which the POM
     * passes to the tests) and newer than every one of its sources.
     */
    private static Path requireInstalled(String artifact, Path... sources) throws IOException {
        String version = PackScaffold.seedresetVersion();
        Path repository = Path.of(System.getProperty("seedreset.localRepository", Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
        Path installed = repository.resolve("io/seedreset").resolve(artifact).resolve(version)
                .resolve(artifact + "-" + version + (artifact.endsWith("-parent") ? ".pom" : ".jar"));
        if (!Files.isRegularFile(installed)) {
            fail(installed + " is missing: run './mvnw -B install' (the README's test command), which installs it before this test runs");
        }
        // Installing keeps a file's time to the millisecond (a POM's is its source's): a second's leeway.
        long installedAt = Files.getLastModifiedTime(installed).toMillis() + 1000;
        for (Path source : sources) {
            try (Stream<Path> files = Files.walk(source)) {
                files.filter(Files::isRegularFile).filter(file -> lastModified(file).toMillis() > installedAt).findFirst().ifPresent(newer ->
                        fail(installed + " is older than " + newer + ": run './mvnw -B install' (the README's test command), which installs it "
                                + "before this test runs"));
            }
        }
        return installed;
    }

    /**
     * Fails unless every class of the installed jar is the one this checkout compiled: the local repository may be
     * shared, and another checkout's build of the same version installed since.
     */
    private static void requireSameClasses(Path installedJar, Path classes) throws IOException {
        try (JarFile jar = new JarFile(installedJar.toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (!entry.getName().endsWith(".class")) {
                    continue;
                }
                Path compiled = classes.resolve(entry.getName());
                byte[] installed;
                try (InputStream in = jar.getInputStream(entry)) {
                    installed = in.readAllBytes();
                }
                if (!Files.isRegularFile(compiled) || !Arrays.equals(installed, Files.readAllBytes(compiled))) {
                    fail(installedJar + " is not this checkout's build (its " + entry.getName() + " differs from " + compiled
                            + "): run './mvnw -B install' (the README's test command), which installs it before this test runs");
                }
            }
        }
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The few things of a POSIX shell the guide uses: cd, export, double quotes, $PWD; seedreset and mvn. */
    private static final class Shell {

        record Result(int exitCode, String output) {
        }

        private final Path home;
        private final Map<String, String> exported = new HashMap<>();
        private Path directory;
        private int run;

        Shell(Path home) {
            this.home = home;
            this.directory = home;
        }

        Result run(String command) throws IOException, InterruptedException {
            List<String> words = words(command, exported, directory);
            switch (words.get(0)) {
                case "cd" -> {
                    directory = directory.resolve(words.get(1)).normalize();
                    assertThat(directory).as(command).isDirectory();
                    return new Result(0, "");
                }
                case "export" -> {
                    String[] assignment = words.get(1).split("=", 2);
                    exported.put(assignment[0], assignment[1]);
                    return new Result(0, "");
                }
                case "seedreset" -> {
                    return execute(seedreset(words.subList(1, words.size())), COMMAND_MINUTES);
                }
                case "mvn" -> {
                    List<String> maven = new ArrayList<>(List.of(CHECKOUT.resolve("mvnw").toString(), "-B", "-o"));
                    String repository = System.getProperty("seedreset.localRepository");
                    if (repository != null) {
                        maven.add("-Dmaven.repo.local=" + repository);
                    }
                    maven.addAll(words.subList(1, words.size()));
                    return execute(new ProcessBuilder(maven), BUILD_MINUTES);
                }
                default -> throw new AssertionError("the guide runs '" + words.get(0) + "', which this test does not know how to run: " + command);
            }
        }

        /** seedreset as the launcher runs it, on this build's classes, with only the guide's own SEEDRESET_ variables. */
        private ProcessBuilder seedreset(List<String> args) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    "-Dlogback.configurationFile=" + Path.of("target", "classes", "logback.xml").toAbsolutePath(), Main.class.getName()));
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().keySet().removeIf(name -> name.startsWith("SEEDRESET_") || name.startsWith("SEED_"));
            return builder;
        }

        private Result execute(ProcessBuilder builder, long minutes) throws IOException, InterruptedException {
            Path output = home.resolve(".output-" + (++run) + ".txt");
            builder.directory(directory.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(exported);
            Process process = builder.start();
            if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                fail(String.join(" ", builder.command()) + " did not finish within " + minutes + " minutes:\n" + Files.readString(output));
            }
            return new Result(process.exitValue(), Files.readString(output));
        }

        /** A line's words: split at spaces outside double quotes, $PWD replaced by the current directory. */
        static List<String> words(String line, Map<String, String> exported, Path directory) {
            List<String> words = new ArrayList<>();
            StringBuilder word = new StringBuilder();
            boolean quoted = false;
            boolean inWord = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                    inWord = true;
                } else if (c == ' ' && !quoted) {
                    if (inWord) {
                        words.add(word.toString());
                        word.setLength(0);
                        inWord = false;
                    }
                } else if (c == '$') {
                    Matcher variable = Pattern.compile("\\$([A-Z_]+)").matcher(line).region(i, line.length());
                    assertThat(variable.lookingAt()).as("a variable in: " + line).isTrue();
                    String name = variable.group(1);
                    word.append(name.equals("PWD") ? directory.toString() : exported.getOrDefault(name, ""));
                    i = variable.end() - 1;
                    inWord = true;
                } else {
                    word.append(c);
                    inWord = true;
                }
            }
            assertThat(quoted).as("a quote left open in: " + line).isFalse();
            if (inWord) {
                words.add(word.toString());
            }
            return words;
        }
    }
}
