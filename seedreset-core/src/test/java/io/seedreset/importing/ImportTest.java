package io.seedreset.importing;

import static io.seedreset.fixture.Fixture.DEMO;
import static io.seedreset.fixture.Fixture.PRODUCTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedreset.api.ApplicationRecord;
import io.seedreset.api.AuditEntry;
import io.seedreset.api.AuditOperation;
import io.seedreset.api.AuditOutcome;
import io.seedreset.api.HistoryRequest;
import io.seedreset.api.ImportRequest;
import io.seedreset.api.ImportResult;
import io.seedreset.api.ResetRequest;
import io.seedreset.api.SeedReset;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.api.TeardownRequest;
import io.seedreset.fixture.Fixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportTest {

    private static final String ACCOUNTS = "fixture.accounts";
    private static final String ENTRIES = "fixture.entries";
    private static final String PROFILES = "fixture.profiles";
    private static final UUID ACME = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID GLOBEX = UUID.fromString("00000000-0000-4000-8000-000000000002");

    private final Fixture fixture = new Fixture();
    private final SeedReset seedReset = fixture.seedReset;

    @TempDir
    Path directory;

    @AfterEach
    void the_invariant_holds() {
        assertThat(fixture.seededRowsInProduction()).isZero();
        assertThat(fixture.miscountedOrganizations()).isZero();
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(directory.resolve(name), text);
    }

    private ImportResult importInto(String table, Path file) {
        return seedReset.importRows(ImportRequest.of(DEMO, table, file).confirm(DEMO));
    }

    private List<String> rows(String table) {
        return fixture.strings("SELECT (to_jsonb(t) - 'org_id')::text FROM " + table + " t JOIN platform.organizations o ON o.id = t.org_id"
                + " WHERE o.slug = ? ORDER BY t.id", DEMO);
    }

    /** Everything an import could write: the three tables, the ledger and the applications. */
    private List<String> state() {
        List<String> state = new ArrayList<>();
        for (String table : List.of(ACCOUNTS, ENTRIES, PROFILES)) {
            state.add("-- " + table);
            state.addAll(rows(table));
        }
        state.add("ledger " + fixture.count("SELECT count(*) FROM platform.seed_rows"));
        state.add("applications " + fixture.count("SELECT count(*) FROM platform.seed_applications"));
        return state;
    }

    private long ledgerRows(UUID application) {
        return fixture.count("SELECT count(*) FROM platform.seed_rows WHERE application_id = '" + application + "'");
    }

    private List<AuditEntry> imports() {
        return seedReset.history(HistoryRequest.of(null)).audit().stream().filter(e -> e.operation() == AuditOperation.IMPORT).toList();
    }

    @Test
    void a_csv_file_with_quoted_commas_quotes_and_line_breaks_loads_with_ids_made_for_it_and_the_ledger_holds_every_row() throws Exception {
        Path vendors = file("accounts.csv", "name,balance\r\n\"Acme, Inc.\",12.50\r\n\"Line\nBreak \"\"Co\"\"\",3\r\n\r\nPlain,0\r\n");

        ImportResult result = importInto(ACCOUNTS, vendors);

        assertThat(result.rows()).isEqualTo(3);
        assertThat(result.generatedIds()).isTrue();
        assertThat(result.source()).isEqualTo("accounts.csv");
        assertThat(fixture.strings("SELECT name || '|' || balance FROM fixture.accounts ORDER BY balance"))
                .containsExactly("Plain|0.00", "Line\nBreak \"Co\"|3.00", "Acme, Inc.|12.50");
        assertThat(ledgerRows(result.application())).isEqualTo(3);
        ApplicationRecord application = seedReset.history(HistoryRequest.of(DEMO)).applications().get(0);
        assertThat(application.id()).isEqualTo(result.application());
        assertThat(application.source()).isEqualTo(ApplicationRecord.Source.IMPORT);
        assertThat(application.packId()).isEqualTo("import:fixture.accounts");
        assertThat(application.parameters()).containsEntry("file", "accounts.csv").containsEntry("rows", 3).containsEntry("table", ACCOUNTS);
        assertThat(application.counts()).containsExactly(java.util.Map.entry(ACCOUNTS, 3L));
        assertThat(imports()).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
            assertThat(e.message()).isEqualTo("imported 3 rows of accounts.csv into fixture.accounts");
        });
    }

    @Test
    void json_rows_load_with_their_ids_references_arrays_and_nulls() throws Exception {
        importInto(ACCOUNTS, file("accounts.csv", "id,name,balance\n" + ACME + ",Acme,10\n" + GLOBEX + ",Globex,20\n"));
        Path entries = file("entries.json", """
                [
                  {"id": "00000000-0000-4000-8000-0000000000e1", "account_id": "%s", "memo": "Deposit", "amount": 12.5,
                   "booked_at": "2026-11-20T09:00:00Z"},
                  {"memo": "Tab\\there", "amount": -3, "account_id": "%s", "booked_at": "2026-11-21T10:00:00+01:00",
                   "id": "00000000-0000-4000-8000-0000000000e2"}
                ]
                """.formatted(ACME, GLOBEX));
        Path profiles = file("profiles.json", """
                [{"score": 1.123456789, "seen_at": "2026-11-20T09:30:00Z", "born": "1984-02-29", "tags": ["a,b", "quote\\"d", null, "back\\\\slash"],
                  "email": "ana@example.test"}]""");

        ImportResult result = importInto(ENTRIES, entries);
        importInto(PROFILES, profiles);

        assertThat(result.rows()).isEqualTo(2);
        assertThat(result.generatedIds()).isFalse();
        assertThat(fixture.strings("SELECT memo || '|' || amount || '|' || booked_at AT TIME ZONE 'UTC' || '|' || a.name FROM fixture.entries e"
                + " JOIN fixture.accounts a ON a.org_id = e.org_id AND a.id = e.account_id ORDER BY e.id"))
                .containsExactly("Deposit|12.50|2026-11-20 09:00:00|Acme", "Tab\there|-3.00|2026-11-21 09:00:00|Globex");
        assertThat(fixture.strings("SELECT array_to_json(tags)::text || '|' || born || '|' || score FROM fixture.profiles"))
                .containsExactly("[\"a,b\",\"quote\\\"d\",null,\"back\\\\slash\"]|1984-02-29|1.123456789");
        assertThat(ledgerRows(result.application())).isEqualTo(2);
    }

    @Test
    void every_bad_file_is_one_line_naming_file_line_and_column_and_writes_nothing() throws Exception {
        importInto(ACCOUNTS, file("accounts.csv", "id,name,balance\n" + ACME + ",Acme,10\n"));
        List<String> before = state();
        List<String[]> cases = new ArrayList<>();
        byte[] latin1 = "name,balance\nAcme,1\nCaf\u00e9,2\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(directory.resolve("latin1.csv"), latin1);
        cases.add(new String[] {ACCOUNTS, "latin1.csv", "latin1.csv, line 3, column 4: not UTF-8 text (byte 0xE9); save the file as UTF-8"});
        cases.add(new String[] {ACCOUNTS, file("unknown.csv", "name,balance,colour\nAcme,1,red\n").getFileName().toString(),
                "unknown.csv, line 1, column colour: fixture.accounts has no such column (it has id, name, balance)"});
        cases.add(new String[] {ACCOUNTS, file("missing.csv", "name\nAcme\n").getFileName().toString(),
                "missing.csv, line 1, column balance: missing: fixture.accounts needs a value in it (NOT NULL, no default)"});
        cases.add(new String[] {ACCOUNTS, file("org.csv", "org_id,name,balance\n" + ACME + ",Acme,1\n").getFileName().toString(),
                "org.csv, line 1, column org_id: the organization is the one imported into, never the file's: remove the column"});
        cases.add(new String[] {ACCOUNTS, file("twice.csv", "name,balance,name\nAcme,1,Acme\n").getFileName().toString(),
                "twice.csv, line 1, column name: named twice"});
        cases.add(new String[] {ACCOUNTS, file("bad-value.csv", "name,balance\nFine,1\n\"Two\nlines\",abc\n").getFileName().toString(),
                "bad-value.csv, line 4, column balance: invalid input syntax for type numeric: \"abc\""});
        cases.add(new String[] {ACCOUNTS, file("null.csv", "name,balance\nFine,1\nEmpty,\n").getFileName().toString(),
                "null.csv, line 3, column balance: null value in column \"balance\" of relation fixture.accounts violates not-null constraint"});
        cases.add(new String[] {ACCOUNTS, file("fields.csv", "name,balance\nFine,1\nOne,2,3\n").getFileName().toString(),
                "fields.csv, line 3: 3 fields where the header has 2"});
        cases.add(new String[] {ACCOUNTS, file("quote.csv", "name,balance\nFine,1\n\"Never closed,2\n").getFileName().toString(),
                "quote.csv, line 3, column name: a quoted field is never closed (a '\"' is missing)"});
        cases.add(new String[] {ACCOUNTS, file("dup.csv", "id,name,balance\n" + GLOBEX + ",Globex,1\n\n" + GLOBEX + ",Globex again,2\n")
                .getFileName().toString(), "dup.csv, line 4, column id: duplicate key (id = " + GLOBEX + "), also on line 2"});
        cases.add(new String[] {ACCOUNTS, file("exists.csv", "id,name,balance\n" + GLOBEX + ",Globex,1\n" + ACME + ",Acme,2\n")
                .getFileName().toString(), "exists.csv, line 3, column id: duplicate key (id = " + ACME + "): already in fixture.accounts"});
        cases.add(new String[] {ACCOUNTS, file("accounts.csv", "id,name,balance\n" + ACME + ",Acme,10\n").getFileName().toString(),
                "accounts.csv, line 2, column id: duplicate key (id = " + ACME + "): already in fixture.accounts"});
        cases.add(new String[] {ENTRIES, file("orphan.json", """
                [{"id": "00000000-0000-4000-8000-0000000000e1", "account_id": "%s", "memo": "ok", "amount": 1, "booked_at": "2026-11-20"},
                 {"id": "00000000-0000-4000-8000-0000000000e2", "memo": "orphan", "amount": 1, "booked_at": "2026-11-20",
                  "account_id": "%s"}]""".formatted(ACME, GLOBEX)).getFileName().toString(),
                "orphan.json, line 3, column account_id: refers to a row that does not exist: no row of fixture.accounts in this organization"
                        + " has id = " + GLOBEX});
        cases.add(new String[] {ENTRIES, file("keys.json", """
                [{"id": "00000000-0000-4000-8000-0000000000e1", "account_id": "%s", "memo": "ok", "amount": 1, "booked_at": "2026-11-20"},
                 {"id": "00000000-0000-4000-8000-0000000000e2", "account_id": "%s", "memo": "ok", "booked_at": "2026-11-20"}]"""
                .formatted(ACME, ACME)).getFileName().toString(),
                "keys.json, line 2, column amount: missing from this object (every object has the first object's keys; null for no value)"});
        cases.add(new String[] {ACCOUNTS, file("malformed.json", "[{\"name\": \"Acme\", \"balance\": 1},\n {\"name\": \"Globex\" \"balance\": 2}]")
                .getFileName().toString(), "malformed.json, line 2, column 20: malformed JSON: Unexpected character ('\"' (code 34)): was"
                + " expecting comma to separate Object entries"});
        cases.add(new String[] {ACCOUNTS, file("object.json", "{\"name\": \"Acme\", \"balance\": 1}").getFileName().toString(),
                "object.json, line 1: a JSON file to import is an array of objects, one per row"});
        cases.add(new String[] {PROFILES, file("email.json", """
                [{"score": 1, "seen_at": "2026-11-20T09:30:00Z", "born": "1984-02-29", "tags": [],
                  "email": "not an address"}]""").getFileName().toString(),
                "email.json, line 2, column email: value for domain fixture.email violates check constraint \"email_check\""});
        cases.add(new String[] {ACCOUNTS, file("unclosed.csv", "name,balance\nFine,1\n\"Never closed,2\n" + "x,1\n".repeat(3_000_000))
                .getFileName().toString(), "unclosed.csv, line 3, column name: a field longer than 10485760 characters (is a quote never closed?)"});
        cases.add(new String[] {ACCOUNTS, file("empty.csv", "").getFileName().toString(), "empty.csv: the file is empty"});
        cases.add(new String[] {ACCOUNTS, file("empty.json", "[]").getFileName().toString(), "empty.json: the file is empty"});
        cases.add(new String[] {ACCOUNTS, file("header.csv", "name,balance\n").getFileName().toString(), "header.csv: the file has no rows"});
        cases.add(new String[] {ACCOUNTS, file("accounts.txt", "name,balance\nAcme,1\n").getFileName().toString(),
                "accounts.txt: not a .csv or .json file"});

        for (String[] c : cases) {
            Path path = directory.resolve(c[1]);
            assertThatThrownBy(() -> importInto(c[0], path)).as(c[1]).isInstanceOfSatisfying(SeedResetException.class, e -> {
                assertThat(e.reason()).isEqualTo(Reason.INVALID_IMPORT);
                assertThat(e.getMessage()).isEqualTo(c[2] + "; nothing was imported");
                assertThat(e.detail(SeedResetException.VALUE)).isEqualTo(c[1]);
            });
            assertThat(state()).as(c[1]).isEqualTo(before);
        }
        assertThat(imports()).hasSize(1 + cases.size()).first().satisfies(e -> assertThat(e.outcome()).isEqualTo(AuditOutcome.FAILED));
    }

    @Test
    void the_same_file_imported_twice_is_refused_as_a_duplicate_because_its_ids_are_made_from_it() throws Exception {
        Path accounts = file("accounts.csv", "name,balance\nAcme,1\nGlobex,2\n");
        ImportResult first = importInto(ACCOUNTS, accounts);

        assertThatThrownBy(() -> importInto(ACCOUNTS, accounts)).isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.getMessage())
                .isEqualTo("accounts.csv, line 2, column id: duplicate key (id = " + fixture.strings("SELECT id::text FROM fixture.accounts"
                        + " WHERE name = 'Acme'").get(0) + "): already in fixture.accounts (the ids are made from the file's name and each record's"
                        + " place: this file was imported into this organization already); nothing was imported"));
        assertThat(fixture.count("SELECT count(*) FROM fixture.accounts")).isEqualTo(2);
        assertThat(ledgerRows(first.application())).isEqualTo(2);
    }

    @Test
    void a_production_organization_is_refused_audited_and_untouched() throws Exception {
        Path accounts = file("accounts.csv", "name,balance\nAcme,1\n");

        assertThatThrownBy(() -> seedReset.importRows(ImportRequest.of(PRODUCTION, ACCOUNTS, accounts).confirm(PRODUCTION)))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PRODUCTION_ORGANIZATION));
        assertThatThrownBy(() -> seedReset.importRows(ImportRequest.of(PRODUCTION, ACCOUNTS, accounts).asDryRun()))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PRODUCTION_ORGANIZATION));

        assertThat(fixture.count("SELECT count(*) FROM fixture.accounts")).isZero();
        assertThat(fixture.count("SELECT count(*) FROM platform.seed_applications")).isZero();
        assertThat(imports()).hasSize(2).allSatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(AuditOutcome.REFUSED);
            assertThat(e.organization()).isEqualTo(PRODUCTION);
        });
    }

    @Test
    void an_import_needs_the_slug_typed_but_a_dry_run_checks_everything_and_writes_nothing() throws Exception {
        Path accounts = file("accounts.csv", "name,balance\nAcme,1\nGlobex,2\n");

        assertThatThrownBy(() -> seedReset.importRows(ImportRequest.of(DEMO, ACCOUNTS, accounts)))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CONFIRMATION_REQUIRED));
        ImportResult dryRun = seedReset.importRows(ImportRequest.of(DEMO, ACCOUNTS, accounts).asDryRun());

        assertThat(dryRun.dryRun()).isTrue();
        assertThat(dryRun.rows()).isEqualTo(2);
        assertThat(dryRun.application()).isNull();
        assertThat(fixture.count("SELECT count(*) FROM fixture.accounts")).isZero();
        assertThat(fixture.count("SELECT count(*) FROM platform.seed_row_sets")).isZero();
        assertThat(fixture.count("SELECT count(*) FROM platform.seed_applications")).isZero();
        assertThat(imports()).extracting(AuditEntry::outcome).containsExactly(AuditOutcome.UNCHANGED, AuditOutcome.CONFLICT);
        // And it fails as the import would.
        assertThatThrownBy(() -> seedReset.importRows(ImportRequest.of(DEMO, ACCOUNTS, file("bad.csv", "name,balance\nAcme,x\n")).asDryRun()))
                .hasMessage("bad.csv, line 2, column balance: invalid input syntax for type numeric: \"x\"; nothing was imported");
    }

    @Test
    void teardown_removes_exactly_the_imported_rows_and_reset_drops_them() throws Exception {
        seedReset.apply(Fixture.applyTo(DEMO));
        long seeded = fixture.tenantRows(DEMO);
        List<String> packRows = rows(ACCOUNTS);
        ImportResult imported = importInto(ACCOUNTS, file("accounts.csv", "name,balance\nAcme,1\nGlobex,2\n"));
        assertThat(fixture.tenantRows(DEMO)).isEqualTo(seeded + 2);

        seedReset.teardown(TeardownRequest.of(DEMO).application(imported.application()).confirm(DEMO));
        assertThat(rows(ACCOUNTS)).isEqualTo(packRows);

        importInto(ACCOUNTS, file("more.csv", "name,balance\nInitech,3\n"));
        assertThat(fixture.tenantRows(DEMO)).isEqualTo(seeded + 1);
        seedReset.reset(ResetRequest.of(DEMO).confirm(DEMO));
        assertThat(fixture.tenantRows(DEMO)).isEqualTo(seeded);
        assertThat(fixture.strings("SELECT name FROM fixture.accounts WHERE name = 'Initech'")).isEmpty();
        assertThat(seedReset.history(HistoryRequest.of(DEMO)).applications().stream().filter(ApplicationRecord::active)
                .map(ApplicationRecord::source)).containsExactly(ApplicationRecord.Source.PACK);
    }

    @Test
    void a_byte_order_mark_is_dropped_and_a_constraint_only_the_insert_can_check_names_the_file() throws Exception {
        ImportResult withMark = importInto(ACCOUNTS, file("excel.csv", "\uFEFFname,balance\nAcme,1\n"));
        assertThat(withMark.rows()).isEqualTo(1);
        fixture.execute("CREATE UNIQUE INDEX accounts_big_name ON fixture.accounts (org_id, name) WHERE balance > 100");
        List<String> before = state();

        assertThatThrownBy(() -> importInto(ACCOUNTS, file("big.csv", "name,balance\nRich,500\nRich,600\n")))
                .isInstanceOfSatisfying(SeedResetException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID_IMPORT);
                    assertThat(e.getMessage()).startsWith("big.csv: duplicate key value violates unique constraint \"accounts_big_name\" (Key (org_id,"
                            + " name)=(").endsWith(", Rich) already exists.); nothing was imported");
                });
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void a_table_that_is_not_a_tenant_table_is_bad_input() throws Exception {
        Path accounts = file("accounts.csv", "name,balance\nAcme,1\n");
        assertThatThrownBy(() -> importInto("platform.organizations", accounts)).isInstanceOfSatisfying(SeedResetException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.INVALID_VALUE);
            assertThat(e.getMessage()).isEqualTo("'platform.organizations' is not a tenant table (schema.table, with the tenant column org_id, outside platform)");
        });
    }
}
