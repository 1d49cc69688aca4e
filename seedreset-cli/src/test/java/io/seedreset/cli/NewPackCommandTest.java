package io.seedreset.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seedreset.cli.scaffold.PackScaffold;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 'seedreset new-pack' writes a pack project whole, or refuses in one line and writes nothing. That the project
 * builds and passes its test is {@link FirstPackGuideTest}'s to show.
 */
class NewPackCommandTest {

    @Test
    void new_pack_writes_the_project_and_lists_its_files(@TempDir Path home) throws IOException {
        Path project = home.resolve("office-plants");

        Cli.Run run = Cli.run("new-pack", "office-plants", "--dir", project.toString(), "--package", "com.example.plants");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> files = List.of(
                "pom.xml",
                "src/main/java/com/example/plants/OfficePlantsPack.java",
                "src/main/java/com/example/plants/Customers.java",
                "src/main/resources/db/modules/office_plants/V1000__office_plants.sql",
                "src/main/resources/META-INF/services/io.seedreset.pack.SeedPack",
                "src/test/java/com/example/plants/OfficePlantsPackTest.java",
                "src/test/resources/logback-test.xml",
                ".gitignore");
        assertThat(filesUnder(project)).containsExactlyInAnyOrderElementsOf(files);
        assertThat(run.out()).startsWith("Wrote the seed pack 'office-plants' to " + project + ":\n"
                + "  pom.xml" + " ".repeat(63) + "depends on seedreset-core " + PackScaffold.seedresetVersion() + "; the test on JUnit and an embedded PostgreSQL\n"
                + "  src/main/java/com/example/plants/OfficePlantsPack.java" + " ".repeat(16) + "the pack: id, version, modes, parameters and its validation rules\n");
        assertThat(run.out()).endsWith("Next: build it and run its test (mvn verify), then load it into seedreset with SEEDRESET_PACKS:\n"
                + "  cd " + project + " && mvn verify\n"
                + "  export SEEDRESET_PACKS=" + project.resolve("target/office-plants.jar") + "\n");
        assertThat(run.out().lines().filter(line -> line.startsWith("  src/") || line.startsWith("  pom.xml") || line.startsWith("  .git")))
                .hasSize(files.size());

        String pom = Files.readString(project.resolve("pom.xml"));
        assertThat(pom).contains("<groupId>com.example.plants</groupId>", "<artifactId>office-plants</artifactId>",
                "<seedreset.version>" + PackScaffold.seedresetVersion() + "</seedreset.version>", "<finalName>${project.artifactId}</finalName>")
                .doesNotContain("{{");
        assertThat(PackScaffold.seedresetVersion()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(Files.readString(project.resolve("src/main/resources/META-INF/services/io.seedreset.pack.SeedPack")))
                .isEqualTo("com.example.plants.OfficePlantsPack\n");
        assertThat(Files.readString(project.resolve("src/main/java/com/example/plants/OfficePlantsPack.java")))
                .contains("package com.example.plants;", "public final class OfficePlantsPack implements SeedPack",
                        "public static final String ID = \"office-plants\";", "\"office_plants.customers\"", "\"Office plants\"");
        assertThat(Files.readString(project.resolve("src/main/resources/db/modules/office_plants/V1000__office_plants.sql")))
                .contains("CREATE TABLE office_plants.customers (", "org_id       uuid         NOT NULL REFERENCES platform.organizations (id)");
        // Nothing left beside it: the files were written in a directory next to it and moved into place.
        assertThat(filesUnder(home).stream().filter(path -> !path.startsWith("office-plants/"))).isEmpty();
    }

    @Test
    void without_dir_and_package_it_writes_into_a_directory_named_by_the_id_in_com_example(@TempDir Path home) throws IOException {
        Path empty = Files.createDirectories(home.resolve("receipts"));

        Cli.Run run = Cli.run("--json", "new-pack", "receipts", "--dir", empty.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode result = new ObjectMapper().readTree(run.out());
        assertThat(result.get("pack").asText()).isEqualTo("receipts");
        assertThat(result.get("directory").asText()).isEqualTo(empty.toString());
        assertThat(result.get("javaPackage").asText()).isEqualTo("com.example.receipts");
        assertThat(result.get("packClass").asText()).isEqualTo("com.example.receipts.ReceiptsPack");
        assertThat(result.get("table").asText()).isEqualTo("receipts.customers");
        assertThat(result.get("seedresetVersion").asText()).isEqualTo(PackScaffold.seedresetVersion());
        assertThat(result.get("files")).hasSize(8);
        assertThat(empty.resolve("src/main/java/com/example/receipts/ReceiptsPack.java")).exists();
        assertThat(PackScaffold.of("acme-pack", null).className()).isEqualTo("AcmePack");
        assertThat(PackScaffold.of("shop-2", null).javaPackage()).isEqualTo("com.example.shop2");
    }

    @Test
    void an_invalid_id_is_one_line_with_exit_2_and_writes_nothing(@TempDir Path home) throws IOException {
        for (String id : List.of("Office-Plants", "office_plants", "plants-", "office--plants", "3d-prints", "x", "a".repeat(64))) {
            Cli.Run run = Cli.run("new-pack", id, "--dir", home.resolve("p").toString());
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).isEqualTo("seedreset: pack id '" + id + "' must be 2 to 63 lower-case letters, digits and single dashes, "
                    + "starting with a letter (e.g. office-plants)\n");
            assertThat(run.out()).isEmpty();
        }
        Cli.Run reserved = Cli.run("new-pack", "user", "--dir", home.resolve("p").toString());
        assertThat(reserved.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(reserved.err()).isEqualTo("seedreset: pack id 'user' would name its schema 'user', which PostgreSQL or Seed & Reset keeps "
                + "for itself: choose another id\n");
        Cli.Run keyword = Cli.run("new-pack", "int", "--dir", home.resolve("p").toString());
        assertThat(keyword.err()).isEqualTo("seedreset: pack id 'int' makes the package 'com.example.int', which is not a Java package name: "
                + "give one with --package\n");
        Cli.Run badPackage = Cli.run("new-pack", "plants", "--package", "com.example.new", "--dir", home.resolve("p").toString());
        assertThat(badPackage.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badPackage.err()).isEqualTo("seedreset: --package 'com.example.new' is not a Java package name (e.g. com.example.plants)\n");
        Cli.Run json = Cli.run("--json", "new-pack", "Plants", "--dir", home.resolve("p").toString());
        assertThat(new ObjectMapper().readTree(json.err()).get("error").get("reason").asText()).isEqualTo("invalid_value");
        assertThat(filesUnder(home)).isEmpty();
        assertThat(home.resolve("p")).doesNotExist();
    }

    @Test
    void an_existing_directory_that_is_not_empty_is_refused_and_left_as_it_was(@TempDir Path home) throws IOException {
        Path taken = Files.createDirectories(home.resolve("plants"));
        Files.writeString(taken.resolve("notes.txt"), "mine\n");
        Path file = Files.writeString(home.resolve("plants.txt"), "a file\n");

        Cli.Run run = Cli.run("new-pack", "plants", "--dir", taken.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("seedreset: " + taken + " is not empty: give a new or empty directory with --dir; nothing was written\n");
        assertThat(run.out()).isEmpty();
        Cli.Run onAFile = Cli.run("new-pack", "plants", "--dir", file.toString());
        assertThat(onAFile.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(onAFile.err()).isEqualTo("seedreset: " + file + " is a file: give a new or empty directory with --dir; nothing was written\n");
        assertThat(filesUnder(home)).containsExactlyInAnyOrder("plants/notes.txt", "plants.txt");
        assertThat(Files.readString(taken.resolve("notes.txt"))).isEqualTo("mine\n");
    }

    @Test
    void a_directory_that_cannot_be_made_fails_with_exit_1_and_writes_nothing(@TempDir Path home) throws IOException {
        Path file = Files.writeString(home.resolve("plants.txt"), "a file\n");
        Path underAFile = file.resolve("plants");

        Cli.Run run = Cli.run("new-pack", "plants", "--dir", underAFile.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).isEqualTo("seedreset: cannot write the pack project to " + underAFile + ": java.nio.file.FileAlreadyExistsException: "
                + file + "; nothing was written\n");
        assertThat(filesUnder(home)).containsExactly("plants.txt");
    }

    /** Every regular file under a directory, as a relative path with '/'. */
    private static List<String> filesUnder(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(Files::isRegularFile).map(path -> directory.relativize(path).toString().replace('\\', '/')).toList();
        }
    }
}
