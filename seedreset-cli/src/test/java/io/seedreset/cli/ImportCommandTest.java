package io.seedreset.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code seedreset import} on the reference platform: a prospect's vendor list into suppliers.vendors.
 * Every bad file is exit 2 with one line naming the file, line and column, and writes nothing; a
 * production organization is refused (exit 3) and audited; the imported rows are the ledger's, so
 * teardown removes them and reset drops them; a 100 MB file streams through a 64 MB heap.
 */
class ImportCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "name,category,contact_name,email,phone,city,state,rating,created_at\n";
    private static final String VENDOR_A = "00000000-0000-4000-8000-00000000000a";

    @TempDir
    Path directory;

    private Cli.OnDatabase database;
    private DataSource dataSource;

    @BeforeEach
    void organizations() {
        database = Cli.onFreshDatabase("--actor", "import-test");
        dataSource = database.dataSource();
        ok("init");
        ok("org", "create", "prospect", "--name", "Prospect Demo", "--kind", "demo");
        ok("org", "create", "acme", "--name", "Acme");
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(directory.resolve(name), text);
    }

    private Cli.Run importing(Path file, String... more) {
        List<String> args = new ArrayList<>(List.of("import", "--org", "prospect", "--table", "suppliers.vendors", "--from", file.toString()));
        args.addAll(List.of(more));
        return database.run(args.toArray(String[]::new));
    }

    @Test
    void a_vendor_list_imports_from_csv_and_json_into_the_ledger_and_teardown_and_reset_remove_it() throws Exception {
        Path csv = file("vendors.csv", HEADER
                + "\"Bloom & Co, Florals\",florals,Ana Silva,ana@bloom.example,555-0100,Austin,TX,4.5,2026-01-05T09:00:00Z\n"
                + "Sound Works,audio_visual,\"Lee \"\"Mac\"\" Park\",lee@sound.example,555-0101,Dallas,TX,,2026-01-06\n");
        Path json = file("vendors.json", """
                [{"id": "%s", "name": "Fleet Cars", "category": "transportation", "contact_name": "Kim", "email": "kim@fleet.example",
                  "phone": "555-0102", "city": "Houston", "state": "TX", "rating": 3, "created_at": "2026-01-07T10:00:00Z"}]
                """.formatted(VENDOR_A));

        Cli.Run table = importing(csv, "--confirm", "prospect");
        Cli.Run asJson = database.run("--json", "import", "--org", "prospect", "--table", "suppliers.vendors", "--from", json.toString(),
                "--confirm", "prospect");

        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.out()).matches("(?s)Imported 2 rows of vendors\\.csv into suppliers\\.vendors of 'prospect' in \\d+ ms \\(ids made from"
                + " the file\\)\\.\nApplication [0-9a-f-]{36}: 'seedreset --url \\S+ --user postgres teardown --org prospect --confirm prospect --application [0-9a-f-]{36}'"
                + " removes them; a reset drops them\\.\n");
        assertThat(asJson.exitCode()).as(asJson.toString()).isZero();
        JsonNode result = JSON.readTree(asJson.out());
        assertThat(result.get("rows").asLong()).isEqualTo(1);
        assertThat(result.get("source").asText()).isEqualTo("vendors.json");
        assertThat(result.get("generatedIds").asBoolean()).isFalse();
        assertThat(result.get("dryRun").asBoolean()).isFalse();
        assertThat(strings("SELECT name || '|' || contact_name || '|' || coalesce(rating::text, '-') FROM suppliers.vendors ORDER BY name"))
                .containsExactly("Bloom & Co, Florals|Ana Silva|4.5", "Fleet Cars|Kim|3.0", "Sound Works|Lee \"Mac\" Park|-");
        assertThat(count("SELECT count(*) FROM platform.seed_rows WHERE table_name = 'suppliers.vendors'")).isEqualTo(3);
        assertThat(strings("SELECT source || ' ' || pack_id FROM platform.seed_applications ORDER BY seq"))
                .containsExactly("import import:suppliers.vendors", "import import:suppliers.vendors");

        String application = result.get("application").asText();
        ok("teardown", "--org", "prospect", "--confirm", "prospect", "--application", application);
        assertThat(count("SELECT count(*) FROM suppliers.vendors")).isEqualTo(2);
        ok("reset", "--org", "prospect", "--confirm", "prospect");
        assertThat(count("SELECT count(*) FROM suppliers.vendors")).isZero();
        assertThat(count("SELECT count(*) FROM platform.seed_rows")).isZero();
    }

    @Test
    void every_bad_file_exits_2_with_one_line_naming_file_line_and_column_and_writes_nothing() throws Exception {
        assertThat(importing(file("first.csv", HEADER + "Ok,florals,A,a@x.example,1,X,TX,,2026-01-05\n"), "--confirm", "prospect").exitCode())
                .isZero();
        Files.write(directory.resolve("latin1.csv"), (HEADER + "Caf\u00e9 Royal,catering,A,a@x.example,1,X,TX,,2026-01-05\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("latin1.csv", "latin1.csv, line 2, column 4: not UTF-8 text (byte 0xE9); save the file as UTF-8");
        file("colour.csv", HEADER.replace("rating", "colour") + "Ok,florals,A,a@x.example,1,X,TX,red,2026-01-05\n");
        cases.put("colour.csv", "colour.csv, line 1, column colour: suppliers.vendors has no such column (it has id, name, category,"
                + " contact_name, email, phone, city, state, rating, created_at)");
        file("no-email.csv", HEADER.replace("email,", "") + "Ok,florals,A,1,X,TX,,2026-01-05\n");
        cases.put("no-email.csv", "no-email.csv, line 1, column email: missing: suppliers.vendors needs a value in it (NOT NULL, no default)");
        file("category.csv", HEADER + "Ok,florals,A,a@x.example,1,X,TX,,2026-01-05\n\"Big\nTop\",circus,B,b@x.example,2,Y,TX,,2026-01-05\n");
        cases.put("category.csv", "category.csv, line 4, column category: new row for relation suppliers.vendors violates check constraint"
                + " \"vendors_category_check\"");
        file("date.json", "[{\"name\": \"Ok\", \"category\": \"florals\", \"contact_name\": \"A\", \"email\": \"a@x.example\", \"phone\": \"1\","
                + "\n  \"city\": \"X\", \"state\": \"TX\", \"rating\": null, \"created_at\": \"last tuesday\"}]");
        cases.put("date.json", "date.json, line 2, column created_at: invalid input syntax for type timestamp with time zone: \"last tuesday\"");
        file("dup.csv", "id," + HEADER + VENDOR_A + ",A,florals,A,a@x.example,1,X,TX,,2026-01-05\n"
                + VENDOR_A + ",B,florals,B,b@x.example,2,Y,TX,,2026-01-05\n");
        cases.put("dup.csv", "dup.csv, line 3, column id: duplicate key (id = " + VENDOR_A + "), also on line 2");
        cases.put("first.csv", "first.csv, line 2, column id: duplicate key (id = " + text("SELECT id::text FROM suppliers.vendors") + "): already"
                + " in suppliers.vendors (the ids are made from the file's name and each record's place: this file was imported into this"
                + " organization already)");
        file("empty.csv", "");
        cases.put("empty.csv", "empty.csv: the file is empty");
        Map<String, String> before = DatabaseSnapshot.of(dataSource, "platform.seed_audit");

        for (Map.Entry<String, String> c : cases.entrySet()) {
            Cli.Run run = importing(directory.resolve(c.getKey()), "--confirm", "prospect");
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).as(c.getKey()).isEqualTo("seedreset: " + c.getValue() + "; nothing was imported\n");
            assertThat(DatabaseSnapshot.of(dataSource, "platform.seed_audit")).as(c.getKey()).isEqualTo(before);
        }
        Cli.Run json = database.run("--json", "import", "--org", "prospect", "--table", "suppliers.vendors", "--from",
                directory.resolve("category.csv").toString(), "--confirm", "prospect");
        JsonNode error = JSON.readTree(json.err()).get("error");
        assertThat(error.get("reason").asText()).isEqualTo("invalid_import");
        assertThat(error.get("details").get("line").asText()).isEqualTo("4");
        assertThat(error.get("details").get("column").asText()).isEqualTo("category");
        assertThat(error.get("details").get("value").asText()).isEqualTo("category.csv");
    }

    @Test
    void production_is_refused_with_exit_3_and_audited_and_a_missing_confirmation_is_exit_4() throws Exception {
        Path csv = file("vendors.csv", HEADER + "Ok,florals,A,a@x.example,1,X,TX,,2026-01-05\n");
        Map<String, String> before = DatabaseSnapshot.of(dataSource, "platform.seed_audit");

        Cli.Run production = database.run("import", "--org", "acme", "--table", "suppliers.vendors", "--from", csv.toString(), "--confirm", "acme");
        Cli.Run dryRun = database.run("import", "--org", "acme", "--table", "suppliers.vendors", "--from", csv.toString(), "--dry-run");
        Cli.Run unconfirmed = importing(csv);

        assertThat(production.exitCode()).as(production.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(production.err()).startsWith("seedreset: organization 'acme' is a production organization");
        assertThat(dryRun.exitCode()).as(dryRun.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(unconfirmed.exitCode()).as(unconfirmed.toString()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(DatabaseSnapshot.of(dataSource, "platform.seed_audit")).isEqualTo(before);
        assertThat(strings("SELECT a.operation || ' ' || a.outcome || ' ' || a.org_slug FROM platform.seed_audit a WHERE a.operation = 'import'"
                + " ORDER BY a.id")).containsExactly("import refused acme", "import refused acme", "import conflict prospect");
    }

    @Test
    void a_dry_run_checks_every_row_and_writes_nothing() throws Exception {
        Path csv = file("vendors.csv", HEADER + "Ok,florals,A,a@x.example,1,X,TX,,2026-01-05\nAlso,staging,B,b@x.example,2,Y,TX,5,2026-01-05\n");
        Map<String, String> before = DatabaseSnapshot.of(dataSource, "platform.seed_audit");

        Cli.Run run = importing(csv, "--dry-run");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("Dry run of import into 'prospect' (nothing written): vendors.csv would import 2 rows into"
                + " suppliers.vendors (ids made from the file).\n");
        assertThat(DatabaseSnapshot.of(dataSource, "platform.seed_audit")).isEqualTo(before);
    }

    /**
     * A 100 MB file through a 64 MB heap: the CLI in a process of its own, as a user runs it. Reading the
     * file whole, or keeping a line per record, would not fit.
     */
    @Test
    void a_100_mb_file_streams_through_a_64_mb_heap() throws Exception {
        Path big = directory.resolve("big.csv");
        // Wide rows (a long name, kept under the size PostgreSQL would compress) make 100 MB of fewer rows, so the test stays quick.
        String padding = "x".repeat(1500);
        long rows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(big)) {
            out.write(HEADER);
            while (Files.size(big) < 100L * 1024 * 1024 || rows == 0) {
                for (int i = 0; i < 10_000; i++, rows++) {
                    out.write("\"Vendor " + rows + " " + padding + "\",catering,Contact " + rows + ",v" + rows + "@x.example,555-" + rows
                            + ",Austin,TX,4.5,2026-01-05T09:00:00Z\n");
                }
                out.flush();
            }
        }
        assertThat(Files.size(big)).isGreaterThanOrEqualTo(100L * 1024 * 1024);

        ProcessBuilder builder = Cli.process(Map.of(), "--url", database.url(), "--user", "postgres", "import", "--org", "prospect",
                "--table", "suppliers.vendors", "--from", big.toString(), "--confirm", "prospect");
        builder.command().add(1, "-Xmx64m");
        builder.redirectErrorStream(true);
        long started = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Imported " + rows + " rows of big.csv into suppliers.vendors");
        assertThat(count("SELECT count(*) FROM suppliers.vendors")).isEqualTo(rows);
        assertThat(count("SELECT count(*) FROM platform.seed_rows")).isEqualTo(rows);
        System.out.println("imported " + rows + " rows (" + Files.size(big) + " bytes) with -Xmx64m in " + millis + " ms");
    }

    private void ok(String... args) {
        Cli.Run run = database.run(args);
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private String text(String sql) throws SQLException {
        return strings(sql).get(0);
    }

    private long count(String sql) throws SQLException {
        return Long.parseLong(text(sql));
    }
}
